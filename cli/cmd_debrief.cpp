// rapport-cli debrief --meeting ID …: the checklist filled in after a
// meeting; rapport-cli referral list|promote: the people it suggested.
#include "cli/context.h"
#include "engine/records/data_export.h"
#include "engine/records/debriefs.h"
#include "engine/records/meetings.h"

#include <iostream>
#include <memory>

namespace rapport::cli {
namespace {

struct DebriefOptions {
    std::int64_t meeting = 0;
    std::vector<std::string> answers;    // ITEM=VALUE
    std::vector<std::string> referrals;  // NAME or "NAME @ COMPANY"
    std::string notes, at, lang, format;
    bool thank_you_sent = false, thank_you_not_sent = false;
    CLI::Option* notes_option = nullptr;
    CLI::Option* at_option = nullptr;
};

std::pair<std::string, std::string> split_answer(const std::string& text) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
        throw Error("--answer: '" + text + "' is not of the form ITEM=VALUE");
    return {text.substr(0, eq), text.substr(eq + 1)};
}

Referral parse_referral(const std::string& text) {
    Referral r;
    const auto at = text.find(" @ ");
    r.name = text.substr(0, at);
    if (at != std::string::npos) r.company = text.substr(at + 3);
    return r;
}

DebriefChanges changes_from(const DebriefOptions& o, Context& ctx) {
    DebriefChanges ch;
    for (const auto& a : o.answers) ch.answers.insert(split_answer(a));
    ch.notes = given(o.notes_option, o.notes);
    for (const auto& r : o.referrals) ch.new_referrals.push_back(parse_referral(r));
    if (o.thank_you_sent)
        ch.thank_you_sent_at =
            o.at_option->count() ? ctx.date_time(o.at, "--at") : now_local();
    if (o.thank_you_not_sent) ch.thank_you_sent_at = std::optional<LocalDateTime>();
    return ch;
}

bool has_changes(const DebriefOptions& o) {
    return !o.answers.empty() || !o.referrals.empty() || o.notes_option->count() ||
           o.thank_you_sent || o.thank_you_not_sent;
}

std::string answer_label(const ChecklistItem& item, const std::string& answer) {
    for (const auto& c : item.choices)
        if (c.id == answer) return c.label;
    return answer;
}

nlohmann::ordered_json referral_json(const Referral& r) {
    return {{"id", r.id},
            {"meeting_id", r.meeting_id},
            {"name", r.name},
            {"company", r.company},
            {"notes", r.notes},
            {"contact_id", r.contact_id ? nlohmann::ordered_json(*r.contact_id) : nullptr}};
}

nlohmann::ordered_json debrief_document(const Debrief& d, const DebriefChecklist& checklist) {
    nlohmann::ordered_json out{{"meeting_id", d.meeting_id}, {"recorded", d.recorded}};
    out["notes"] = d.notes;
    out["thank_you_sent_at"] =
        d.thank_you_sent_at ? nlohmann::ordered_json(d.thank_you_sent_at->iso()) : nullptr;
    out["answers"] = nlohmann::ordered_json::object();
    for (const auto& [item, answer] : d.answers) out["answers"][item] = answer;
    out["referrals"] = nlohmann::ordered_json::array();
    for (const auto& r : d.referrals) out["referrals"].push_back(referral_json(r));
    out["checklist"] = nlohmann::ordered_json::array();
    for (const auto& item : checklist.items) {
        auto it = d.answers.find(item.id);
        out["checklist"].push_back({{"id", item.id},
                                    {"kind", item.kind},
                                    {"prompt", item.prompt},
                                    {"answer", it == d.answers.end() ? "" : it->second}});
    }
    return out;
}

void print_debrief(const Debrief& d, const Meeting& m, const DebriefChecklist& checklist) {
    std::cout << checklist.title << " — #" << m.id << " " << m.contact_name << ", "
              << m.at.wall_clock() << "\n";
    for (const auto& item : checklist.items) {
        std::cout << "- " << item.prompt << " [" << item.id << "]\n";
        if (item.kind == "referrals") {
            for (const auto& r : d.referrals) {
                std::cout << "    #" << r.id << " " << r.name;
                if (!r.company.empty()) std::cout << ", " << r.company;
                if (r.contact_id) std::cout << " (contact #" << *r.contact_id << ")";
                std::cout << "\n";
            }
            continue;
        }
        if (auto it = d.answers.find(item.id); it != d.answers.end())
            std::cout << "    " << answer_label(item, it->second) << "\n";
    }
    if (!d.notes.empty()) std::cout << "notes: " << d.notes << "\n";
    std::cout << "thank-you sent: "
              << (d.thank_you_sent_at ? d.thank_you_sent_at->wall_clock() : std::string("no"))
              << "\n";
}

void add_debrief(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "debrief", "Record or show the debrief of a meeting (no changes given: show it)");
    auto o = std::make_shared<DebriefOptions>();
    cmd->add_option("--meeting", o->meeting, "Meeting id")->required();
    cmd->add_option("--answer", o->answers,
                    "Checklist answer ITEM=VALUE (repeat; an empty VALUE clears it)");
    o->notes_option = cmd->add_option("--notes", o->notes, "Free notes (replaces them)");
    cmd->add_option("--referral", o->referrals,
                    "Someone the contact suggested: \"NAME\" or \"NAME @ COMPANY\" (repeat)");
    auto* sent = cmd->add_flag("--thank-you-sent", o->thank_you_sent, "The thank-you was sent");
    o->at_option = cmd->add_option("--at", o->at, "When it was sent (default: now): 2026-11-30 10:00, today 9:30…")
                       ->needs(sent);
    cmd->add_flag("--thank-you-not-sent", o->thank_you_not_sent, "Undo --thank-you-sent")
        ->excludes(sent);
    cmd->add_option("--lang", o->lang, "Checklist language (default: the profile's)");
    add_format_option(cmd, o->format, {"text", "json"});
    on_run(cmd, ctx, [&ctx, o] {
        Database& db = ctx.db();
        const DebriefChecklist checklist =
            load_debrief_checklist(ctx.banks_dir(), ctx.language(o->lang));
        if (has_changes(*o)) {
            update_debrief(db, o->meeting, changes_from(*o, ctx), checklist);
            return;
        }
        const Debrief d = get_debrief(db, o->meeting);
        if (o->format == "json") print_json(debrief_document(d, checklist));
        else print_debrief(d, get_meeting(db, o->meeting), checklist);
    });
}

