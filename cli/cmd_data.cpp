// rapport-cli export|import|restore: all data as one JSON document, and the
// daily backups.
#include "cli/context.h"
#include "engine/records/backup.h"
#include "engine/followups/calendar_export.h"
#include "engine/records/data_export.h"
#include "engine/base/json_source.h"
#include "engine/base/private_file.h"

#include <iostream>
#include <iterator>
#include <memory>

#include <unistd.h>

namespace rapport::cli {
namespace {

// Writes to --out (mode 0600, whole or not at all) or to stdout.
void emit(const std::string& out, const std::string& text) {
    if (out.empty() || out == "-") std::cout << text;
    else write_private_file(out, text);
}

void add_export(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "export", "Write all data as one JSON document, or meetings and reminders as iCalendar");
    struct Options {
        std::string out, format, lang;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("--out", o->out, "File to write (default: stdout); created mode 0600");
    add_format_option(cmd, o->format, {"json", "ics"});
    cmd->add_option("--lang", o->lang, "Language of calendar titles (default: the profile's)");
    on_run(cmd, ctx, [&ctx, o] {
        if (o->format == "ics") {
            const auto texts = load_draft_templates(ctx.banks_dir(), ctx.language(o->lang));
            emit(o->out, calendar_export(ctx.db(), texts, now_local()));
            return;
        }
        emit(o->out, json_text(export_all(ctx.db()), 2) + "\n");
    });
}

std::string read_export(const std::string& file) {
    if (file != "-") return read_text_file(file);
    return read_text_stream(std::cin, "<stdin>");
}

// "import: 42% (8,400 contacts, 0 meetings)" on stderr: rewritten in place on
// a terminal, one line per report otherwise (--progress into a log).
ImportProgressHandler progress_printer(bool terminal) {
    return [terminal](const ImportProgress& p) {
        const auto percent = p.bytes_total ? p.bytes_read * 100 / p.bytes_total : 100;
        std::cerr << (terminal ? "\r" : "") << "import: " << percent << "% (" << p.contacts
                  << " contacts, " << p.meetings << " meetings)";
        if (!terminal || p.bytes_read == p.bytes_total) std::cerr << "\n";
        std::cerr.flush();
    };
}

void add_import(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("import", "Load an export into the database (all or nothing)");
    auto file = std::make_shared<std::string>();
    auto progress = std::make_shared<bool>(false);
    cmd->add_option("FILE", *file, "Export file, or - for stdin")->required();
    cmd->add_flag("--progress", *progress,
                  "Report progress on stderr (the default when stderr is a terminal)");
    on_run(cmd, ctx, [&ctx, file, progress] {
        const std::string text = read_export(*file);
        const bool terminal = isatty(STDERR_FILENO) != 0;
        const ImportSummary s =
            import_export(ctx.db(), text, *file == "-" ? "<stdin>" : *file,
                          (*progress || terminal) ? progress_printer(terminal) : nullptr);
        std::cout << "imported " << s.contacts << " contacts, " << s.meetings << " meetings, "
                  << s.debriefs << " debriefs, " << s.outreach << " outreach requests, "
                  << s.settings << " settings, " << s.personal_words << " personal words"
                  << (s.ids_kept ? "" : " (with new ids)") << "\n";
    });
}

std::filesystem::path choose_backup(const std::filesystem::path& db_path, const std::string& which) {
    const auto backups = list_backups(db_path);
    if (which.empty()) {
        if (backups.empty())
            throw Error("no backups in " + backup_folder(db_path).string());
        return backups.front().path;
    }
    for (const auto& b : backups)
        if (b.date == which) return b.path;
    if (which.size() == 10 && which[4] == '-')
        throw Error("no backup of " + which + " in " + backup_folder(db_path).string());
    return which;
}

void add_restore(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "restore", "Put a backup in place of the database (the current file is kept aside)");
    struct Options {
        std::string which, format;
        bool list = false;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("BACKUP", o->which, "A date YYYY-MM-DD or a file (default: the newest backup)");
    cmd->add_flag("--list", o->list, "List the backups instead");
    add_format_option(cmd, o->format, {"text", "json"});
    // Works on the files directly: the database may be damaged.
    on_run(cmd, ctx, [&ctx, o] {
        const auto db_path = ctx.db_path();
        if (o->list) {
            nlohmann::ordered_json out = nlohmann::ordered_json::array();
            for (const auto& b : list_backups(db_path)) {
                if (o->format == "json") out.push_back({{"date", b.date}, {"path", b.path.string()}});
                else std::cout << b.date << "\t" << b.path.string() << "\n";
            }
            if (o->format == "json") print_json(out);
            return;
        }
        const auto backup = choose_backup(db_path, o->which);
        const auto aside = restore_backup(db_path, backup);
        std::cout << "restored " << backup.string() << "\n";
        if (!aside.empty()) std::cout << "the previous file is kept as " << aside.string() << "\n";
    });
}

}  // namespace

void add_data_commands(CLI::App& app, Context& ctx) {
    add_export(app, ctx);
    add_import(app, ctx);
    add_restore(app, ctx);
}

}  // namespace rapport::cli
