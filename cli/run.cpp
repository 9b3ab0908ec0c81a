#include "cli/run.h"

#include "cli/context.h"
#include "engine/base/error.h"
#include "engine/base/version.h"

#include <iostream>

namespace rapport::cli {

int run(int argc, char** argv) {
    CLI::App app{"rapport-cli — the command-line side of Rapport, an offline coach for "
                 "informational interviews",
                 "rapport-cli"};
    app.set_version_flag("--version", std::string("rapport-cli ") + kVersion);
    app.require_subcommand(0, 1);
    app.fallthrough();

    Context ctx;
    app.add_option("--db", ctx.db_option, "Database file (default: $XDG_DATA_HOME/rapport/rapport.db)");
    app.add_option("--banks", ctx.banks_option, "Folder of question banks (default: the shipped ones)");

    add_info_command(app, ctx);
    add_contact_commands(app, ctx);
    add_meeting_commands(app, ctx);
    add_debrief_commands(app, ctx);
    add_search_command(app, ctx);
    add_data_commands(app, ctx);
    add_profile_commands(app, ctx);
    add_bank_commands(app, ctx);
    add_sheet_command(app, ctx);
    add_pitch_commands(app, ctx);
    add_avoid_commands(app, ctx);
    add_followup_commands(app, ctx);
    add_spell_commands(app, ctx);
    // Collected rather than rejected by CLI11 so the message can name them.
    app.allow_extras(true);

    try {
        app.parse(argc, argv);
        if (const auto extras = app.remaining(); !extras.empty())
            throw CLI::ExtrasError("unknown command or argument '" + extras.front() + "'",
                                   CLI::ExitCodes::ExtrasError);
        if (!ctx.action) {
            std::cerr << "rapport-cli: a command is required\n"
                      << "Run 'rapport-cli --help' for the list of commands.\n";
            return kExitUsage;
        }
        ctx.action();
        ctx.leave_banks_to_exit();
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "rapport-cli: " << e.what() << "\n"
                  << "Run 'rapport-cli --help' (or 'rapport-cli COMMAND --help') for usage.\n";
        return kExitUsage;
    } catch (const Error& e) {
        std::cerr << "rapport-cli: " << e.what() << "\n";
        return kExitUsage;
    }
    return ctx.exit_code;
}

}  // namespace rapport::cli
