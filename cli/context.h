// What every rapport-cli command shares: the global options, the database
// (opened on first use) and the exit code the command chose.
//
// Exit codes: 0 success, 1 a check found problems, 2 usage or input error
// (message on stderr naming the bad argument or file).
#pragma once

#include "engine/base/local_time.h"
#include "engine/base/json_source.h"
#include "engine/base/utf8.h"
#include "engine/questions/bank.h"
#include "engine/records/database.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rapport::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitProblems = 1;
inline constexpr int kExitUsage = 2;

struct Context {
    std::string db_option;     // --db PATH (empty: the default location)
    std::string banks_option;  // --banks DIR (empty: the shipped banks)
    int exit_code = kExitOk;
    // The command to run, chosen while parsing and run only once the whole
    // command line is known to be valid.
    std::function<void()> action;

    std::filesystem::path db_path() const;
    std::filesystem::path banks_dir() const;
    // The language for checklists, drafts and dates: the option when given,
    // else the profile's.
    std::string language(const std::string& option);
    // A date and time as the user typed it (engine/base/date_input.h: "2026-11-30 10:00",
    // "demain 9h30"…), read in the profile's language; throws rapport::Error naming option.
    LocalDateTime date_time(const std::string& value, const std::string& option);
    // Opens the database on first use (and takes the daily backup when it is
    // due); throws rapport::Error naming the file.
    Database& db();
    // The folders banks load from: banks_dir(), then the user's banks.
    std::vector<std::filesystem::path> bank_dirs() const;
    // Loads the banks on first use; a file that could not load is reported
    // on stderr as a warning and skipped.
    const Banks& banks();
    // Called once the command has run: hands the banks to leave_to_exit().
    void leave_banks_to_exit();

private:
    std::optional<Database> db_;
    std::optional<Banks> banks_;
};

// Keeps what a command built alive, never freed, until the process exits
// (still reachable, so leak checkers stay quiet). A command ends the process:
// freeing banks of 100,000 questions or a learned model piece by piece then
// costs more than building a sheet from them (bench/bank_load.sh), while the
// system takes the memory back at once.
void leave_to_exit(std::shared_ptr<void> what);

// Makes fn the action when this (sub)command is given on the command line.
void on_run(CLI::App* command, Context& ctx, std::function<void()> fn);

// Adds "--format" with the given choices to a subcommand.
CLI::Option* add_format_option(CLI::App* command, std::string& format,
                               std::initializer_list<std::string> choices);

// Adds "--format text|json" (default text); the action captures the value.
std::shared_ptr<std::string> add_text_or_json_format(CLI::App* command);

// Returns the value when the option was given on the command line.
std::optional<std::string> given(const CLI::Option* option, const std::string& value);

// Prints a JSON document the way every command does (2-space indent).
void print_json(const nlohmann::ordered_json& document);

// Adds the required positional "ID" argument; its value lives in the
// returned pointer, which the action captures.
std::shared_ptr<std::int64_t> add_id_argument(CLI::App* command, const std::string& description);

// Adds an optional "--name ID" that narrows a listing; the value stays empty
// unless the option is given.
std::shared_ptr<std::optional<std::int64_t>> add_id_filter(CLI::App* command,
                                                           const std::string& name,
                                                           const std::string& description);

// Adds "show ID [--format text|json]"; show(db, id, json) prints the record.
void add_show_command(CLI::App* group, Context& ctx, const std::string& description,
                      const std::string& id_description,
                      std::function<void(Database&, std::int64_t id, bool json)> show);

// Prints records as a JSON array (--format json) or one text line each.
template <class Record, class ToJson, class PrintLine>
void print_listing(const std::string& format, const std::vector<Record>& records, ToJson to_json,
                   PrintLine print_line) {
    if (format == "json") {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const auto& r : records) out.push_back(to_json(r));
        print_json(out);
        return;
    }
    for (const auto& r : records) print_line(r);
}

// Adds one subcommand to a command group.
using SubcommandAdder = void (*)(CLI::App* group, Context& ctx);

// Adds the group "name" (e.g. "contact") whose subcommands the adders add, in
// order; exactly one of them must be given.
CLI::App* add_command_group(CLI::App& app, Context& ctx, const std::string& name,
                            const std::string& description,
                            std::initializer_list<SubcommandAdder> adders);

// One registration function per command group (cli/cmd_*.cpp).
void add_info_command(CLI::App& app, Context& ctx);
void add_contact_commands(CLI::App& app, Context& ctx);
void add_meeting_commands(CLI::App& app, Context& ctx);
void add_debrief_commands(CLI::App& app, Context& ctx);
void add_search_command(CLI::App& app, Context& ctx);
void add_data_commands(CLI::App& app, Context& ctx);
void add_profile_commands(CLI::App& app, Context& ctx);
void add_bank_commands(CLI::App& app, Context& ctx);   // tags, questions, lint-banks
void add_sheet_command(CLI::App& app, Context& ctx);

// Adds a repeatable "--name A,B" option collecting values into list.
CLI::Option* add_list_option(CLI::App* command, const std::string& name,
                             std::vector<std::string>& list, const std::string& help);
void add_pitch_commands(CLI::App& app, Context& ctx);
void add_pitch_listen_commands(CLI::App* pitch, Context& ctx);  // listen, delete, keep-recordings
void add_avoid_commands(CLI::App& app, Context& ctx);  // check, avoid-rules
void add_followup_commands(CLI::App& app, Context& ctx);
void add_spell_commands(CLI::App& app, Context& ctx);  // spell, words

}  // namespace rapport::cli
