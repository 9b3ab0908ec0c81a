// rapport-cli tags, questions, lint-banks: what the question banks hold, and
// whether they are well formed.
#include "cli/context.h"
#include "engine/questions/avoid_banks.h"
#include "engine/questions/bank_lint.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <iostream>
#include <memory>

namespace rapport::cli {

namespace {

using json = nlohmann::json;

json tags_json(const std::vector<const Tag*>& tags) {
    json out = json::array();
    for (const Tag* t : tags) {
        json tag = {{"id", t->id}, {"label", t->label}};
        if (!t->keywords.empty()) tag["keywords"] = t->keywords;
        out.push_back(std::move(tag));
    }
    return out;
}

void print_tags_text(const std::string& title, const std::vector<const Tag*>& tags) {
    std::cout << title << ":\n";
    size_t width = 0;
    for (const Tag* t : tags) width = std::max(width, t->id.size());
    for (const Tag* t : tags)
        std::cout << "  " << t->id << std::string(width - t->id.size() + 2, ' ') << t->label << "\n";
}

void add_tags_command(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("tags", "List the industries and goals a sheet can target");
    struct Options {
        std::string lang = "en";
        std::string format, search;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("--lang", o->lang, "Language of the labels")->capture_default_str();
    cmd->add_option("--search", o->search,
                    "Only tags whose label, id or keywords contain this (\"city\" finds the "
                    "public sector)");
    add_format_option(cmd, o->format, {"text", "json"});
    on_run(cmd, ctx, [&ctx, o] {
        const TagSet& tags = ctx.banks().require_tags(o->lang);
        const auto industries = search_tags(tags.industries, o->search);
        const auto goals = search_tags(tags.goals, o->search);
        if (o->format == "json") {
            const json out{{"industries", tags_json(industries)}, {"goals", tags_json(goals)}};
            std::cout << json_text(out, 2) << "\n";
            return;
        }
        print_tags_text("Industries", industries);
        print_tags_text("Goals", goals);
    });
}

json question_json(const Question& q) {
    json out = {{"id", q.id},
                {"text", q.text},
                {"stage", std::string(stage_id(q.stage))},
                {"industries", q.industries},
                {"goals", q.goals},
                {"minutes", q.minutes},
                {"priority", q.priority}};
    if (!q.generic_text.empty()) out["generic_text"] = q.generic_text;
    if (!q.group.empty()) out["group"] = q.group;
    if (q.audience != Audience::any) out["audience"] = std::string(audience_id(q.audience));
    if (!q.excluded_industries.empty()) out["excluded_industries"] = q.excluded_industries;
    return out;
}

void add_questions_command(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "questions", "List the questions of a language, optionally for one industry or goal "
                     "(questions for every industry or goal are included)");
    struct Options {
        std::string lang = "en", industry, goal, format;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("--lang", o->lang, "Language")->capture_default_str();
    cmd->add_option("--industry", o->industry, "Only questions that suit this industry");
    cmd->add_option("--goal", o->goal, "Only questions that serve this goal");
    add_format_option(cmd, o->format, {"text", "json"});
    on_run(cmd, ctx, [&ctx, o] {
        const Banks& banks = ctx.banks();
        const TagSet& tags = banks.require_tags(o->lang);
        if (!o->industry.empty()) tags.require_industry(o->industry);
        if (!o->goal.empty()) tags.require_goal(o->goal);
        json list = json::array();
        for (const auto& q : banks.questions) {
            if (q.lang != o->lang) continue;
            if (!o->industry.empty() && !q.serves_industry(o->industry)) continue;
            if (!o->goal.empty() && !q.serves_goal(o->goal)) continue;
            if (o->format == "json") list.push_back(question_json(q));
            else
                std::cout << q.id << "  [" << stage_id(q.stage) << ", " << q.minutes << " min]  "
                          << q.text << "\n";
        }
        if (o->format == "json") std::cout << json_text(list, 2) << "\n";
    });
}

// Names the .json files of the folder no loader reads (a misspelt name
// would otherwise be skipped without a word).
void note_unread_files(const std::filesystem::path& dir) {
    static constexpr std::array<std::string_view, 7> kKinds = {
        "questions", "tags", "preparation", "avoid-rules", "debrief", "drafts", "pitch-cues"};
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() != ".json") continue;
        const bool known = std::any_of(kKinds.begin(), kKinds.end(),
                                       [&](std::string_view k) { return name.starts_with(k); });
        if (!known)
            std::cerr << "rapport-cli: note: " << entry.path().string()
                      << " is not read (bank files are named questions*, tags*, preparation*, "
                         "avoid-rules*, debrief*, drafts*, pitch-cues*)\n";
    }
}

void add_lint_command(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "lint-banks", "Check every question bank, tags and checklist file, and that no "
                      "question is one to avoid; one line per problem (file:line: message), "
                      "exit 1 when there are any");
    // Also accepted after the command name: rapport-cli lint-banks --banks DIR.
    cmd->add_option("--banks", ctx.banks_option, "Folder of question banks to check");
    on_run(cmd, ctx, [&ctx] {
        const auto dir = ctx.banks_dir();
        if (!std::filesystem::is_directory(dir))
            throw Error("--banks: " + dir.string() + ": no such folder");
        note_unread_files(dir);
        // Beyond the schema: no bank question may be one to avoid.
        LintReport report = lint_banks(ctx.bank_dirs(), {avoid_lint_pass(ctx.banks_dir())});
        for (const auto& problem : report.problems) std::cout << problem.to_string() << "\n";
        if (!report.problems.empty()) {
            ctx.exit_code = kExitProblems;
            return;
        }
        if (report.files == 0) {
            std::cout << dir.string() << ": no bank files (questions*.json, tags*.json, "
                                         "preparation*.json) to check\n";
            ctx.exit_code = kExitProblems;
            return;
        }
        std::cout << "OK: " << report.files << " files, " << report.questions
                  << " questions, no problems\n";
    });
}

}  // namespace

void add_bank_commands(CLI::App& app, Context& ctx) {
    add_tags_command(app, ctx);
    add_questions_command(app, ctx);
    add_lint_command(app, ctx);
}

}  // namespace rapport::cli
