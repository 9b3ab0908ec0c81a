#include "cli/context.h"

#include "engine/paths.h"

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

}  // namespace rapport::cli
