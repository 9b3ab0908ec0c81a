// Small, real question-bank files for tests: a tags file and question files
// written into a folder, one question per line so line numbers are known.
#pragma once

#include "engine/questions/bank.h"
#include "tests/support/test_support.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace rapport::test {

// The shipped question banks, loaded once per test binary.
inline const Banks& loaded_shipped_banks() {
    static const Banks banks = [] {
        BankLoad load = load_banks({source_dir() / "question-banks"});
        if (!load.problems.empty()) throw std::runtime_error(load.problems.front().to_string());
        return load.banks;
    }();
    return banks;
}

// Tags for "en": industries alpha and beta, goals g1, g2, g3.
inline const char* kFixtureTags = R"({
  "lang": "en",
  "industries": [
    {"id": "alpha", "label": "Alpha", "phrase": "the alpha trade"},
    {"id": "beta", "label": "Beta"}
  ],
  "goals": [
    {"id": "g1", "label": "Goal one"},
    {"id": "g2", "label": "Goal two"},
    {"id": "g3", "label": "Goal three"}
  ]
}
)";

// One question as a JSON line (no trailing comma).
inline std::string question_line(const std::string& id, const std::string& stage,
                                 const std::string& text, const std::string& industries = "\"*\"",
                                 const std::string& goals = "\"*\"", int minutes = 2,
                                 int priority = 2, const std::string& extra = "") {
    return "    {\"id\": \"" + id + "\", \"text\": \"" + text + "\", \"stage\": \"" + stage +
           "\", \"industries\": [" + industries + "], \"goals\": [" + goals +
           "], \"minutes\": " + std::to_string(minutes) + ", \"priority\": " +
           std::to_string(priority) + extra + "}";
}

// A question file: line 1 "{", line 2 lang, line 3 "questions": [, then
// question i on line 4 + i.
inline std::string question_file(const std::vector<std::string>& lines,
                                 const std::string& lang = "en") {
    std::string out = "{\n  \"lang\": \"" + lang + "\",\n  \"questions\": [\n";
    for (size_t i = 0; i < lines.size(); ++i)
        out += lines[i] + (i + 1 < lines.size() ? ",\n" : "\n");
    return out + "  ]\n}\n";
}

}  // namespace rapport::test
