#include "engine/base/placeholders.h"

#include <algorithm>

namespace rapport {

bool is_placeholder_name(std::string_view name) {
    return std::find(kPlaceholderNames.begin(), kPlaceholderNames.end(), name) !=
           kPlaceholderNames.end();
}

namespace {

// Calls on_text for literal runs and on_name for {name} runs; returns a
// problem message for the first malformed brace, or "" when well formed.
template <class OnText, class OnName>
std::string scan(std::string_view text, OnText on_text, OnName on_name) {
    size_t i = 0;
    while (i < text.size()) {
        size_t open = text.find_first_of("{}", i);
        if (open == std::string_view::npos) {
            on_text(text.substr(i));
            break;
        }
        on_text(text.substr(i, open - i));
        if (text[open] == '}') return "unmatched '}'";
        size_t close = text.find_first_of("{}", open + 1);
        if (close == std::string_view::npos || text[close] == '{') return "unmatched '{'";
        on_name(text.substr(open + 1, close - open - 1));
        i = close + 1;
    }
    return "";
}

}  // namespace

std::vector<std::string> placeholder_problems(std::string_view text) {
    std::vector<std::string> problems;
    std::string syntax = scan(text, [](std::string_view) {}, [&](std::string_view name) {
        if (!is_placeholder_name(name))
            problems.push_back("unknown placeholder {" + std::string(name) +
                               "} (known: {industry} {company} {role} {name})");
    });
    if (!syntax.empty()) problems.push_back(syntax);
    return problems;
}

std::vector<std::string> placeholders_in(std::string_view text) {
    std::vector<std::string> names;
    scan(text, [](std::string_view) {}, [&](std::string_view name) { names.emplace_back(name); });
    return names;
}

std::optional<std::string> fill_placeholders(std::string_view text,
                                             const std::map<std::string, std::string>& values) {
    std::string out;
    bool missing = false;
    std::string syntax = scan(
        text, [&](std::string_view literal) { out += literal; },
        [&](std::string_view name) {
            auto it = values.find(std::string(name));
            if (it == values.end() || it->second.empty()) missing = true;
            else out += it->second;
        });
    if (missing || !syntax.empty()) return std::nullopt;
    return out;
}

}  // namespace rapport
