// rapport-cli search QUERY: full-text search over every record.
#include "cli/context.h"
#include "engine/records/search.h"

#include <iostream>
#include <memory>

namespace rapport::cli {

void add_search_command(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "search", "Search contacts, meetings, sheets and debriefs (accents and case ignored)");
    struct Options {
        std::string query, format;
        int limit = 20;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("QUERY", o->query, "Words to find")->required();
    cmd->add_option("--limit", o->limit, "Most hits to show")->capture_default_str();
    add_format_option(cmd, o->format, {"text", "json"});
    on_run(cmd, ctx, [&ctx, o] {
        SearchOptions options;
        options.limit = o->limit;
        print_listing(
            o->format, search(ctx.db(), o->query, options),
            [](const SearchHit& h) {
                return nlohmann::ordered_json{
                    {"kind", h.kind}, {"id", h.id}, {"title", h.title}, {"snippet", h.snippet}};
            },
            [](const SearchHit& h) {
                std::cout << h.kind << " #" << h.id << "  " << h.title << "\n    " << h.snippet
                          << "\n";
            });
    });
}

}  // namespace rapport::cli
