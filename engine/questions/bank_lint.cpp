#include "engine/questions/bank_lint.h"

#include "engine/questions/preparation.h"

namespace rapport {

LintReport lint_banks(const std::vector<std::filesystem::path>& dirs,
                      const std::vector<LintPass>& passes) {
    LintReport report;
    BankLoad load = load_banks(dirs);
    report.problems = std::move(load.problems);
    PreparationLoad preparation = load_preparation(dirs);
    report.problems.insert(report.problems.end(), preparation.problems.begin(),
                           preparation.problems.end());
    for (const auto& pass : passes) pass(load.banks, report.problems);
    for (const char* kind : {"questions", "tags", "preparation"})
        report.files += data_files(dirs, kind).size();
    report.questions = load.banks.questions.size();
    return report;
}

}  // namespace rapport
