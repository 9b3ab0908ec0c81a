// rapport-cli sheet: a tailored question sheet for one meeting.
#include "cli/context.h"
#include "cli/spelling_check.h"
#include "engine/base/error.h"
#include "engine/questions/avoid_banks.h"
#include "engine/questions/sheet_export.h"

#include <iostream>
#include <memory>

namespace rapport::cli {

namespace {

struct Options {
    SheetRequest request;
    std::vector<std::string> pinned, excluded, asked;
    std::string format, audience = "any";
    bool check = false;  // --check: spelling issues after a txt sheet
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

std::string terms_text(const std::vector<ScoreTerm>& terms) {
    std::string out;
    for (const auto& t : terms)
        out += (out.empty() ? "" : ", ") + t.label + " " + (t.points >= 0 ? "+" : "") +
               std::to_string(t.points);
    return out;
}

// The --explain report: each question with its score terms, then every
// candidate left off with the reason it lost.
void print_explanation(const Sheet& sheet) {
    std::cout << "Sheet: " << sheet.items.size() << " questions (at most " << sheet.max_questions
              << " for " << sheet.meeting_minutes << " minutes: one per " << kMinutesPerQuestion
              << " minutes), " << sheet.total_minutes << " of " << sheet.budget_minutes
              << " minutes\n\n";
    for (size_t i = 0; i < sheet.items.size(); ++i) {
        const SheetItem& item = sheet.items[i];
        std::cout << (i + 1) << ". [" << stage_id(item.stage) << "] " << item.id << "  score "
                  << item.score << " = " << terms_text(item.terms) << "\n   " << item.text << "\n";
    }
    std::cout << "\nLeft off (" << sheet.passed_over.size() << "; " << sheet.unrelated
              << " other questions serve none of the chosen industries or goals):\n";
    for (const auto& p : sheet.passed_over)
        std::cout << "  " << p.id << "  [" << stage_id(p.stage) << "]  score " << p.score << ": "
                  << p.reason << "\n";
}

nlohmann::json explanation_json(const Sheet& sheet) {
    nlohmann::json out = sheet_to_json(sheet);
    for (size_t i = 0; i < sheet.items.size(); ++i) {
        nlohmann::json terms = nlohmann::json::array();
        for (const auto& t : sheet.items[i].terms) terms.push_back({{"label", t.label}, {"points", t.points}});
        out["questions"][i]["score"] = sheet.items[i].score;
        out["questions"][i]["terms"] = terms;
    }
    nlohmann::json passed = nlohmann::json::array();
    for (const auto& p : sheet.passed_over)
        passed.push_back({{"id", p.id}, {"stage", std::string(stage_id(p.stage))}, {"score", p.score},
                          {"reason", p.reason}});
    out["passed_over"] = passed;
    out["max_questions"] = sheet.max_questions;
    return out;
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
    cmd->add_option("--audience", o->audience,
                    "Who you are: any, career-changer or student (career-changer questions "
                    "only reach career changers)")
        ->check(CLI::IsMember({"any", "career-changer", "student"}))
        ->capture_default_str();
    cmd->add_flag("--explain", r.explain,
                  "Show each question's score terms and why every other candidate lost");
    add_list_option(cmd, "--pin", o->pinned, "Question id(s) that must be on the sheet");
    add_list_option(cmd, "--exclude", o->excluded, "Question id(s) to leave out");
    add_list_option(cmd, "--asked", o->asked, "Question id(s) already asked to this contact");
    add_format_option(cmd, o->format, {"txt", "md", "html", "json"});
    cmd->add_flag("--check", o->check, "With --format txt: print spelling issues after the sheet");
    on_run(cmd, ctx, [&ctx, o] {
        check_sheet_options(ctx, *o);
        if (o->check && o->format != "txt") throw Error("--check works with --format txt");
        o->request.pinned.insert(o->pinned.begin(), o->pinned.end());
        o->request.excluded.insert(o->excluded.begin(), o->excluded.end());
        o->request.already_asked.insert(o->asked.begin(), o->asked.end());
        o->request.audience = parse_audience(o->audience).value_or(Audience::any);
        // Questions to avoid never reach a sheet (the shipped rules, whatever
        // the user loosened: the banks are the same for everyone).
        if (auto language = language_from_code(o->request.lang))
            o->request.filter = avoid_sheet_filter(std::make_shared<AvoidChecker>(
                AvoidRuleSet::load(avoid_rules_for(ctx.banks_dir(), *language), *language)));
        const Sheet sheet = build_sheet(ctx.banks(), o->request);
        if (o->request.explain) {
            if (o->format == "json") std::cout << json_text(explanation_json(sheet), 2) << "\n";
            else print_explanation(sheet);
            return;
        }
        if (o->format == "json") std::cout << json_text(sheet_to_json(sheet), 2) << "\n";
        else if (o->format == "md") std::cout << sheet_to_markdown(sheet);
        else if (o->format == "html") std::cout << sheet_to_html(sheet);
        else std::cout << sheet_to_text(sheet);
        if (o->check && o->format == "txt")  // names on the sheet are the user's words
            print_spelling_check(ctx, sheet_to_text(sheet), o->request.lang,
                                 {o->request.contact, o->request.company, o->request.role});
        leave_to_exit(std::make_shared<QuestionFilter>(std::move(o->request.filter)));  // the avoid model
    });
}

}  // namespace rapport::cli
