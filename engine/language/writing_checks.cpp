#include "engine/language/writing_checks.h"

#include <algorithm>
#include <array>

namespace rapport {
namespace {

constexpr std::string_view kNoBreakSpace = "\u00A0";

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool all_space(std::string_view s) { return std::all_of(s.begin(), s.end(), is_space_byte); }

// A blank line between two words starts a new paragraph.
bool has_blank_line(std::string_view gap) {
    const auto first = gap.find('\n');
    if (first == std::string_view::npos) return false;
    for (std::size_t i = first + 1; i < gap.size(); ++i) {
        if (gap[i] == '\n') return true;
        if (gap[i] != ' ' && gap[i] != '\t' && gap[i] != '\r') return false;
    }
    return false;
}

// Words after which a full stop does not end the sentence.
bool is_abbreviation(std::string_view folded) {
    static constexpr std::array kAbbreviations = {
        "e.g", "i.e", "etc", "vs", "cf", "approx", "ex", "p.ex", "mr", "mrs", "ms", "dr", "st",
        "no", "env", "nb", "p", "pp", "vol", "fig", "jr", "sr", "inc", "ltd", "co", "mme", "mlle"};
    return std::find(kAbbreviations.begin(), kAbbreviations.end(), folded) != kAbbreviations.end();
}

bool only_digits(std::string_view word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The gap after `previous` ends a sentence: ". ", "? ", ".) ", "!\" "… but
// not an ellipsis, nor the dot of an abbreviation, an initial or "1.".
bool ends_sentence(std::string_view gap, std::string_view previous) {
    std::size_t i = 0;
    while (i < gap.size() && std::string_view(")]\"'").find(gap[i]) != std::string_view::npos) ++i;
    if (i >= gap.size() || std::string_view(".!?").find(gap[i]) == std::string_view::npos) return false;
    if (gap.substr(i, 2) == "..") return false;
    if (gap.find_first_of(" \t\n") == std::string_view::npos) return false;
    if (gap[i] != '.') return true;
    return !(code_points(previous) == 1 || only_digits(previous) || is_abbreviation(fold_word(previous)));
}

// The reasons are in the language of the text: a French note gets French ones.
std::string quoted(std::string_view word, bool english) {
    return english ? "\u201C" + std::string(word) + "\u201D"
                   : "\u00AB\u00A0" + std::string(word) + "\u00A0\u00BB";
}

TextIssue make_issue(IssueKind kind, std::string_view text, std::size_t offset, std::size_t length,
                     std::vector<std::string> suggestions, std::string reason) {
    return {kind, offset, length, 1, std::string(text.substr(offset, length)), std::move(suggestions),
            std::move(reason)};
}

// ---------------------------------------------------------------------------

// Pairs people write on purpose: "that that", "had had", "vous vous".
bool repeat_allowed(std::string_view folded, bool english) {
    if (english) return folded == "that" || folded == "had";
    return folded == "nous" || folded == "vous";
}

void check_repeats(std::string_view text, const std::vector<WordToken>& tokens, bool english,
                   std::vector<TextIssue>& out) {
    for (std::size_t i = 1; i < tokens.size(); ++i) {
        const WordToken &a = tokens[i - 1], &b = tokens[i];
        if (a.skipped || b.skipped) continue;
        if (!all_space(text.substr(a.offset + a.length, b.offset - a.offset - a.length))) continue;
        const std::string folded = fold_word(a.text(text));
        if (folded != fold_word(b.text(text)) || repeat_allowed(folded, english)) continue;
        out.push_back(make_issue(IssueKind::repeat, text, a.offset, b.offset + b.length - a.offset,
                                 {std::string(a.text(text))},
                                 quoted(a.text(text), english) +
                                     (english ? " is written twice in a row."
                                              : " est \u00E9crit deux fois de suite.")));
    }
}

// ---------------------------------------------------------------------------

// Letters whose English names start with a vowel sound: "an MBA", "an HR role".
bool letter_name_starts_with_vowel(char upper) {
    return std::string_view("AEFHILMNORSX").find(upper) != std::string_view::npos;
}

bool starts_with_any(std::string_view word, std::initializer_list<std::string_view> prefixes) {
    for (auto p : prefixes)
        if (word.starts_with(p)) return true;
    return false;
}

void check_articles(std::string_view text, const std::vector<WordToken>& tokens,
                    const std::vector<bool>& starts, std::vector<TextIssue>& out) {
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        const std::string_view article = tokens[i].text(text);
        // A capital "A" inside a sentence is more likely a letter ("plan A").
        const bool is_a = article == "a" || (article == "A" && starts[i]);
        const bool is_an = article == "an" || article == "An" || (article == "AN" && starts[i]);
        if (!is_a && !is_an) continue;
        const WordToken& next = tokens[i + 1];
        const std::size_t gap_start = tokens[i].offset + tokens[i].length;
        if (next.skipped || !all_space(text.substr(gap_start, next.offset - gap_start))) continue;
        const auto vowel = starts_with_vowel_sound(next.text(text));
        if (!vowel || *vowel == is_an) continue;
        const bool capital = article[0] == 'A';
        if (is_a)
            out.push_back(make_issue(IssueKind::article, text, tokens[i].offset, tokens[i].length,
                                     {capital ? "An" : "an"},
                                     "Use \u201Can\u201D before a vowel sound (an hour, an MBA, an idea)."));
        else
            out.push_back(make_issue(IssueKind::article, text, tokens[i].offset, tokens[i].length,
                                     {capital ? "A" : "a"},
                                     "Use \u201Ca\u201D before a consonant sound (a university, a one-hour call, a UX role)."));
    }
}

// ---------------------------------------------------------------------------

// "an Ångström": the upper-case form of the first letter, as UTF-8.
std::string capitalized(std::string_view word) {
    // Words reaching here start with a lower-case letter; ASCII covers most,
    // and a few accented Latin-1 letters cover French.
    std::string out(word);
    if (out[0] >= 'a' && out[0] <= 'z') {
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    } else if (static_cast<unsigned char>(out[0]) == 0xC3 && out.size() > 1 &&
               static_cast<unsigned char>(out[1]) >= 0xA0 && static_cast<unsigned char>(out[1]) <= 0xBE) {
        out[1] = static_cast<char>(static_cast<unsigned char>(out[1]) - 0x20);  // é -> É
    } else {
        return {};
    }
    return out;
}

void check_capitals(std::string_view text, const std::vector<WordToken>& tokens,
                    const std::vector<bool>& starts, bool english, std::vector<TextIssue>& out) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string_view word = tokens[i].text(text);
        if (english && (word == "i" || word.starts_with("i'") || word.starts_with("i’"))) {
            std::string upper(word);
            upper[0] = 'I';
            out.push_back(make_issue(IssueKind::capital, text, tokens[i].offset, tokens[i].length,
                                     {upper}, "The pronoun “I” is always a capital."));
            continue;
        }
        if (!starts[i] || tokens[i].skipped || !starts_lower(word) || has_inner_capital(word)) continue;
        std::vector<std::string> suggestions;
        if (std::string upper = capitalized(word); !upper.empty()) suggestions.push_back(upper);
        out.push_back(make_issue(IssueKind::capital, text, tokens[i].offset, tokens[i].length,
                                 std::move(suggestions),
                                 english ? "A sentence starts with a capital letter."
                                         : "Une phrase commence par une majuscule."));
    }
}

