// The request for a conversation, drafted for one contact and shown under
// what opened it (a referral in Debrief, a contact in Meetings & contacts):
// the draft to edit, Copy (reads "Copied" for a moment), Mark request sent,
// Close. State and actions in OutreachModel (gui/models/outreach_model.h).
#pragma once

#include "gui/models/copy_feedback.h"
#include "gui/models/outreach_model.h"

#include <cstdint>
#include <filesystem>

namespace rapport::gui {

class OutreachPanel {
public:
    OutreachPanel(Database* db, const std::filesystem::path& banks_dir) : model_(db, banks_dir) {}

    void open(std::int64_t contact_id);
    bool is_open_for(std::int64_t contact_id) const { return model_.contact_id() == contact_id; }
    // After the profile changed (name, language): the draft again.
    void profile_changed() { model_.rebuild(); }

    // Draws the panel when a draft is open; `date_language` formats the sent
    // date. True when "Open Profile" was clicked (the draft needs the name).
    bool draw(const std::string& date_language);

    // For the screen's animating() / seconds_until_change(): the "Copied" label.
    bool animating() const;
    double seconds_until_change() const;

private:
    OutreachModel model_;
    CopyFeedback copied_;
};

}  // namespace rapport::gui
