// rapport-cli spell [--lang L] [--format text|json] [FILE|-]: spelling and
// writing checks of a text before it is sent.
// rapport-cli words [list|add WORD...|remove WORD...]: the user's own words.
#include "cli/spelling_check.h"

#include "engine/base/error.h"
#include "engine/language/text_checker.h"
#include "engine/records/profile.h"
#include "engine/records/word_list.h"

#include <unicode/utf8.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

namespace rapport::cli {
namespace {

using ojson = nlohmann::ordered_json;

SpellLanguage spell_language_option(const std::string& code) {
    if (auto language = spell_language_from_code(code)) return *language;
    throw Error("--lang '" + code + "' is not a spelling language (en, en-ca, en-gb, fr)");
}

bool has_database(Context& ctx) {
    return !ctx.db_option.empty() || std::filesystem::exists(ctx.db_path());
}

// Names from the records and the added words, when a database is there.
// Checking never creates a database.
PersonalWords personal_words(Context& ctx, const std::vector<std::string>& extra_phrases) {
    std::vector<std::string> phrases = extra_phrases;
    if (has_database(ctx)) {
        auto from_db = personal_word_sources(ctx.db());
        phrases.insert(phrases.end(), from_db.begin(), from_db.end());
    }
    return PersonalWords(phrases);
}

// The language the user writes in: the option, else the profile's (only
// when a database exists), else English; English in the profile's spelling.
std::string default_language(Context& ctx, const std::string& option) {
    if (!option.empty()) return option;
    if (!has_database(ctx)) return "en";
    const Profile profile = load_profile(ctx.db());
    return spelling_language_code(profile, profile.language);
}

std::vector<TextIssue> issues_with_suggestions(Context& ctx, std::string_view text,
                                               const std::string& lang,
                                               const std::vector<std::string>& extra_phrases) {
    TextChecker checker(spell_language_option(lang), personal_words(ctx, extra_phrases));
    std::vector<TextIssue> issues = checker.check(text);
    checker.add_suggestions(issues);
    return issues;
}

ojson issue_json(const TextIssue& issue) {
    return ojson{{"word", issue.word},
                 {"offset", issue.offset},
                 {"line", issue.line},
                 {"kind", issue_kind_name(issue.kind)},
                 {"suggestions", issue.suggestions},
                 {"reason", issue.reason}};
}

void print_issue_line(const TextIssue& issue) {
    std::cout << "line " << issue.line << ", byte " << issue.offset << ": "
              << issue_kind_name(issue.kind) << " \u201C" << issue.word << "\u201D: " << issue.reason;
    if (!issue.suggestions.empty()) {
        std::cout << " Try: ";
        for (std::size_t i = 0; i < issue.suggestions.size(); ++i)
            std::cout << (i ? ", " : "") << "\u201C" << issue.suggestions[i] << "\u201D";
    }
    std::cout << "\n";
}

// Byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t invalid_utf8_at(std::string_view text) {
    int32_t i = 0;
    const auto length = static_cast<int32_t>(text.size());
    while (i < length) {
        const int32_t at = i;
        UChar32 c;
        U8_NEXT(text.data(), i, length, c);
        if (c < 0) return static_cast<std::size_t>(at);
    }
    return std::string_view::npos;
}

std::string read_text(const std::string& file) {
    std::string text;
    if (file == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), {});
    } else {
        std::ifstream in(file, std::ios::binary);
        if (!in || std::filesystem::is_directory(file))
            throw Error(file + ": cannot read this file");
        text.assign(std::istreambuf_iterator<char>(in), {});
        if (in.bad()) throw Error(file + ": cannot read this file");
    }
    if (const auto at = invalid_utf8_at(text); at != std::string_view::npos)
        throw Error((file == "-" ? std::string("<stdin>") : file) + ": not UTF-8 text (byte " +
                    std::to_string(at) + ")");
    return text;
}

struct SpellOptions {
    std::string lang, format, file = "-";
};

void run_spell(Context& ctx, const SpellOptions& o) {
    const std::string text = read_text(o.file);
    const auto issues = issues_with_suggestions(ctx, text, default_language(ctx, o.lang), {});
    if (!issues.empty()) ctx.exit_code = kExitProblems;
    if (o.format == "json") {
        ojson out = ojson::array();
        for (const auto& issue : issues) out.push_back(issue_json(issue));
        print_json(out);
        return;
    }
    for (const auto& issue : issues) print_issue_line(issue);
}

void add_words_commands(CLI::App& app, Context& ctx) {
    auto* group = app.add_subcommand(
        "words", "Your own words for the spelling check (names from your contacts count already)");
    group->require_subcommand(0, 1);
    auto words = std::make_shared<std::vector<std::string>>();

    auto* add = group->add_subcommand("add", "Add words to your list");
    add->add_option("WORD", *words, "One or more words")->required();
    on_run(add, ctx, [&ctx, words] {
        ctx.db().transaction([&] {
            for (const auto& w : *words)
                std::cout << (add_personal_word(ctx.db(), w) ? "added " : "already there: ") << w << "\n";
        });
    });

    auto* remove = group->add_subcommand("remove", "Remove words from your list");
    remove->add_option("WORD", *words, "One or more words")->required();
    on_run(remove, ctx, [&ctx, words] {
        for (const auto& w : *words) {
            if (!remove_personal_word(ctx.db(), w)) {
                std::cerr << "rapport-cli: '" << w << "' is not in your words\n";
                ctx.exit_code = kExitUsage;
            }
        }
    });

    auto* list = group->add_subcommand("list", "List the words you added (the default)");
    const auto print_list = [&ctx] {
        for (const auto& w : list_personal_words(ctx.db())) std::cout << w << "\n";
    };
    on_run(list, ctx, print_list);
    group->callback([&ctx, group, print_list] {
        if (group->get_subcommands().empty()) ctx.action = print_list;
    });
}

}  // namespace

void print_spelling_check(Context& ctx, std::string_view text, const std::string& text_lang,
                          const std::vector<std::string>& extra_phrases) {
    // A draft or sheet in English is checked in the English the user spells.
    const std::string lang =
        has_database(ctx) ? spelling_language_code(load_profile(ctx.db()), text_lang) : text_lang;
    const auto issues = issues_with_suggestions(ctx, text, lang, extra_phrases);
    std::cout << "\n-- Spelling, " << spell_language_info(spell_language_option(lang)).name
              << ": " << (issues.empty() ? "no" : std::to_string(issues.size()))
              << (issues.size() == 1 ? " issue" : " issues") << " --\n";
    for (const auto& issue : issues) print_issue_line(issue);
    if (!issues.empty()) ctx.exit_code = kExitProblems;
}

void add_spell_commands(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<SpellOptions>();
    auto* spell = app.add_subcommand(
        "spell", "Check spelling, repeated words, a/an, capitals, spaces and French typography "
                 "(exit 1 if any issue)");
    spell->add_option("--lang", o->lang,
                      "en|en-ca|en-gb|fr (default: the profile's language and English spelling)")
        ->check(CLI::IsMember({"en", "en-us", "en-ca", "en-gb", "fr"}));
    add_format_option(spell, o->format, {"text", "json"});
    spell->add_option("FILE", o->file, "Text file to check, or - for standard input (the default)");
    on_run(spell, ctx, [&ctx, o] { run_spell(ctx, *o); });
    add_words_commands(app, ctx);
}

}  // namespace rapport::cli
