// Placeholders in question text, and the grammar that fits their values in.
//
// A question's text may name the meeting's industry, the contact's company,
// role or name. When the meeting gives no value for one of them the question
// is reworded (its generic_text) or left out — never printed with braces.
//
// A placeholder is written {name}, {form name}, {name:verb} or
// {form name:verb}:
//   name   industry, company, role or name.
//   form   the little word in front of the value, chosen from its first
//          sound: English `a` ("a nurse", "an engineer", "a UX designer",
//          "an HR manager"); French `de` ("d'infirmière", "de la santé",
//          "du secteur", "des médias"), `à` ("au commerce", "aux médias",
//          "à la santé", "à l'énergie") and `le` ("l'architecte",
//          "le droit").
//   verb   a verb that follows the value and agrees with it: singular as
//          written, plural when several values were joined ("technology
//          and healthcare are"), from the language's plural table.
// When a value is several parts (several industries), the form goes in
// front of each part: "de la santé et de l'énergie".
//
// The facts of each language that code cannot guess (words whose spelling
// hides their first sound, aspirated h, plural verbs) are data: the
// "grammar" object of the language's tags file, read into Grammar.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

inline constexpr std::array<std::string_view, 4> kPlaceholderNames = {"industry", "company",
                                                                      "role", "name"};
// Forms per language (see above).
inline constexpr std::array<std::string_view, 1> kEnglishForms = {"a"};
inline constexpr std::array<std::string_view, 3> kFrenchForms = {"de", "à", "le"};

bool is_placeholder_name(std::string_view name);

// What the braces hold: {form name:verb}.
struct PlaceholderRef {
    std::string form;  // "" when none
    std::string name;
    std::string verb;  // "" when none
};

// nullopt when inside is not "[form ]name[:verb]" with a known form (of any
// language) and a known name.
std::optional<PlaceholderRef> parse_placeholder(std::string_view inside);

// Grammar facts of one language (the tags file's "grammar" object):
//   an_before        (en) word starts read with a vowel sound: "hour", "honest"
//   a_before         (en) vowel-spelled starts read with a consonant: "uni", "one"
//   vowel_letters    (en) capital letters whose name starts with a vowel
//                    sound, for acronyms: "AEFHILMNORSX" ("an MBA", "a UX …")
//   aspirated_h      (fr) words starting with an h that blocks elision: "haut"
//   plural_verbs     singular -> plural: "is" -> "are", "est" -> "sont"
struct Grammar {
    std::string lang;
    std::vector<std::string> an_before, a_before, aspirated_h;
    std::string vowel_letters = "AEFHILMNORSX";
    std::map<std::string, std::string> plural_verbs;
};

// The value of one placeholder: one part, or several joined with and_word.
struct PlaceholderValue {
    std::vector<std::string> parts;
    std::string and_word = "and";

    PlaceholderValue() = default;
    PlaceholderValue(std::string single) { if (!single.empty()) parts.push_back(std::move(single)); }  // NOLINT
    bool empty() const { return parts.empty(); }
};

// "a" or "an" before word (English).
std::string indefinite_article(std::string_view word, const Grammar& grammar);
// True when a French word takes the elided form (l', d', qu'): it starts
// with a vowel, or with an h that is not aspirated.
bool elides(std::string_view word, const Grammar& grammar);
// The form put in front of value: with_form("a", "engineer") = "an engineer",
// with_form("de", "le droit") = "du droit", with_form("de", "infirmière") =
// "d'infirmière", with_form("à", "les médias") = "aux médias". An empty
// form gives the value unchanged.
std::string with_form(std::string_view form, const std::string& value, const Grammar& grammar);
// verb as it agrees with a singular or plural subject.
std::string agree(const std::string& verb, bool plural, const Grammar& grammar);
// The first name a person is greeted with: "Zoë O'Neil" -> "Zoë"; a name
// that starts with a title keeps it ("Dr. Ada Smith" -> "Dr. Smith").
std::string first_name(std::string_view full_name);
// "a", "a and b", "a, b and c"; "research and academia, and law" when a
// part holds the word.
std::string join_with_and(const std::vector<std::string>& parts, const std::string& and_word);

// Problems with the braces in text, as messages ("unknown placeholder {city}",
// "unmatched '{'"); empty when every brace pair is a known placeholder.
// With a grammar, forms of another language and verbs missing from its
// plural table are problems too.
std::vector<std::string> placeholder_problems(std::string_view text,
                                              const Grammar* grammar = nullptr);

// Names used in text, in order of appearance (duplicates kept).
std::vector<std::string> placeholders_in(std::string_view text);

// text with each placeholder replaced by its value, forms and verbs applied;
// nullopt when a placeholder has no value or an empty one.
std::optional<std::string> fill_placeholders(std::string_view text,
                                             const std::map<std::string, PlaceholderValue>& values,
                                             const Grammar& grammar);
// The same with plain values and no language data (built-in rules only).
std::optional<std::string> fill_placeholders(std::string_view text,
                                             const std::map<std::string, std::string>& values);

}  // namespace rapport
