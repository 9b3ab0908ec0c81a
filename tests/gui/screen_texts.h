// Reading what the app showed from its layout report (--layout-report, which
// lists every visible run of text per reported frame; gui/screen_text.h).
#pragma once

#include "tests/support/test_support.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace rapport::test {

// The texts shown at `frame` (a frame with a screenshot, or the last one).
inline std::vector<std::string> texts_shown(const fs::path& report, int frame) {
    std::vector<std::string> texts;
    for (const auto& entry : nlohmann::json::parse(read_file(report)))
        if (entry.at("frame") == frame)
            for (const auto& t : entry.at("texts")) texts.push_back(t.at("text"));
    return texts;
}

// The text without its spaces: a space draws nothing, so the report's spaces
// are guesses from the gaps between glyphs.
inline std::string without_spaces(const std::string& text) {
    std::string out;
    for (char c : text)
        if (c != ' ') out += c;
    return out;
}

// Whether a run of text reads `text` exactly (spaces ignored).
inline bool shows(const std::vector<std::string>& texts, const std::string& text) {
    for (const auto& t : texts)
        if (without_spaces(t) == without_spaces(text)) return true;
    return false;
}

// Whether a run of text contains `part` (spaces ignored).
inline bool shows_part(const std::vector<std::string>& texts, const std::string& part) {
    for (const auto& t : texts)
        if (without_spaces(t).find(without_spaces(part)) != std::string::npos) return true;
    return false;
}

}  // namespace rapport::test
