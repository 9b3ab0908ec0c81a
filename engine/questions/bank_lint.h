// The bank linter: every problem in the data files of the bank folders.
//
// lint_banks() loads the question banks, tags and preparation checklists the
// way the app does (so it reports exactly what loading would skip: JSON
// syntax with file:line:column, schema, unknown stages or tags, duplicate
// ids across files, empty text, unknown placeholders, minutes outside 1..15)
// and then runs each extra pass over the questions that did load. Another
// check — such as flagging questions an informational interview should
// avoid — is one more LintPass; it reports with the question's `where`.
// Problems come back in a stable order: loading problems first, then passes.
#pragma once

#include "engine/questions/bank.h"
#include "engine/base/problem.h"

#include <filesystem>
#include <functional>
#include <vector>

namespace rapport {

using LintPass = std::function<void(const Banks& banks, std::vector<Problem>& problems)>;

struct LintReport {
    std::vector<Problem> problems;
    size_t files = 0;      // data files read (questions, tags, preparation)
    size_t questions = 0;  // questions that loaded
};

LintReport lint_banks(const std::vector<std::filesystem::path>& dirs,
                      const std::vector<LintPass>& passes = {});

}  // namespace rapport
