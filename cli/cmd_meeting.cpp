// rapport-cli meeting add|list|show|edit|rm|mark: meetings, their question
// sheet and its asked/answered marks.
#include "cli/context.h"
#include "engine/records/data_export.h"
#include "engine/base/json_source.h"
#include "engine/records/meetings.h"

#include <iostream>
#include <map>
#include <memory>
#include <sstream>

namespace rapport::cli {
namespace {

struct MeetingFields {
    std::int64_t contact = 0;
    std::string at, mode, place, status, notes, sheet;
    int minutes = kDefaultMeetingMinutes;
    std::map<std::string, CLI::Option*> options;

    bool has(const std::string& option) const { return options.at(option)->count() > 0; }
};

std::string choices(std::span<const std::string_view> list) {
    std::string out;
    for (auto c : list) out += (out.empty() ? "" : "|") + std::string(c);
    return out;
}

void add_field_options(CLI::App* cmd, MeetingFields& f) {
    f.options["contact"] = cmd->add_option("--contact", f.contact, "Contact id");
    f.options["at"] = cmd->add_option("--at", f.at, "Local date and time: 2026-11-30 10:00, 30/11/2026 10h00, tomorrow 10:00…");
    f.options["minutes"] = cmd->add_option("--minutes", f.minutes, "Length promised, in minutes");
    f.options["mode"] = cmd->add_option("--mode", f.mode, choices(kMeetingModes));
    f.options["place"] = cmd->add_option("--place", f.place, "Where");
    f.options["status"] = cmd->add_option("--status", f.status, choices(kMeetingStatuses));
    f.options["notes"] = cmd->add_option("--notes", f.notes, "Free notes");
    f.options["sheet"] = cmd->add_option(
        "--sheet", f.sheet, "Question sheet to keep with the meeting (rapport-cli sheet --format json)");
}

std::vector<SheetQuestion> read_sheet_file(const std::string& file) {
    return sheet_from_json(load_json_source(file));
}

nlohmann::ordered_json listing_json(const Meeting& m) {
    auto j = meeting_json(m);
    j["contact"] = m.contact_name;
    return j;
}

void print_meeting_line(const Meeting& m) {
    std::cout << m.id << "\t" << m.at.wall_clock() << "\t" << m.minutes << " min\t" << m.mode
              << "\t" << m.status << "\t" << m.contact_name << "\n";
}

std::string minutes_text(double minutes) {
    std::ostringstream s;
    s << minutes;
    return s.str();
}

void print_meeting_details(const Meeting& m) {
    std::cout << "Meeting #" << m.id << " with " << m.contact_name << " (#" << m.contact_id
              << ")\n"
              << "at:      " << m.at.wall_clock() << " (" << m.at.iso() << ")\n"
              << "length:  " << m.minutes << " min\n"
              << "mode:    " << m.mode << "\n"
              << "status:  " << m.status << "\n";
    if (!m.place.empty()) std::cout << "place:   " << m.place << "\n";
    if (!m.notes.empty()) std::cout << "notes:   " << m.notes << "\n";
    for (const auto& q : m.sheet) {
        std::cout << (q.answered ? "[x] " : q.asked ? "[~] " : "[ ] ") << q.id << "  " << q.text;
        if (q.minutes) std::cout << "  (" << minutes_text(*q.minutes) << " min)";
        std::cout << "\n";
    }
}

void add_add(CLI::App* group, Context& ctx) {
    auto* cmd = group->add_subcommand("add", "Plan or record a meeting; prints the new id");
    auto f = std::make_shared<MeetingFields>();
    add_field_options(cmd, *f);
    f->options["contact"]->required();
    f->options["at"]->required();
    on_run(cmd, ctx, [&ctx, f] {
        Meeting m;
        m.contact_id = f->contact;
        m.at = ctx.date_time(f->at, "--at");
        m.minutes = f->minutes;
        if (f->has("mode")) m.mode = f->mode;
        if (f->has("status")) m.status = f->status;
        m.place = f->place;
        m.notes = f->notes;
        if (f->has("sheet")) m.sheet = read_sheet_file(f->sheet);
        std::cout << add_meeting(ctx.db(), m) << "\n";
    });
}

void add_list(CLI::App* group, Context& ctx) {
    auto* cmd = group->add_subcommand("list", "List meetings in time order");
    auto contact = std::make_shared<std::int64_t>(0);
    auto* contact_option = cmd->add_option("--contact", *contact, "Only this contact's meetings");
    auto format = std::make_shared<std::string>();
    add_format_option(cmd, *format, {"text", "json"});
    on_run(cmd, ctx, [&ctx, contact, contact_option, format] {
        std::optional<std::int64_t> only;
        if (contact_option->count()) only = *contact;
        print_listing(*format, list_meetings(ctx.db(), only, *format == "json"), listing_json,
                      print_meeting_line);
    });
}

void add_show(CLI::App* group, Context& ctx) {
    auto* cmd = group->add_subcommand("show", "Show one meeting with its question sheet");
    auto id = add_id_argument(cmd, "Meeting id");
    auto format = std::make_shared<std::string>();
    add_format_option(cmd, *format, {"text", "json"});
    on_run(cmd, ctx, [&ctx, id, format] {
        const Meeting m = get_meeting(ctx.db(), *id);
        if (*format == "json") print_json(listing_json(m));
        else print_meeting_details(m);
    });
}

void add_edit(CLI::App* group, Context& ctx) {
    auto* cmd = group->add_subcommand("edit", "Change the given fields of a meeting");
    auto id = add_id_argument(cmd, "Meeting id");
    auto f = std::make_shared<MeetingFields>();
    add_field_options(cmd, *f);
    f->options["sheet"]->description("Replace the question sheet (marks come from the file)");
    on_run(cmd, ctx, [&ctx, id, f] {
        MeetingChanges ch;
        if (f->has("contact")) ch.contact_id = f->contact;
        if (f->has("at")) ch.at = ctx.date_time(f->at, "--at");
        if (f->has("minutes")) ch.minutes = f->minutes;
        if (f->has("mode")) ch.mode = f->mode;
        if (f->has("place")) ch.place = f->place;
        if (f->has("status")) ch.status = f->status;
        if (f->has("notes")) ch.notes = f->notes;
        if (f->has("sheet")) ch.sheet = read_sheet_file(f->sheet);
        edit_meeting(ctx.db(), *id, ch);
    });
}

void add_rm(CLI::App* group, Context& ctx) {
    auto* cmd = group->add_subcommand("rm", "Remove a meeting with its sheet and debrief");
    auto id = add_id_argument(cmd, "Meeting id");
    on_run(cmd, ctx, [&ctx, id] { remove_meeting(ctx.db(), *id); });
}

void add_mark(CLI::App* group, Context& ctx) {
    auto* cmd = group->add_subcommand("mark", "Tick a question of the meeting's sheet");
    struct Options {
        std::int64_t meeting = 0;
        std::string question;
        bool asked = false, answered = false, not_asked = false, not_answered = false;
    };
    auto o = std::make_shared<Options>();
    cmd->add_option("--meeting", o->meeting, "Meeting id")->required();
    cmd->add_option("--question", o->question, "Question id on the sheet")->required();
    auto* asked = cmd->add_flag("--asked", o->asked, "The question was asked");
    auto* answered = cmd->add_flag("--answered", o->answered, "It was answered (implies asked)");
    cmd->add_flag("--not-asked", o->not_asked, "Clear both marks")->excludes(asked)->excludes(answered);
    cmd->add_flag("--not-answered", o->not_answered, "Clear the answered mark")->excludes(answered);
    on_run(cmd, ctx, [&ctx, o] {
        std::optional<bool> asked_mark, answered_mark;
        if (o->asked) asked_mark = true;
        if (o->answered) answered_mark = true;
        if (o->not_asked) asked_mark = false;
        if (o->not_answered) answered_mark = false;
        if (!asked_mark && !answered_mark)
            throw Error("meeting mark: give --asked, --answered, --not-asked or --not-answered");
        mark_question(ctx.db(), o->meeting, o->question, asked_mark, answered_mark);
    });
}

}  // namespace

void add_meeting_commands(CLI::App& app, Context& ctx) {
    auto* group = app.add_subcommand("meeting", "Plan, list, show, edit and remove meetings");
    group->require_subcommand(1);
    add_add(group, ctx);
    add_list(group, ctx);
    add_show(group, ctx);
    add_edit(group, ctx);
    add_rm(group, ctx);
    add_mark(group, ctx);
}

}  // namespace rapport::cli
