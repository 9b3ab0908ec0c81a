#include "gui/models/outreach_model.h"

#include "engine/followups/drafts.h"
#include "engine/records/contacts.h"
#include "engine/records/outreach.h"
#include "engine/records/profile.h"
#include "gui/models/guarded.h"

namespace rapport::gui {

OutreachModel::OutreachModel(Database* db, std::filesystem::path banks_dir, LocalNow local_now)
    : db_(db), banks_dir_(std::move(banks_dir)), local_now_(std::move(local_now)) {}

void OutreachModel::open(std::int64_t contact_id) {
    contact_id_ = contact_id;
    error_.clear();
    rebuild();
    read_sent();
}

void OutreachModel::close() {
    contact_id_.reset();
    text_.clear();
    problem_.clear();
    sent_at_.reset();
}

void OutreachModel::rebuild() {
    text_.clear();
    problem_.clear();
    needs_name_ = false;
    if (!db_ || !contact_id_) return;
    try {
        const Profile profile = load_profile(*db_);
        contact_name_ = get_contact(*db_, *contact_id_).name;
        const DraftTemplates templates = load_draft_templates(banks_dir_, profile.language);
        const Draft d = draft_outreach(*db_, templates, *contact_id_, {profile.default_minutes, {}});
        text_ = d.subject + "\n\n" + d.body;
    } catch (const MissingDraftValue& e) {
        needs_name_ = e.value == "user_name";
        problem_ = e.what();
    } catch (const std::exception& e) {
        problem_ = e.what();
    }
}

void OutreachModel::read_sent() {
    sent_at_.reset();
    if (!db_ || !contact_id_) return;
    guarded(error_, [&] {
        for (const Outreach& o : list_outreach(*db_, *contact_id_)) sent_at_ = o.sent_at;
    });
}

bool OutreachModel::mark_sent() {
    if (!db_ || !contact_id_) return false;
    error_.clear();
    const bool ok = guarded(error_, [&] { add_outreach(*db_, *contact_id_, local_now_(), "email"); });
    read_sent();
    return ok;
}

}  // namespace rapport::gui
