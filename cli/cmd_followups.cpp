// rapport-cli followups / outreach add|reply / draft thank-you|outreach:
// what to do next after meetings and requests, and the messages to send.
#include "cli/context.h"
#include "engine/base/date_format.h"
#include "engine/followups/drafts.h"
#include "engine/followups/followups.h"
#include "engine/records/outreach.h"

#include <iostream>
#include <memory>

namespace rapport::cli {
namespace {

LocalDateTime time_option(const CLI::Option* option, const std::string& value, const char* name) {
    return option->count() ? parse_local_date_time(value, name) : now_local();
}

nlohmann::ordered_json followup_json(const FollowUp& f) {
    nlohmann::ordered_json j{{"kind", f.kind}};
    if (f.meeting_id) j["meeting_id"] = *f.meeting_id;
    j["contact"] = f.contact_name;
    j["due_at"] = f.due_at.iso();
    j["overdue"] = f.overdue;
    j["contact_id"] = f.contact_id;
    if (f.outreach_id) j["outreach_id"] = *f.outreach_id;
    return j;
}

void add_followups(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "followups", "What is due: thank-you notes first, then outreach follow-ups");
    struct Options {
        std::string now, format, lang;
        CLI::Option* now_option = nullptr;
    };
    auto o = std::make_shared<Options>();
    o->now_option = cmd->add_option("--now", o->now, "Pretend it is this local time, YYYY-MM-DDTHH:MM");
    cmd->add_option("--lang", o->lang, "Language of dates in text output (default: the profile's)");
    add_format_option(cmd, o->format, {"text", "json"});
    on_run(cmd, ctx, [&ctx, o] {
        const LocalDateTime now = time_option(o->now_option, o->now, "--now");
        const std::string lang = ctx.language(o->lang);
        print_listing(o->format, due_followups(ctx.db(), now), followup_json,
                      [&lang](const FollowUp& f) {
                          std::cout << f.kind << "\t" << f.contact_name;
                          if (f.meeting_id) std::cout << " (meeting #" << *f.meeting_id << ")";
                          std::cout << "\t" << format_date_time(f.due_at, lang)
                                    << (f.overdue ? "\toverdue" : "") << "\n";
                      });
    });
}

void add_outreach_commands(CLI::App& app, Context& ctx) {
    auto* group = app.add_subcommand("outreach", "Requests sent to contacts, and their replies");
    group->require_subcommand(1);
    struct Options {
        std::int64_t contact = 0;
        std::string at, channel = "email";
        CLI::Option* at_option = nullptr;
    };

    auto* add = group->add_subcommand("add", "Record a request sent to a contact; prints its id");
    auto a = std::make_shared<Options>();
    add->add_option("--contact", a->contact, "Contact id")->required();
    a->at_option = add->add_option("--at", a->at, "When it was sent (default: now), YYYY-MM-DDTHH:MM");
    add->add_option("--channel", a->channel, "email|phone|profile|in-person")->capture_default_str();
    on_run(add, ctx, [&ctx, a] {
        std::cout << add_outreach(ctx.db(), a->contact, time_option(a->at_option, a->at, "--at"),
                                  a->channel)
                  << "\n";
    });

    auto* reply = group->add_subcommand("reply", "Record that the contact answered");
    auto r = std::make_shared<Options>();
    reply->add_option("--contact", r->contact, "Contact id")->required();
    r->at_option = reply->add_option("--at", r->at, "When (default: now), YYYY-MM-DDTHH:MM");
    on_run(reply, ctx, [&ctx, r] {
        record_reply(ctx.db(), r->contact, time_option(r->at_option, r->at, "--at"));
    });
}

void print_draft(const Draft& d) { std::cout << d.subject << "\n\n" << d.body; }

void add_draft_commands(CLI::App& app, Context& ctx) {
    auto* group = app.add_subcommand(
        "draft", "Draft a message for you to edit and send yourself (nothing is sent)");
    group->require_subcommand(1);

    auto* thanks = group->add_subcommand("thank-you", "A thank-you note after a meeting");
    struct ThanksOptions {
        std::int64_t meeting = 0;
        std::string lang, learned, action;
        CLI::Option *learned_option = nullptr, *action_option = nullptr;
    };
    auto t = std::make_shared<ThanksOptions>();
    thanks->add_option("--meeting", t->meeting, "Meeting id")->required();
    thanks->add_option("--lang", t->lang, "en|fr (default: the profile's language)");
    t->learned_option = thanks->add_option(
        "--learned", t->learned, "One specific thing you learned (default: the debrief's)");
    t->action_option = thanks->add_option(
        "--action", t->action, "A step you took on their advice (default: the debrief's)");
    on_run(thanks, ctx, [&ctx, t] {
        const auto templates = load_draft_templates(ctx.banks_dir(), ctx.language(t->lang));
        print_draft(draft_thank_you(ctx.db(), templates, t->meeting,
                                    {given(t->learned_option, t->learned),
                                     given(t->action_option, t->action)}));
    });

    auto* outreach = group->add_subcommand("outreach", "A request for a short conversation");
    struct OutreachOptions {
        std::int64_t contact = 0;
        int minutes = 20;
        std::string lang, hope;
        CLI::Option* hope_option = nullptr;
    };
    auto o = std::make_shared<OutreachOptions>();
    outreach->add_option("--contact", o->contact, "Contact id")->required();
    outreach->add_option("--minutes", o->minutes, "Length to ask for")->capture_default_str();
    outreach->add_option("--lang", o->lang, "en|fr (default: the profile's language)");
    o->hope_option = outreach->add_option("--hope", o->hope,
                                          "What you hope to learn (default: from your goals)");
    on_run(outreach, ctx, [&ctx, o] {
        const auto templates = load_draft_templates(ctx.banks_dir(), ctx.language(o->lang));
        print_draft(draft_outreach(ctx.db(), templates, o->contact,
                                   {o->minutes, given(o->hope_option, o->hope)}));
    });
}

}  // namespace

void add_followup_commands(CLI::App& app, Context& ctx) {
    add_followups(app, ctx);
    add_outreach_commands(app, ctx);
    add_draft_commands(app, ctx);
}

}  // namespace rapport::cli
