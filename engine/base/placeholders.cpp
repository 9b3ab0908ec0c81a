#include "engine/base/placeholders.h"

#include <algorithm>
#include <array>

namespace rapport {

bool is_placeholder_name(std::string_view name) {
    return std::find(kPlaceholderNames.begin(), kPlaceholderNames.end(), name) !=
           kPlaceholderNames.end();
}

namespace {

template <size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

bool is_form(std::string_view form) { return in(kEnglishForms, form) || in(kFrenchForms, form); }

// Splits "[form ]name[:verb]" without judging the parts; a first word that
// is not a form stays part of the name (so the check can report it).
PlaceholderRef split_ref(std::string_view inside) {
    PlaceholderRef ref;
    if (size_t colon = inside.find(':'); colon != std::string_view::npos) {
        ref.verb = std::string(inside.substr(colon + 1));
        inside = inside.substr(0, colon);
    }
    if (size_t space = inside.find(' '); space != std::string_view::npos &&
                                         is_form(inside.substr(0, space))) {
        ref.form = std::string(inside.substr(0, space));
        inside = inside.substr(space + 1);
    }
    ref.name = std::string(inside);
    return ref;
}

// The next '{' or '}' from `from` on. (string_view::find_first_of calls
// memchr over "{}" once per character: a tenth of a big bank's load.)
size_t find_brace(std::string_view text, size_t from) {
    for (size_t i = from; i < text.size(); ++i)
        if (text[i] == '{' || text[i] == '}') return i;
    return std::string_view::npos;
}

// Calls on_text for literal runs and on_name for {…} runs; returns a
// problem message for the first malformed brace, or "" when well formed.
template <class OnText, class OnName>
std::string scan(std::string_view text, OnText on_text, OnName on_name) {
    size_t i = 0;
    while (i < text.size()) {
        size_t open = find_brace(text, i);
        if (open == std::string_view::npos) {
            on_text(text.substr(i));
            break;
        }
        on_text(text.substr(i, open - i));
        if (text[open] == '}') return "unmatched '}'";
        size_t close = find_brace(text, open + 1);
        if (close == std::string_view::npos || text[close] == '{') return "unmatched '{'";
        on_name(text.substr(open + 1, close - open - 1));
        i = close + 1;
    }
    return "";
}

bool starts_with_any(std::string_view word, const std::vector<std::string>& starts) {
    return std::any_of(starts.begin(), starts.end(),
                       [&](const std::string& s) { return word.rfind(s, 0) == 0; });
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string_view first_word(std::string_view text) {
    size_t end = text.find_first_of(" -'");
    return text.substr(0, end);
}

bool is_acronym(std::string_view word) {
    return word.size() >= 2 && std::all_of(word.begin(), word.end(), [](char c) {
               return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
           });
}

// Vowels as they start a UTF-8 word, accented ones included.
constexpr std::array<std::string_view, 30> kVowelStarts = {
    "a", "e", "i", "o", "u", "A", "E", "I", "O", "U", "à", "â", "ä", "é", "è",
    "ê", "ë", "î", "ï", "ô", "ö", "ù", "û", "ü", "À", "Â", "É", "È", "Ê", "Î"};

bool starts_with_vowel(std::string_view word) {
    return std::any_of(kVowelStarts.begin(), kVowelStarts.end(),
                       [&](std::string_view v) { return word.rfind(v, 0) == 0; });
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.rfind(prefix, 0) == 0;
}

// a + b, built by appending (GCC 12 warns falsely about operator+ on
// literals and substrings under -O2).
std::string concat(std::string_view a, std::string_view b) {
    std::string out;
    out.reserve(a.size() + b.size());
    out.append(a).append(b);
    return out;
}

// The form in front of one value (one part of a joined value).
std::string form_one(std::string_view form, std::string_view value, const Grammar& grammar) {
    if (form == "a") return concat(indefinite_article(value, grammar) + " ", value);
    if (form == "de") {
        if (starts_with(value, "le ")) return concat("du ", value.substr(3));
        if (starts_with(value, "les ")) return concat("des ", value.substr(4));
        if (starts_with(value, "la ") || starts_with(value, "l'")) return concat("de ", value);
        return concat(elides(value, grammar) ? "d'" : "de ", value);
    }
    if (form == "à") {
        if (starts_with(value, "le ")) return concat("au ", value.substr(3));
        if (starts_with(value, "les ")) return concat("aux ", value.substr(4));
        return concat("à ", value);
    }
    if (form == "le") return concat(elides(value, grammar) ? "l'" : "le ", value);
    return std::string(value);
}

}  // namespace

std::optional<PlaceholderRef> parse_placeholder(std::string_view inside) {
    PlaceholderRef ref = split_ref(inside);
    if (!is_placeholder_name(ref.name)) return std::nullopt;
    if (inside.find(':') != std::string_view::npos && ref.verb.empty()) return std::nullopt;
    return ref;
}

std::string indefinite_article(std::string_view word, const Grammar& grammar) {
    std::string_view first = first_word(word);
    if (is_acronym(first))
        return grammar.vowel_letters.find(first[0]) != std::string::npos ? "an" : "a";
    const std::string lower = lower_ascii(word);
    if (starts_with_any(lower, grammar.an_before)) return "an";
    if (starts_with_any(lower, grammar.a_before)) return "a";
    return starts_with_vowel(word) ? "an" : "a";
}

bool elides(std::string_view word, const Grammar& grammar) {
    if (starts_with_vowel(word)) return true;
    if (word.empty() || (word[0] != 'h' && word[0] != 'H')) return false;
    return !starts_with_any(lower_ascii(word), grammar.aspirated_h);
}

std::string with_form(std::string_view form, const std::string& value, const Grammar& grammar) {
    return form.empty() ? value : form_one(form, value, grammar);
}

std::string agree(const std::string& verb, bool plural, const Grammar& grammar) {
    if (!plural) return verb;
    auto it = grammar.plural_verbs.find(verb);
    return it == grammar.plural_verbs.end() ? verb : it->second;
}

std::string first_name(std::string_view full_name) {
    static constexpr std::array<std::string_view, 14> kTitles = {
        "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof.", "m.", "mme", "mlle", "pr"};
    std::vector<std::string_view> words;
    size_t i = 0;
    while (i < full_name.size()) {
        size_t end = full_name.find(' ', i);
        if (end == std::string_view::npos) end = full_name.size();
        if (end > i) words.push_back(full_name.substr(i, end - i));
        i = end + 1;
    }
    if (words.empty()) return "";
    if (words.size() >= 3 && in(kTitles, lower_ascii(words[0])))
        return std::string(words[0]) + " " + std::string(words.back());
    if (words.size() == 2 && in(kTitles, lower_ascii(words[0]))) return std::string(full_name);
    return std::string(words[0]);
}

std::string join_with_and(const std::vector<std::string>& parts, const std::string& and_word) {
    // A part that holds the word itself ("research and academia") needs a
    // comma before the last one, or the list reads as three things.
    const std::string spaced = " " + and_word + " ";
    const bool nested = std::any_of(parts.begin(), parts.end(), [&](const std::string& p) {
        return p.find(spaced) != std::string::npos;
    });
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += (i + 1 == parts.size()) ? (nested ? "," : "") + spaced : ", ";
        out += parts[i];
    }
    return out;
}

std::vector<std::string> placeholder_problems(std::string_view text, const Grammar* grammar) {
    std::vector<std::string> problems;
    // Most texts have no braces at all (a bank of 100,000 questions checks
    // 200,000 of them on every load).
    if (find_brace(text, 0) == std::string_view::npos) return problems;
    auto check = [&](std::string_view inside) {
        const std::string shown = concat(concat("{", inside), "}");
        auto ref = parse_placeholder(inside);
        if (!ref) {
            problems.push_back("unknown placeholder " + shown +
                               " (known: {industry} {company} {role} {name}, optionally with a "
                               "form in front and a :verb after)");
            return;
        }
        if (!grammar) return;
        const bool french = grammar->lang == "fr";
        if (!ref->form.empty() && (french ? !in(kFrenchForms, ref->form) : !in(kEnglishForms, ref->form)))
            problems.push_back("form '" + ref->form + "' in " + shown + " is not one of language '" +
                               grammar->lang + "'");
        if (!ref->verb.empty() && !grammar->plural_verbs.count(ref->verb))
            problems.push_back("verb '" + ref->verb + "' in " + shown +
                               " has no plural in the tags file's grammar.plural_verbs");
    };
    std::string syntax = scan(text, [](std::string_view) {}, check);
    if (!syntax.empty()) problems.push_back(syntax);
    return problems;
}

std::vector<std::string> placeholders_in(std::string_view text) {
    std::vector<std::string> names;
    scan(text, [](std::string_view) {}, [&](std::string_view inside) {
        names.push_back(split_ref(inside).name);
    });
    return names;
}

std::optional<std::string> fill_placeholders(std::string_view text,
                                             const std::map<std::string, PlaceholderValue>& values,
                                             const Grammar& grammar) {
    std::string out;
    bool missing = false;
    std::string syntax = scan(
        text, [&](std::string_view literal) { out += literal; },
        [&](std::string_view inside) {
            const PlaceholderRef ref = split_ref(inside);
            auto it = values.find(ref.name);
            if (it == values.end() || it->second.empty()) {
                missing = true;
                return;
            }
            const PlaceholderValue& value = it->second;
            std::vector<std::string> parts;
            for (const auto& part : value.parts) parts.push_back(with_form(ref.form, part, grammar));
            out += join_with_and(parts, value.and_word);
            if (!ref.verb.empty()) out.append(" ").append(agree(ref.verb, value.parts.size() > 1, grammar));
        });
    if (missing || !syntax.empty()) return std::nullopt;
    return out;
}

std::optional<std::string> fill_placeholders(std::string_view text,
                                             const std::map<std::string, std::string>& values) {
    std::map<std::string, PlaceholderValue> plain;
    for (const auto& [name, value] : values) plain.emplace(name, PlaceholderValue(value));
    static const Grammar kNoData;
    return fill_placeholders(text, plain, kNoData);
}

}  // namespace rapport
