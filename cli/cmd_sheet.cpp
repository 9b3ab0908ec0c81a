// rapport-cli sheet: a tailored question sheet for one meeting.
#include "cli/context.h"
#include "engine/questions/avoid_banks.h"
#include "engine/questions/sheet_export.h"

#include <iostream>
#include <memory>

namespace rapport::cli {

namespace {

struct Options {
    SheetRequest request;
    std::vector<std::string> pinned, excluded, asked;
    std::string format;
};

// Names and roles are one line of text: a newline would start a new list
// item in a Markdown sheet. Question ids must exist: a typo would otherwise
// silently leave the sheet unchanged.
void check_sheet_options(Context& ctx, const Options& o) {
    for (const auto& [name, value] : {std::pair{"--company", &o.request.company},
                                      std::pair{"--contact", &o.request.contact},
                                      std::pair{"--role", &o.request.role}}) {
        require_utf8(*value, name);
        if (value->find_first_of("\r\n") != std::string::npos)
            throw Error(std::string(name) + ": must be one line (no line breaks)");
    }
    for (const auto& [name, ids] : {std::pair{"--pin", &o.pinned},
                                    std::pair{"--exclude", &o.excluded},
                                    std::pair{"--asked", &o.asked}})
        for (const auto& id : *ids)
            if (!ctx.banks().find(id))
                throw Error(std::string(name) + ": no question has the id '" + id +
                            "' (see rapport-cli questions)");
}

}  // namespace

void add_sheet_command(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "sheet", "Build an ordered question sheet that fits the meeting's length");
    auto o = std::make_shared<Options>();
    SheetRequest& r = o->request;
    add_list_option(cmd, "--industry", r.industries, "Industry tag(s), comma-separated")->required();
    add_list_option(cmd, "--goal", r.goals, "Goal tag(s), comma-separated")->required();
    cmd->add_option("--minutes", r.minutes, "Meeting length in minutes (a fifth is left free)")
        ->capture_default_str();
    cmd->add_option("--lang", r.lang, "Language of the sheet")->capture_default_str();
    cmd->add_option("--company", r.company, "The contact's company (fills {company})");
    cmd->add_option("--contact", r.contact, "The contact's name (fills {name})");
    cmd->add_option("--role", r.role, "The contact's role (fills {role})");
    add_list_option(cmd, "--pin", o->pinned, "Question id(s) that must be on the sheet");
    add_list_option(cmd, "--exclude", o->excluded, "Question id(s) to leave out");
    add_list_option(cmd, "--asked", o->asked, "Question id(s) already asked to this contact");
    add_format_option(cmd, o->format, {"txt", "md", "html", "json"});
    on_run(cmd, ctx, [&ctx, o] {
        check_sheet_options(ctx, *o);
        o->request.pinned.insert(o->pinned.begin(), o->pinned.end());
        o->request.excluded.insert(o->excluded.begin(), o->excluded.end());
        o->request.already_asked.insert(o->asked.begin(), o->asked.end());
        // Questions to avoid never reach a sheet (the shipped rules, whatever
        // the user loosened: the banks are the same for everyone).
        if (auto language = language_from_code(o->request.lang))
            o->request.filter = avoid_sheet_filter(std::make_shared<AvoidChecker>(
                AvoidRuleSet::load(avoid_rules_for(ctx.banks_dir(), *language), *language)));
        const Sheet sheet = build_sheet(ctx.banks(), o->request);
        if (o->format == "json") std::cout << json_text(sheet_to_json(sheet), 2) << "\n";
        else if (o->format == "md") std::cout << sheet_to_markdown(sheet);
        else if (o->format == "html") std::cout << sheet_to_html(sheet);
        else std::cout << sheet_to_text(sheet);
    });
}

}  // namespace rapport::cli