void add_referral(CLI::App& app, Context& ctx) {
    auto* group = app.add_subcommand("referral", "People suggested in debriefs");
    group->require_subcommand(1);

    auto* list = group->add_subcommand("list", "List referrals");
    auto meeting = std::make_shared<std::int64_t>(0);
    auto* meeting_option = list->add_option("--meeting", *meeting, "Only this meeting's");
    auto format = std::make_shared<std::string>();
    add_format_option(list, *format, {"text", "json"});
    on_run(list, ctx, [&ctx, meeting, meeting_option, format] {
        std::optional<std::int64_t> only;
        if (meeting_option->count()) only = *meeting;
        print_listing(*format, list_referrals(ctx.db(), only), referral_json, [](const Referral& r) {
            std::cout << r.id << "\t" << r.name << (r.company.empty() ? "" : ", " + r.company)
                      << "\tmeeting #" << r.meeting_id;
            if (r.contact_id) std::cout << "\tcontact #" << *r.contact_id;
            std::cout << "\n";
        });
    });

    auto* promote = group->add_subcommand(
        "promote", "Make a referral a contact in one step; prints the new contact id");
    auto id = add_id_argument(promote, "Referral id");
    on_run(promote, ctx, [&ctx, id] { std::cout << promote_referral(ctx.db(), *id) << "\n"; });
}

}  // namespace

void add_debrief_commands(CLI::App& app, Context& ctx) {
    add_debrief(app, ctx);
    add_referral(app, ctx);
}

}  // namespace rapport::cli
