// Placeholders in question text: {industry} {company} {role} {name}.
//
// A question's text may name the meeting's industry, the contact's company,
// role or name. When the meeting gives no value for one of them the question
// is reworded (its generic_text) or left out — never printed with braces.
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

bool is_placeholder_name(std::string_view name);

// Problems with the braces in text, as messages ("unknown placeholder {city}",
// "unmatched '{'"); empty when every brace pair is a known placeholder.
std::vector<std::string> placeholder_problems(std::string_view text);

// Names used in text, in order of appearance (duplicates kept).
std::vector<std::string> placeholders_in(std::string_view text);

// text with each {name} replaced by values[name]; nullopt when a placeholder
// has no value or an empty one.
std::optional<std::string> fill_placeholders(std::string_view text,
                                             const std::map<std::string, std::string>& values);

}  // namespace rapport
