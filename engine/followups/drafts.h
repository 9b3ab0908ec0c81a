// Message drafts for the user to edit and send themselves (Rapport never
// sends anything): a thank-you note after a meeting and an outreach request.
//
// The wording is data: question-banks/drafts.LANG.json holds, per message, a
// subject and lines with {placeholders}. A line may be
//   "text with {field}"                       always included,
//   {"when": ["a", "b"], "text": "…"}         only when a and b have values,
//   {"first_of": [line, line, …]}             the first line whose "when" holds.
// Filling never leaves a placeholder in the text: a line that is always
// included but lacks a value stops the draft with a message saying what to
// record (rapport::Error).
#pragma once

#include "engine/base/error.h"

#include "engine/records/database.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rapport {

struct TemplateLine {
    std::vector<std::string> when;
    std::string text;
    std::vector<TemplateLine> first_of;
    std::string where;  // "file:line", for messages
};

struct DraftTemplate {
    std::string subject;
    std::vector<TemplateLine> lines;
};

struct DraftTemplates {
    std::filesystem::path file;
    std::string language;
    std::map<std::string, std::string> goals;  // profile goal id -> "what I hope to learn"
    std::string default_hope;
    DraftTemplate thank_you;
    DraftTemplate outreach;
    std::map<std::string, std::string> calendar;  // titles of calendar entries
};

// Loads banks_dir/drafts.LANG.json, checking that every placeholder is one
// the message knows. Throws rapport::Error "file:line: …".
DraftTemplates load_draft_templates(const std::filesystem::path& banks_dir,
                                    std::string_view language);

using DraftValues = std::map<std::string, std::string>;

// A draft that cannot be finished because something the user records is
// missing. `value` names it ("user_name", "learned", …) so that each front end
// can say where to record it (the CLI names an option, the app a screen).
class MissingDraftValue : public Error {
public:
    MissingDraftValue(std::string missing, const std::string& message)
        : Error(message), value(std::move(missing)) {}
    std::string value;
};

// Replaces {name} with values.at(name). Throws MissingDraftValue naming what
// to record when a value is missing or empty.
std::string fill_placeholders(const std::string& text, const DraftValues& values,
                              const std::string& where);

struct Draft {
    std::string language;
    std::string subject;
    std::string body;
};

Draft render_draft(const DraftTemplate& draft, const DraftValues& values, const std::string& language);

struct ThankYouInput {
    std::optional<std::string> learned;  // default: the debrief's "learned" answer
    std::optional<std::string> action;   // default: the debrief's "advice-followed" answer
};

// From the meeting, its contact, its debrief (what was learned, advice
// followed, referrals) and the user's profile.
Draft draft_thank_you(Database& db, const DraftTemplates& templates, std::int64_t meeting_id,
                      const ThankYouInput& input = {});

struct OutreachInput {
    int minutes = 20;                 // the length to ask for
    std::optional<std::string> hope;  // default: from the profile's first goal
};

// From the contact (role, company, who referred them) and the profile.
Draft draft_outreach(Database& db, const DraftTemplates& templates, std::int64_t contact_id,
                     const OutreachInput& input = {});

}  // namespace rapport
