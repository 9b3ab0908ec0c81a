#include "cli/context.h"

#include "engine/paths.h"

#include <iostream>

namespace rapport::cli {

std::filesystem::path Context::db_path() const {
    return db_option.empty() ? default_db_path() : std::filesystem::path(db_option);
}

std::filesystem::path Context::banks_dir() const {
    return banks_option.empty() ? shipped_banks_dir() : std::filesystem::path(banks_option);
}

Database& Context::db() {
    if (!db_) db_.emplace(Database::open(db_path()));
    return *db_;
}

std::vector<std::filesystem::path> Context::bank_dirs() const {
    return rapport::bank_dirs(banks_dir());
}

const Banks& Context::banks() {
    if (!banks_) {
        BankLoad load = load_banks(bank_dirs());
        for (const auto& problem : load.problems)
            std::cerr << "rapport-cli: warning: " << problem.to_string() << " (file skipped)\n";
        banks_.emplace(std::move(load.banks));
    }
    return *banks_;
}

void on_run(CLI::App* command, Context& ctx, std::function<void()> fn) {
    command->callback([&ctx, fn = std::move(fn)] { ctx.action = fn; });
}

CLI::Option* add_format_option(CLI::App* command, std::string& format,
                               std::initializer_list<std::string> choices) {
    format = *choices.begin();
    std::string names;
    for (const auto& c : choices) names += (names.empty() ? "" : "|") + c;
    return command->add_option("--format", format, "Output format: " + names)
        ->check(CLI::IsMember(std::vector<std::string>(choices)))
        ->capture_default_str();
}

CLI::Option* add_list_option(CLI::App* command, const std::string& name,
                             std::vector<std::string>& list, const std::string& help) {
    return command->add_option(name, list, help)
        ->delimiter(',')
        ->type_size(1)
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

}  // namespace rapport::cli
