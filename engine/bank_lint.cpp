#include "engine/bank_lint.h"

#include "engine/preparation.h"

namespace rapport {

std::vector<Problem> lint_banks(const std::vector<std::filesystem::path>& dirs,
                                const std::vector<LintPass>& passes) {
    BankLoad load = load_banks(dirs);
    std::vector<Problem> problems = std::move(load.problems);
    PreparationLoad preparation = load_preparation(dirs);
    problems.insert(problems.end(), preparation.problems.begin(), preparation.problems.end());
    for (const auto& pass : passes) pass(load.banks, problems);
    return problems;
}

}  // namespace rapport
