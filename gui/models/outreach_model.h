// Drafting the request for a conversation to someone a contact referred the
// user to (Debrief, once the referral is a contact), without ImGui so tests
// drive it on a temp database.
//
// The draft is the engine's (draft_outreach: the profile's name, field and
// goals, the contact's role and company, who referred them), in the
// profile's language, asking for the profile's default meeting length. The
// user may edit it in the window; Copy takes the text as shown. Rapport never
// sends anything: "Mark sent" records the request (add_outreach, by email,
// now), so Home lists the polite follow-up when no reply comes.
//
// Engine errors never escape: they become error(). A draft that waits for
// the user's name says so (needs_name()), for the screen to offer Profile.
#pragma once

#include "engine/base/local_time.h"
#include "engine/records/database.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace rapport::gui {

class OutreachModel {
public:
    using LocalNow = std::function<LocalDateTime()>;

    OutreachModel(Database* db, std::filesystem::path banks_dir, LocalNow local_now = &now_local);

    // Opens the draft to this contact (re-reading the profile); close() hides it.
    void open(std::int64_t contact_id);
    void close();
    std::optional<std::int64_t> contact_id() const { return contact_id_; }
    const std::string& contact_name() const { return contact_name_; }

    // Subject line, blank line, body; empty while problem() says why.
    const std::string& text() const { return text_; }
    void set_text(std::string text) { text_ = std::move(text); }
    const std::string& problem() const { return problem_; }
    bool needs_name() const { return needs_name_; }
    // Back to the engine's draft (after the profile changed, or edits).
    void rebuild();

    // Records the request as sent now by email. False (error()) on failure.
    bool mark_sent();
    // When the last request to this contact was sent, if any.
    const std::optional<LocalDateTime>& sent_at() const { return sent_at_; }

    const std::string& error() const { return error_; }

private:
    void read_sent();

    Database* db_;
    std::filesystem::path banks_dir_;
    LocalNow local_now_;
    std::optional<std::int64_t> contact_id_;
    std::string contact_name_;
    std::string text_, problem_, error_;
    bool needs_name_ = false;
    std::optional<LocalDateTime> sent_at_;
};

}  // namespace rapport::gui
