// rapport-cli info: where Rapport keeps its data and finds its banks.
#include "cli/context.h"
#include "engine/base/paths.h"
#include "engine/base/version.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace rapport::cli {

void add_info_command(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("info", "Show the version and where data and banks live");
    // Option values live in a shared struct the callback owns (the pattern
    // every command follows).
    auto format = add_text_or_json_format(cmd);
    on_run(cmd, ctx, [&ctx, format] {
        nlohmann::json info = {
            {"version", kVersion},
            {"database", ctx.db_path().string()},
            {"banks", ctx.banks_dir().string()},
            {"user_banks", user_banks_dir().string()},
            {"config", config_dir().string()},
        };
        if (*format == "json") {
            std::cout << json_text(info, 2) << "\n";
            return;
        }
        std::cout << "rapport " << kVersion << "\n"
                  << "database:   " << ctx.db_path().string() << "\n"
                  << "banks:      " << ctx.banks_dir().string() << "\n"
                  << "user banks: " << user_banks_dir().string() << "\n"
                  << "config:     " << config_dir().string() << "\n";
    });
}

}  // namespace rapport::cli
