// Meetings and follow-up reminders as an iCalendar file (RFC 5545), built
// with libical, for any calendar app.
//
// Each meeting is a VEVENT at its instant (written in UTC, so every app
// shows it at the right local time) lasting the promised minutes, with the
// place and notes; a cancelled meeting keeps STATUS:CANCELLED. Each open
// follow-up (due or upcoming, see followups.h) is a 15-minute VEVENT with a
// display alarm: a thank-you at the meeting's end (its description says by
// when), an outreach suggestion on its due day. UIDs are stable, so
// importing a newer export updates the same entries.
#pragma once

#include "engine/records/database.h"
#include "engine/followups/drafts.h"
#include "engine/base/local_time.h"

#include <string>

namespace rapport {

// `texts` gives the entry titles in the user's language (drafts.LANG.json).
std::string calendar_export(Database& db, const DraftTemplates& texts, const LocalDateTime& now);

}  // namespace rapport
