#include "gui/models/records_model.h"

#include "gui/models/guarded.h"
#include "gui/models/profile_model.h"

#include "engine/base/error.h"
#include "engine/base/date_input.h"
#include "engine/records/profile.h"
#include "engine/records/search.h"
#include "gui/i18n.h"
#include "engine/base/date_format.h"

#include <algorithm>
#include <cstdio>
#include <array>
#include <span>
#include <set>
#include <utility>

namespace rapport::gui {
namespace {

// The fields the engine names in its messages, for each form.
constexpr std::array<std::string_view, 10> kContactFields = {
    "name", "company", "role", "tags", "email", "phone", "link", "how_met", "referred_by", "notes"};
constexpr std::array<std::string_view, 7> kMeetingFields = {
    "contact_id", "at", "minutes", "mode", "place", "status", "notes"};

std::string contact_label(const Contact& c) {
    std::string label = c.name;
    if (!c.company.empty()) label += " — " + c.company;
    if (!c.role.empty()) label += " (" + c.role + ")";
    return label;
}

std::string meeting_label(const Meeting& m) {
    return format(_("%s · %s · %d min · %s"), format_date_time(m.at, interface_language()).c_str(),
                  m.contact_name.c_str(), m.minutes, meeting_value_label(m.status).c_str());
}

std::string joined_tags(const std::vector<std::string>& tags) {
    std::string out;
    for (const auto& t : tags) out += (out.empty() ? "" : ", ") + t;
    return out;
}

// "museums, public sector" -> {"museums", " public sector"}; the engine trims.
std::vector<std::string> split_tags(const std::string& text) {
    std::vector<std::string> tags;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t comma = std::min(text.find(',', start), text.size());
        tags.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return tags;
}

ContactForm form_of(const Contact& c) {
    return {c.id,    c.name,  c.company, c.role,    joined_tags(c.tags),
            c.email, c.phone, c.link,    c.how_met, c.notes,
            c.referred_by};
}

MeetingForm form_of(const Meeting& m) {
    return {m.id, m.contact_id, form_time(m.at), m.minutes, m.mode, m.place, m.status, m.notes};
}

// The field's new value when the form changed it.
template <class T>
std::optional<T> changed(const T& now, const T& before) {
    return now == before ? std::nullopt : std::optional<T>(now);
}

}  // namespace

std::string form_time(const LocalDateTime& at) {
    char clock[16];
    // The form people type and every language reads back (date_input.h).
    std::snprintf(clock, sizeof clock, " %02d:%02d", at.hour % 100, at.minute % 100);
    return at.date() + clock;
}

RecordsModel::RecordsModel(Database* db, Now now, WallNow wall_now)
    : db_(db), notes_debounce_(std::move(now)), wall_now_(std::move(wall_now)) {
    refresh();
}

void RecordsModel::refresh() {
    load_lists();
    load_selection();
    // Read once per visit of the screen, not once per frame. The window's
    // language (the profile's, else the system's): dates are typed and
    // picked in the language the labels are in.
    if (db_) {
        std::string ignored;
        guarded(ignored, [&] { language_ = profile_interface_language(*db_); });
    }
}

void RecordsModel::load_lists() {
    all_contacts_.clear();
    all_meetings_.clear();
    if (db_) {
        guarded(error_, [&] {
            all_contacts_ = list_contacts(*db_);
            all_meetings_ = list_meetings(*db_);
        });
    }
    build_entries();
}

// The lists as the search box filters them.
void RecordsModel::build_entries() {
    contact_entries_.clear();
    meeting_entries_.clear();
    fill_entries();
    contact_labels_.assign(contact_entries_.size(), {});
    meeting_labels_.assign(meeting_entries_.size(), {});
}

void RecordsModel::fill_entries() {
    if (query_.find_first_not_of(" \t\r\n") == std::string::npos) {
        for (std::size_t i = 0; i < all_contacts_.size(); ++i)
            contact_entries_.push_back({all_contacts_[i].id, {}, i});
        for (std::size_t i = all_meetings_.size(); i-- > 0;)
            meeting_entries_.push_back({all_meetings_[i].id, {}, i});
        return;
    }
    if (!db_) return;
    std::vector<SearchHit> hits;
    if (!guarded(error_, [&] {
            hits = search(*db_, query_, {kSearchLimit, "[", "]"});
            match_counts_ = count_search_matches(*db_, query_);
        }))
        return;
    std::set<std::int64_t> meetings_seen;
    for (const SearchHit& hit : hits) {
        if (hit.kind == "contact") {
            const auto c = std::find_if(all_contacts_.begin(), all_contacts_.end(),
                                        [&](const Contact& x) { return x.id == hit.id; });
            if (c != all_contacts_.end())
                contact_entries_.push_back(
                    {c->id, hit.snippet, static_cast<std::size_t>(c - all_contacts_.begin())});
            continue;
        }
        // A meeting, or its debrief: either way the meeting is what opens.
        if (!meetings_seen.insert(hit.id).second) continue;
        const auto m = std::find_if(all_meetings_.begin(), all_meetings_.end(),
                                    [&](const Meeting& x) { return x.id == hit.id; });
        if (m != all_meetings_.end())
            meeting_entries_.push_back(
                {m->id, hit.snippet, static_cast<std::size_t>(m - all_meetings_.begin())});
    }
}

const std::string& RecordsModel::label(Kind kind, std::size_t index) {
    const bool contact = kind == Kind::contact;
    std::string& label = contact ? contact_labels_.at(index) : meeting_labels_.at(index);
    if (label.empty()) {
        const std::size_t record = (contact ? contact_entries_ : meeting_entries_)[index].record;
        label = contact ? contact_label(all_contacts_[record]) : meeting_label(all_meetings_[record]);
    }
    return label;
}

void RecordsModel::set_query(const std::string& query) {
    if (query == query_) return;
    query_ = query;
    build_entries();
}

std::string RecordsModel::contact_name(std::int64_t id) const {
    for (const Contact& c : all_contacts_)
        if (c.id == id) return c.name;
    return {};
}

// --- Selection -----------------------------------------------------------------

void RecordsModel::load_selection() {
    contact_.reset();
    meeting_.reset();
    history_.clear();
    if (!db_ || kind_ == Kind::none) return;
    guarded(error_, [&] {
        if (kind_ == Kind::contact) {
            contact_ = find_contact(*db_, selected_id_);
            if (contact_) history_ = list_meetings(*db_, selected_id_);
        } else {
            meeting_ = find_meeting(*db_, selected_id_);
        }
    });
    if (!contact_ && !meeting_) kind_ = Kind::none;  // removed elsewhere
}

void RecordsModel::select_contact(std::int64_t id) {
    if (form_open()) return;
    kind_ = Kind::contact;
    selected_id_ = id;
    delete_question_.clear();
    load_selection();
}

void RecordsModel::select_meeting(std::int64_t id) {
    if (form_open()) return;
    kind_ = Kind::meeting;
    selected_id_ = id;
    delete_question_.clear();
    load_selection();
}

// --- Forms -----------------------------------------------------------------------

void RecordsModel::new_contact() {
    if (form_open()) return;
    contact_form_ = contact_origin_ = ContactForm{};
    messages_.clear();
}

void RecordsModel::new_meeting() {
    if (form_open()) return;
    if (all_contacts_.empty()) {
        // A meeting is with someone: with nobody recorded yet, add them first.
        new_contact();
        messages_.add(_("Add the person you will meet first; then plan the meeting."), {});
        return;
    }
    MeetingForm form;
    if (contact_) form.contact_id = contact_->id;
    if (meeting_) form.contact_id = meeting_->contact_id;
    if (db_) guarded(error_, [&] { form.minutes = load_profile(*db_).default_minutes; });
    // The next full hour on the user's clock: a time of the right shape to correct.
    const LocalDateTime now = wall_now_();
    form.at = form_time(local_from_utc(now.utc_seconds() + (60 - now.minute) * 60));
    meeting_form_ = meeting_origin_ = form;
    messages_.clear();
}

void RecordsModel::edit_selected() {
    if (form_open()) return;
    if (contact_) contact_form_ = contact_origin_ = form_of(*contact_);
    if (meeting_) meeting_form_ = meeting_origin_ = form_of(*meeting_);
    messages_.clear();
}

void RecordsModel::set_form_notes(const std::string& notes) {
    std::string* target = contact_form_ ? &contact_form_->notes
                          : meeting_form_ ? &meeting_form_->notes
                                          : nullptr;
    if (!target || *target == notes) return;
    *target = notes;
    const bool existing = contact_form_ ? contact_form_->id != 0 : meeting_form_->id != 0;
    if (existing) notes_debounce_.edited();
}

// An existing record's notes alone, as typed; one engine call.
void RecordsModel::save_notes() {
    notes_debounce_.clear();
    if (!db_) return;
    bool saved = false;
    if (contact_form_ && contact_form_->id != 0) {
        ContactChanges ch;
        ch.notes = contact_form_->notes;
        saved = guarded(error_, [&] { edit_contact(*db_, contact_form_->id, ch); });
        if (saved) contact_origin_->notes = contact_form_->notes;
    } else if (meeting_form_ && meeting_form_->id != 0) {
        MeetingChanges ch;
        ch.notes = meeting_form_->notes;
        saved = guarded(error_, [&] { edit_meeting(*db_, meeting_form_->id, ch); });
        if (saved) meeting_origin_->notes = meeting_form_->notes;
    }
    if (saved) error_.clear();
}

void RecordsModel::save_contact_form() {
    const ContactForm& f = *contact_form_;
    if (f.id == 0) {
        Contact c;
        c.name = f.name;
        c.company = f.company;
        c.role = f.role;
        c.tags = split_tags(f.tags);
        c.email = f.email;
        c.phone = f.phone;
        c.link = f.link;
        c.how_met = f.how_met;
        c.notes = f.notes;
        c.referred_by = f.referred_by;
        selected_id_ = add_contact(*db_, c);
    } else {
        const ContactForm& o = *contact_origin_;
        ContactChanges ch;
        ch.name = changed(f.name, o.name);
        ch.company = changed(f.company, o.company);
        ch.role = changed(f.role, o.role);
        if (f.tags != o.tags) ch.tags = split_tags(f.tags);
        ch.email = changed(f.email, o.email);
        ch.phone = changed(f.phone, o.phone);
        ch.link = changed(f.link, o.link);
        ch.how_met = changed(f.how_met, o.how_met);
        ch.notes = changed(f.notes, o.notes);
        if (f.referred_by != o.referred_by) ch.referred_by = f.referred_by;
        edit_contact(*db_, f.id, ch);
        selected_id_ = f.id;
    }
    kind_ = Kind::contact;
}

// The date field accepts what people type ("2026-11-30 10:00", "demain 9h30"),
// read in the profile's language.
LocalDateTime RecordsModel::typed_date_time(const std::string& text) {
    const auto lang = language_from_code(language());
    return parse_date_time_input(text, lang.value_or(Language::english), wall_now_(), "at");
}

void RecordsModel::save_meeting_form() {
    const MeetingForm& f = *meeting_form_;
    if (f.contact_id == 0) throw Error(std::string("contact_id: ") + _("choose who you are meeting"));  // field: message
    if (f.id == 0) {
        Meeting m;
        m.contact_id = f.contact_id;
        m.at = typed_date_time(f.at);
        m.minutes = f.minutes;
        m.mode = f.mode;
        m.place = f.place;
        m.status = f.status;
        m.notes = f.notes;
        selected_id_ = add_meeting(*db_, m);
    } else {
        const MeetingForm& o = *meeting_origin_;
        MeetingChanges ch;
        ch.contact_id = changed(f.contact_id, o.contact_id);
        if (f.at != o.at) ch.at = typed_date_time(f.at);
        ch.minutes = changed(f.minutes, o.minutes);
        ch.mode = changed(f.mode, o.mode);
        ch.place = changed(f.place, o.place);
        ch.status = changed(f.status, o.status);
        ch.notes = changed(f.notes, o.notes);
        edit_meeting(*db_, f.id, ch);
        selected_id_ = f.id;
    }
    kind_ = Kind::meeting;
}

bool RecordsModel::confirm_form() {
    if (!form_open()) return false;
    messages_.clear();
    if (!db_) {
        messages_.add(_("no database: nothing can be saved"), {});
        return false;
    }
    const std::span<const std::string_view> fields =
        contact_form_ ? std::span<const std::string_view>(kContactFields) : kMeetingFields;
    try {
        if (contact_form_) save_contact_form();
        else save_meeting_form();
    } catch (const std::exception& e) {
        messages_.add(e.what(), fields);
        return false;
    }
    notes_debounce_.clear();  // the notes went with the form
    close_form();
    error_.clear();
    refresh();
    return true;
}

void RecordsModel::cancel_form() {
    if (notes_debounce_.pending()) save_notes();
    close_form();
    refresh();  // the saved notes show in the details
}

void RecordsModel::close_form() {
    contact_form_.reset();
    contact_origin_.reset();
    meeting_form_.reset();
    meeting_origin_.reset();
    messages_.clear();
}

// --- Delete ----------------------------------------------------------------------

void RecordsModel::ask_delete() {
    if (form_open()) return;
    if (contact_) {
        delete_question_ =
            history_.empty()
                ? format(_("Delete %s?"), contact_->name.c_str())
                : format(P_("Delete %s? Their %zu meeting goes too, with its sheet and debrief.",
                            "Delete %s? Their %zu meetings go too, with sheets and debriefs.",
                            history_.size()),
                         contact_->name.c_str(), history_.size());
    } else if (meeting_) {
        delete_question_ = format(_("Delete the meeting with %s on %s, with its sheet and debrief?"),
                                  meeting_->contact_name.c_str(),
                                  format_date_time(meeting_->at, interface_language()).c_str());
    }
}

void RecordsModel::confirm_delete() {
    if (delete_question_.empty() || !db_) return;
    delete_question_.clear();
    const bool removed = guarded(error_, [&] {
        if (kind_ == Kind::contact) remove_contact(*db_, selected_id_, true);
        if (kind_ == Kind::meeting) remove_meeting(*db_, selected_id_);
    });
    if (!removed) return;
    error_.clear();
    kind_ = Kind::none;
    refresh();
}

// --- Saving ------------------------------------------------------------------------

void RecordsModel::tick() {
    if (notes_debounce_.due()) save_notes();
}

void RecordsModel::flush() {
    if (notes_debounce_.pending()) save_notes();
    const bool changed_form = (contact_form_ && *contact_form_ != *contact_origin_) ||
                              (meeting_form_ && *meeting_form_ != *meeting_origin_);
    if (changed_form) confirm_form();
}

}  // namespace rapport::gui