// ---------------------------------------------------------------------------

void check_double_spaces(std::string_view text, bool english, std::vector<TextIssue>& out) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] != ' ') {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && text[end] == ' ') ++end;
        // Indentation and spaces at the end of a line are nobody's business.
        const bool inside_line = i > 0 && text[i - 1] != '\n' && end < text.size() &&
                                 text[end] != '\n' && text[end] != '\r';
        if (end - i >= 2 && inside_line)
            out.push_back(make_issue(IssueKind::space, text, i, end - i, {" "},
                                     english ? "Two spaces in a row: one is enough."
                                             : "Deux espaces de suite\u00A0: un seul suffit."));
        i = end;
    }
}

// ---------------------------------------------------------------------------

// The code point before byte `at` and its length, for the few we look at.
std::string_view before(std::string_view text, std::size_t at) {
    if (at == 0) return {};
    std::size_t start = at - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    return text.substr(start, at - start);
}

std::string_view after(std::string_view text, std::size_t at) {
    if (at >= text.size()) return {};
    std::size_t end = at + 1;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    return text.substr(at, end - at);
}

// Plain, no-break, narrow no-break and thin spaces, and line breaks.
bool is_spacing(std::string_view c) {
    return c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u00A0" || c == "\u202F" ||
           c == "\u2009";
}

