#include "engine/followups/calendar_export.h"

#include "engine/base/date_format.h"
#include "engine/followups/followups.h"
#include "engine/records/meetings.h"
#include "engine/base/version.h"

#include <libical/ical.h>

#include <memory>

namespace rapport {
namespace {

constexpr int kReminderMinutes = 15;

struct ComponentDeleter {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentDeleter>;

icaltimetype utc_time(std::int64_t seconds) {
    return icaltime_from_timet_with_zone(static_cast<time_t>(seconds), 0,
                                         icaltimezone_get_utc_timezone());
}

// A VEVENT with what every entry has.
icalcomponent* new_event(const std::string& uid, std::int64_t start, int minutes,
                         const std::string& summary) {
    icalcomponent* event = icalcomponent_new_vevent();
    icalcomponent_add_property(event, icalproperty_new_uid(uid.c_str()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(utc_time(std::time(nullptr))));
    icalcomponent_add_property(event, icalproperty_new_dtstart(utc_time(start)));
    icalcomponent_add_property(
        event, icalproperty_new_duration(icaldurationtype_from_int(minutes * 60)));
    icalcomponent_add_property(event, icalproperty_new_summary(summary.c_str()));
    return event;
}

void add_text(icalcomponent* event, icalproperty* (*make)(const char*), const std::string& text) {
    if (!text.empty()) icalcomponent_add_property(event, make(text.c_str()));
}

void add_alarm(icalcomponent* event, const std::string& text) {
    icalcomponent* alarm = icalcomponent_new_valarm();
    icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
    struct icaltriggertype trigger = icaltriggertype_from_int(0);
    icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
    icalcomponent_add_property(alarm, icalproperty_new_description(text.c_str()));
    icalcomponent_add_component(event, alarm);
}

icalcomponent* meeting_event(const Meeting& m, const DraftTemplates& texts) {
    const std::string title =
        fill_placeholders(texts.calendar.at("meeting"), {{"contact_name", m.contact_name}}, "calendar");
    icalcomponent* event = new_event("meeting-" + std::to_string(m.id) + "@rapport",
                                     m.at.utc_seconds(), m.minutes, title);
    add_text(event, icalproperty_new_location, m.place);
    add_text(event, icalproperty_new_description, m.notes);
    if (m.status == "cancelled")
        icalcomponent_add_property(event, icalproperty_new_status(ICAL_STATUS_CANCELLED));
    return event;
}

icalcomponent* reminder_event(Database& db, const FollowUp& f, const DraftTemplates& texts) {
    const std::string organization =
        f.company.empty() ? texts.calendar.at("this-organization") : f.company;
    const std::string title = fill_placeholders(
        texts.calendar.at(f.kind), {{"contact_name", f.contact_name}, {"organization", organization}},
        "calendar");
    std::int64_t start = f.due_at.utc_seconds();
    std::string uid = f.kind + "-";
    if (f.meeting_id) {
        const Meeting m = get_meeting(db, *f.meeting_id);
        start = m.at.utc_seconds() + std::int64_t{m.minutes} * 60;  // right after the meeting
        uid += std::to_string(*f.meeting_id);
    } else {
        uid += std::to_string(f.outreach_id.value_or(0));
    }
    icalcomponent* event = new_event(uid + "@rapport", start, kReminderMinutes, title);
    const std::string by = "→ " + format_date_time(f.due_at, texts.language);
    icalcomponent_add_property(event, icalproperty_new_description(by.c_str()));
    add_alarm(event, title);
    return event;
}

}  // namespace

std::string calendar_export(Database& db, const DraftTemplates& texts, const LocalDateTime& now) {
    Component calendar(icalcomponent_new_vcalendar());
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    const std::string prodid = std::string("-//Rapport//Rapport ") + kVersion + "//EN";
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid(prodid.c_str()));
    icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
    for (const Meeting& m : list_meetings(db))
        icalcomponent_add_component(calendar.get(), meeting_event(m, texts));
    for (const FollowUp& f : due_followups(db, now, true))
        icalcomponent_add_component(calendar.get(), reminder_event(db, f, texts));
    char* text = icalcomponent_as_ical_string_r(calendar.get());
    if (!text) throw Error("cannot write the calendar: " + std::string(icalerror_strerror(icalerrno)));
    std::string out(text);
    icalmemory_free_buffer(text);
    return out;
}

}  // namespace rapport
