#include "cli/context.h"

#include "engine/base/date_input.h"

#include "engine/records/backup.h"
#include "engine/base/paths.h"
#include "engine/records/profile.h"

#include <iostream>

namespace rapport::cli {

std::filesystem::path Context::db_path() const {
    return resolve_database_path(db_option.empty() ? default_db_path()
                                                   : std::filesystem::path(db_option));
}

std::filesystem::path Context::banks_dir() const {
    return banks_option.empty() ? shipped_banks_dir() : std::filesystem::path(banks_option);
}

Database& Context::db() {
    if (!db_) {
        db_.emplace(Database::open(db_path()));
        if (db_->read_only())
            std::cerr << "rapport-cli: note: " << db_->path().string()
                      << " is read-only: it can be read and exported, changes are refused\n";
        // The first use of the day checks the whole file and keeps a copy;
        // a copy that cannot be written is a warning, never a reason to stop.
        std::string warning;
        backup_if_due(*db_, &warning);
        if (!warning.empty()) std::cerr << "rapport-cli: warning: " << warning << "\n";
    }
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

void Context::leave_banks_to_exit() {
    if (!banks_) return;
    leave_to_exit(std::make_shared<Banks>(std::move(*banks_)));
    banks_.reset();
}

void leave_to_exit(std::shared_ptr<void> what) {
    static auto* const kept = new std::vector<std::shared_ptr<void>>;  // never destroyed
    kept->push_back(std::move(what));
}

LocalDateTime Context::date_time(const std::string& value, const std::string& option) {
    const auto profile_language = language_from_code(language(""));
    return parse_date_time_input(value, profile_language.value_or(Language::english), now_local(),
                                 option);
}

std::string Context::language(const std::string& option) {
    return option.empty() ? load_profile(db()).language : option;
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

std::shared_ptr<std::string> add_text_or_json_format(CLI::App* command) {
    auto format = std::make_shared<std::string>();
    add_format_option(command, *format, {"text", "json"});
    return format;
}

std::optional<std::string> given(const CLI::Option* option, const std::string& value) {
    if (option->count() == 0) return std::nullopt;
    return value;
}

std::shared_ptr<std::int64_t> add_id_argument(CLI::App* command, const std::string& description) {
    auto id = std::make_shared<std::int64_t>(0);
    command->add_option("ID", *id, description)->required();
    return id;
}

std::shared_ptr<std::optional<std::int64_t>> add_id_filter(CLI::App* command,
                                                           const std::string& name,
                                                           const std::string& description) {
    auto only = std::make_shared<std::optional<std::int64_t>>();
    command->add_option_function<std::int64_t>(
        name, [only](const std::int64_t& id) { *only = id; }, description);
    return only;
}

void add_show_command(CLI::App* group, Context& ctx, const std::string& description,
                      const std::string& id_description,
                      std::function<void(Database&, std::int64_t id, bool json)> show) {
    auto* cmd = group->add_subcommand("show", description);
    auto id = add_id_argument(cmd, id_description);
    auto format = add_text_or_json_format(cmd);
    on_run(cmd, ctx, [&ctx, id, format, show] { show(ctx.db(), *id, *format == "json"); });
}

void print_json(const nlohmann::ordered_json& document) {
    std::cout << json_text(document, 2) << "\n";
}

CLI::App* add_command_group(CLI::App& app, Context& ctx, const std::string& name,
                            const std::string& description,
                            std::initializer_list<SubcommandAdder> adders) {
    auto* group = app.add_subcommand(name, description);
    group->require_subcommand(1);
    for (auto add : adders) add(group, ctx);
    return group;
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