bool is_digit_char(std::string_view c) { return c.size() == 1 && c[0] >= '0' && c[0] <= '9'; }

bool in_ranges(const std::vector<std::pair<std::size_t, std::size_t>>& ranges, std::size_t at) {
    for (const auto& [b, e] : ranges)
        if (at >= b && at < e) return true;
    return false;
}

// A mark that is not punctuation here: "10:30", ":)", ";-)", "?!".
bool mark_is_exempt(std::string_view text, std::size_t at) {
    const std::string_view prev = before(text, at), next = after(text, at + 1);
    if (text[at] == ':' && is_digit_char(prev) && is_digit_char(next)) return true;
    if (next == ")" || next == "(" || next == "-") return true;
    return prev == "?" || prev == "!";
}

constexpr std::string_view kGuillemetsReason =
    "En fran\u00E7ais, une espace s\u00E9pare les guillemets \u00AB\u00A0\u00BB de leur texte.";

// Only French text gets these, so the reasons are French.
void check_french_typography(std::string_view text,
                             const std::vector<std::pair<std::size_t, std::size_t>>& links,
                             std::vector<TextIssue>& out) {
    for (std::size_t at = 0; at < text.size(); ++at) {
        const char c = text[at];
        if ((c == '?' || c == '!' || c == ';' || c == ':') && at > 0) {
            const std::string_view prev = before(text, at);
            if (is_spacing(prev) || mark_is_exempt(text, at) || in_ranges(links, at)) continue;
            const std::string mark(1, c);
            out.push_back(make_issue(IssueKind::typography, text, at, 1,
                                     {std::string(kNoBreakSpace) + mark},
                                     "En fran\u00E7ais, une espace pr\u00E9c\u00E8de " +
                                         quoted(mark, false) +
                                         " (ins\u00E9cable, elle le garde sur la ligne)."));
        } else if (text.substr(at, 2) == "\u00AB" && !is_spacing(after(text, at + 2))) {
            out.push_back(make_issue(IssueKind::typography, text, at, 2,
                                     {"\u00AB" + std::string(kNoBreakSpace)},
                                     std::string(kGuillemetsReason)));
        } else if (text.substr(at, 2) == "\u00BB" && at > 0 && !is_spacing(before(text, at))) {
            out.push_back(make_issue(IssueKind::typography, text, at, 2,
                                     {std::string(kNoBreakSpace) + "\u00BB"},
                                     std::string(kGuillemetsReason)));
        }
    }
}

// French habits in English text: "Thank you !" -> "Thank you!".
void check_english_typography(std::string_view text,
                              const std::vector<std::pair<std::size_t, std::size_t>>& links,
                              std::vector<TextIssue>& out) {
    for (std::size_t at = 1; at < text.size(); ++at) {
        const char c = text[at];
        if (c != '?' && c != '!' && c != ';' && c != ':') continue;
        std::size_t space = at;
        while (space > 0 && (text[space - 1] == ' ')) --space;
        if (space == at || space == 0 || is_space_byte(text[space - 1])) continue;
        if (mark_is_exempt(text, at) || in_ranges(links, at)) continue;
        const std::string_view next = after(text, at + 1);
        if (!next.empty() && !is_spacing(next) && next != "\"" && next != ")") continue;
        const std::string mark(1, c);
        out.push_back(make_issue(IssueKind::typography, text, space, at + 1 - space, {mark},
                                 "In English, no space goes before \u201C" + mark + "\u201D."));
    }
}

}  // namespace

