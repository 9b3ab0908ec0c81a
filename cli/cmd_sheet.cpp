// rapport-cli sheet: a tailored question sheet for one meeting.
#include "cli/context.h"
#include "cli/spelling_check.h"
#include "engine/base/error.h"
#include "engine/questions/avoid_banks.h"
#include "engine/questions/sheet_export.h"

#include <iostream>
#include <memory>

namespace rapport::cli {

void add_sheet_command(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "sheet", "Build an ordered question sheet that fits the meeting's length");
    struct Options {
        SheetRequest request;
        std::vector<std::string> pinned, excluded, asked;
        std::string format;
        bool check = false;
    };
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
    cmd->add_flag("--check", o->check, "With --format txt: print spelling issues after the sheet");
    on_run(cmd, ctx, [&ctx, o] {
        if (o->check && o->format != "txt") throw Error("--check works with --format txt");
        o->request.pinned.insert(o->pinned.begin(), o->pinned.end());
        o->request.excluded.insert(o->excluded.begin(), o->excluded.end());
        o->request.already_asked.insert(o->asked.begin(), o->asked.end());
        // Questions to avoid never reach a sheet (the shipped rules, whatever
        // the user loosened: the banks are the same for everyone).
        if (auto language = language_from_code(o->request.lang))
            o->request.filter = avoid_sheet_filter(std::make_shared<AvoidChecker>(
                AvoidRuleSet::load(avoid_rules_for(ctx.banks_dir(), *language), *language)));
        const Sheet sheet = build_sheet(ctx.banks(), o->request);
        if (o->format == "json") std::cout << sheet_to_json(sheet).dump(2) << "\n";
        else if (o->format == "md") std::cout << sheet_to_markdown(sheet);
        else if (o->format == "html") std::cout << sheet_to_html(sheet);
        else std::cout << sheet_to_text(sheet);
        if (o->check && o->format == "txt")  // names on the sheet are the user's words
            print_spelling_check(ctx, sheet_to_text(sheet), o->request.lang,
                                 {o->request.contact, o->request.company, o->request.role});
    });
}

}  // namespace rapport::cli