std::string_view issue_kind_name(IssueKind kind) {
    switch (kind) {
        case IssueKind::spelling: return "spelling";
        case IssueKind::repeat: return "repeat";
        case IssueKind::article: return "article";
        case IssueKind::capital: return "capital";
        case IssueKind::space: return "space";
        case IssueKind::typography: return "typography";
    }
    return "spelling";
}

std::vector<bool> sentence_starts(std::string_view text, const std::vector<WordToken>& tokens) {
    std::vector<bool> starts(tokens.size(), false);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (i == 0) {
            starts[i] = true;
            continue;
        }
        const WordToken& prev = tokens[i - 1];
        const std::size_t gap_start = prev.offset + prev.length;
        const std::string_view gap = text.substr(gap_start, tokens[i].offset - gap_start);
        starts[i] = has_blank_line(gap) || ends_sentence(gap, prev.text(text));
    }
    return starts;
}

std::optional<bool> starts_with_vowel_sound(std::string_view word) {
    if (word.empty()) return std::nullopt;
    if (is_all_caps(word)) {
        // Initialisms are read letter by letter; longer acronyms with vowels
        // may be read as words ("NASA", "UNESCO"): unsure.
        const bool has_vowel = word.find_first_of("AEIOU") != std::string_view::npos;
        if (word.size() <= 3 || !has_vowel) return letter_name_starts_with_vowel(word[0]);
        return std::nullopt;
    }
    const std::string w = fold_word(word);
    // Silent h.
    if (starts_with_any(w, {"hour", "honest", "honor", "honour", "heir"})) return true;
    // "u" and "eu" read "you", "o" read "w".
    if (starts_with_any(w, {"unin", "unim"})) return true;  // un-informed, un-important
    if (starts_with_any(w, {"uni", "use", "usu", "usa", "uti", "ute", "uto", "ura", "ure", "uri",
                            "uro", "ubi", "uku", "ukr", "eu", "ewe", "one", "once"}))
        return false;
    const unsigned char first = static_cast<unsigned char>(w[0]);
    if (first >= 0x80) return std::nullopt;  // é, ö…: rare in English after an article
    return std::string_view("aeiou").find(static_cast<char>(first)) != std::string_view::npos;
}

std::vector<TextIssue> writing_issues(std::string_view text, const std::vector<WordToken>& tokens,
                                      bool english) {
    std::vector<TextIssue> out;
    const std::vector<bool> starts = sentence_starts(text, tokens);
    const auto links = link_ranges(text);
    check_repeats(text, tokens, english, out);
    if (english) check_articles(text, tokens, starts, out);
    check_capitals(text, tokens, starts, english, out);
    check_double_spaces(text, english, out);
    if (english) check_english_typography(text, links, out);
    else check_french_typography(text, links, out);
    for (auto& issue : out) issue.line = line_at(text, issue.offset);
    std::stable_sort(out.begin(), out.end(),
                     [](const TextIssue& a, const TextIssue& b) { return a.offset < b.offset; });
    return out;
}

std::optional<std::string> replace_span(std::string_view text, const TextIssue& issue,
                                        std::string_view replacement) {
    if (issue.offset + issue.length > text.size() ||
        text.substr(issue.offset, issue.length) != issue.word)
        return std::nullopt;
    std::string out;
    out.reserve(text.size() + replacement.size());
    out.append(text.substr(0, issue.offset)).append(replacement).append(text.substr(issue.offset + issue.length));
    return out;
}

int line_at(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

}  // namespace rapport
