// Meetings & contacts: search everyone and every meeting (left), and see,
// add, edit or delete the one selected (right), with the history of meetings
// with each contact.
//
// All state and actions live in RecordsModel (gui/models/records_model.h);
// this file only draws it and forwards input. Keys: Ctrl+F search, Ctrl+N new
// contact, Ctrl+Shift+N new meeting, Enter saves a form (Ctrl+Enter from the
// notes), Esc leaves a field, then cancels the form.
#include "engine/base/paths.h"
#include "gui/i18n.h"
#include "gui/models/records_model.h"
#include "gui/outreach_panel.h"
#include "gui/screens/all_screens.h"
#include "gui/spelling_panel.h"
#include "gui/date_picker.h"
#include "gui/widgets.h"
#include "gui/wrapped_editor.h"
#include "engine/base/date_format.h"

#include <GLFW/glfw3.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace rapport::gui {
namespace {

using Kind = RecordsModel::Kind;

bool key_pressed(int key) { return ImGui::IsKeyPressed(key, false); }
bool enter_pressed() { return key_pressed(GLFW_KEY_ENTER) || key_pressed(GLFW_KEY_KP_ENTER); }
// A menu (spelling suggestions, a combo's list) is open.
bool any_popup_open() { return ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId); }

// One row of a details view: a muted label and its value, skipped when empty.
void detail_row(const char* label, const std::string& value) {
    if (value.empty()) return;
    ImGui::TextDisabled("%s", label);
    ImGui::SameLine(7.0f * ImGui::GetFontSize());
    ImGui::TextWrapped("%s", value.c_str());
}

// A text field with the engine's message about `field` beside it.
void text_row(const FormMessages& messages, const char* label, const char* field, std::string& value,
              const char* placeholder = "") {
    form_text(label, value, placeholder);
    field_message(messages.field(field));
}

// A combo over fixed choices (mode, status); true when the choice changed.
template <class Choices>
bool choice_combo(const char* label, std::string& value, const Choices& choices) {
    form_label(label, 9.0f, 10.0f);
    bool changed = false;
    ImGui::PushID(label);
    if (begin_combo_fitted("##choice", meeting_value_label(value))) {
        for (std::string_view choice : choices) {
            const std::string text(choice);
            if (ImGui::Selectable(meeting_value_label(text).c_str(), value == text)) {
                changed = value != text;
                value = text;
            }
        }
        ImGui::EndCombo();
    }
    ImGui::PopID();
    return changed;
}

class MeetingsScreen : public Screen {
public:
    const char* id() const override { return "meetings"; }
    const char* short_name() const override { return _("People"); }
    const char* name() const override { return _("Meetings & contacts"); }

    void draw(AppContext& ctx) override {
        // Back from another screen: the records may have changed there. (A
        // model built now has just read them.)
        if (!model_) model_.emplace(ctx.db);
        else if (ImGui::GetFrameCount() != last_frame_ + 1) {
            model_->refresh();
            menu_was_open_ = false;  // a menu left open elsewhere has closed
        }
        if (!outreach_) outreach_.emplace(ctx.db, shipped_banks_dir());
        if (seen_profile_revision_ != ctx.profile_revision) {
            if (seen_profile_revision_ >= 0) outreach_->profile_changed();  // the name, the language
            seen_profile_revision_ = ctx.profile_revision;
        }
        RecordsModel& m = *model_;
        db_ = ctx.db;
        last_frame_ = ImGui::GetFrameCount();
        m.tick();
        open_requested_form(ctx, m);
        const bool was_typing = ImGui::GetIO().WantTextInput;
        handle_shortcuts(m, was_typing);

        heading(*ctx.fonts, _("Meetings & contacts"));
        if (!ctx.db) error_text(_("Nothing can be saved or searched without the database."));
        if (!m.error().empty()) error_text(m.error());
        draw_toolbar(m);

        Panes panes(36.0f * ImGui::GetFontSize());
        panes.begin("##lists", 0.42f, 16.0f * ImGui::GetFontSize());
        ImGui::BeginDisabled(m.form_open());  // save or cancel the form first
        draw_lists(m, panes.side_by_side());
        ImGui::EndDisabled();
        panes.next("##record", true);
        draw_record(m);
        panes.end();
        // ImGui closes a menu on Escape before this screen draws: remember it was open.
        menu_was_open_ = any_popup_open();
        if (request_profile_) {
            ctx.request_screen = "profile";
            request_profile_ = false;
        }
    }

    bool animating() const override {
        return (model_ && model_->wants_wakeups()) || (outreach_ && outreach_->animating()) ||
               notes_spelling_.working();
    }

    // The first of: the model's next change, the "Copied" label going back.
    double seconds_until_change() const override {
        double wait = 3600;
        if (model_ && model_->wants_wakeups())
            wait = std::chrono::duration<double>(model_->until_next_change()).count();
        if (outreach_ && outreach_->animating()) wait = std::min(wait, outreach_->seconds_until_change());
        if (notes_spelling_.working()) wait = std::min(wait, 0.05);  // a dictionary or suggestions on their way
        return wait;
    }

    void flush(AppContext&) override {
        if (model_) model_->flush();
    }

private:
    void handle_shortcuts(RecordsModel& m, bool was_typing) {
        const ImGuiIO& io = ImGui::GetIO();
        if (io.KeyCtrl && key_pressed(GLFW_KEY_F)) focus_search_ = true;
        if (io.KeyCtrl && key_pressed(GLFW_KEY_N) && !m.form_open()) {
            if (io.KeyShift) m.new_meeting();
            else m.new_contact();
            focus_form_ = true;
        }
        if (!m.delete_question().empty() && !was_typing) {
            if (enter_pressed()) m.confirm_delete();
            if (key_pressed(GLFW_KEY_ESCAPE)) m.cancel_delete();
        }
        // The first Escape leaves the field being typed in (keeping its text)
        // or closes a menu (spelling suggestions, a combo); an Escape outside
        // any field cancels the form.
        if (m.form_open() && !was_typing && !menu_was_open_ && key_pressed(GLFW_KEY_ESCAPE)) m.cancel_form();
    }

    // Home's "New contact" / "New meeting" arrive with the form to open.
    void open_requested_form(AppContext& ctx, RecordsModel& m) {
        if (ctx.request_form.empty()) return;
        if (ctx.request_form == "contact") m.new_contact();
        if (ctx.request_form == "meeting") m.new_meeting();
        ctx.request_form.clear();
        focus_form_ = true;
    }

    // --- Top: search and "new" -------------------------------------------------

    void draw_toolbar(RecordsModel& m) {
        const float font = ImGui::GetFontSize();
        if (focus_search_) {
            ImGui::SetKeyboardFocusHere();
            focus_search_ = false;
        }
        std::string query = m.query();
        ImGui::SetNextItemWidth(std::max(12.0f * font, ImGui::GetContentRegionAvail().x - 22.0f * font));
        // A short hint: a long one was cut by the field at 800×600; the tooltip says what is searched.
        if (edited_unless_escape(hinted_input("##search", _("Search… (Ctrl+F)"), &query))) m.set_query(query);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", _("Searches names, companies and notes"));
        same_line_for_button(_("New contact"));
        if (action_button(_("New contact"), !m.form_open())) {
            m.new_contact();
            focus_form_ = true;
        }
        same_line_for_button(_("New meeting"));
        if (action_button(_("New meeting"), !m.form_open())) {
            m.new_meeting();
            focus_form_ = true;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip(_("Ctrl+Shift+N"));
    }

    // --- Left: the lists -----------------------------------------------------------

    // Side by side, the two lists share the pane's height; stacked above the
    // record, each shows a few rows and scrolls.
    void draw_lists(RecordsModel& m, bool side_by_side) {
        const bool searching = !m.query().empty();
        const float rows = 7.0f * ImGui::GetFrameHeightWithSpacing();
        const float half = side_by_side
                               ? (ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing()) * 0.5f
                               : rows;
        // While searching, the lists hold the best hits only: say of how many.
        const SearchCounts& all = m.match_counts();
        const auto shown = [&](std::size_t listed, std::int64_t matching) {
            return searching && matching > static_cast<std::int64_t>(listed)
                       ? format(_("%zu of %lld"), listed, static_cast<long long>(matching))
                       : std::to_string(listed);
        };
        ImGui::Text(_("Contacts (%s)"), shown(m.contacts().size(), all.contacts).c_str());
        ImGui::BeginChild("##contacts", ImVec2(0, half), true);
        if (m.contacts().empty())
            hint(searching ? _("No contact matches.") : _("No contacts yet: add the first with New contact (Ctrl+N)."));
        draw_entries(m, m.contacts(), Kind::contact);
        ImGui::EndChild();
        ImGui::Text(_("Meetings (%s), newest first"), shown(m.meetings().size(), all.meetings).c_str());
        ImGui::BeginChild("##meetings", ImVec2(0, side_by_side ? 0.0f : rows), true);
        if (m.meetings().empty())
            hint(searching ? _("No meeting matches.") : _("No meetings yet: select a contact and plan one."));
        draw_entries(m, m.meetings(), Kind::meeting);
        ImGui::EndChild();
    }

    static void draw_entries(RecordsModel& m, const std::vector<RecordEntry>& entries, Kind kind) {
        draw_rows_in_view(entries.size(), [&](std::size_t i) {  // years of meetings
            const RecordEntry& e = entries[i];
            ImGui::PushID(static_cast<int>(e.id));
            const bool selected = m.selected_kind() == kind && m.selected_id() == e.id;
            if (truncated_selectable(m.label(kind, i), selected)) {
                if (kind == Kind::contact) m.select_contact(e.id);
                else m.select_meeting(e.id);
            }
            if (!e.snippet.empty()) {
                ImGui::Indent();
                hint(e.snippet.c_str());
                ImGui::Unindent();
            }
            ImGui::PopID();
        });
    }

    // --- Right: form, details or empty state ---------------------------------------

    void draw_record(RecordsModel& m) {
        if (!m.delete_question().empty()) draw_delete_question(m);
        if (ContactForm* form = m.contact_form()) {
            draw_contact_form(m, *form);
        } else if (MeetingForm* form = m.meeting_form()) {
            draw_meeting_form(m, *form);
        } else if (m.contact()) {
            draw_contact(m, Contact(*m.contact()), std::vector<Meeting>(m.history()));
        } else if (m.meeting()) {
            draw_meeting(m, Meeting(*m.meeting()));
        } else {
            hint(_("Select a contact to see their details and the meetings you had with them, "
                 "or a meeting to see its notes and question sheet."));
        }
    }

    static void draw_delete_question(RecordsModel& m) {
        error_text(m.delete_question());
        if (ImGui::Button(_("Delete"))) m.confirm_delete();
        same_line_for_button(_("Keep"));
        if (ImGui::Button(_("Keep"))) m.cancel_delete();
        ImGui::SameLine();
        hint(_("Enter deletes, Esc keeps."));
        ImGui::Separator();
    }

    // A form's title and focus request (before its fields), its notes and buttons (after).
    void begin_form(const char* title) {
        ImGui::TextUnformatted(title);
        ImGui::Spacing();
        if (focus_form_) {
            ImGui::SetKeyboardFocusHere();
            focus_form_ = false;
        }
    }

    void end_form(RecordsModel& m, const std::string& notes, bool existing) {
        form_label(_("Notes"));
        ImGui::NewLine();
        std::string edited = notes;
        // Notes are in the profile's language (""); contact names and companies are known words.
        const bool changed = notes_spelling_.draw("##notes", edited, db_, "", {.min_lines = 4, .max_lines = 10});
        // Not ImGui::IsItemActive(): the last item may be the spelling menu or tooltip.
        const bool in_notes = notes_spelling_.active();
        if (changed) m.set_form_notes(edited);
        field_message(m.messages().field("notes"));
        hint(existing ? _("Notes are saved as you type; the other fields when you save.")
                      : _("Everything is saved when you save."));
        if (!m.messages().form().empty()) error_text(m.messages().form());

        const bool save = ImGui::Button(_("Save")) ||
                          (enter_pressed() && !menu_was_open_ && (!in_notes || ImGui::GetIO().KeyCtrl));
        same_line_for_button(_("Cancel"));
        const bool cancel = ImGui::Button(_("Cancel"));
        ImGui::SameLine();
        hint(_("Enter saves (Ctrl+Enter in the notes); Esc cancels."));
        if (save) m.confirm_form();
        else if (cancel) m.cancel_form();
    }

    void draw_contact_form(RecordsModel& m, ContactForm& f) {
        const FormMessages& msg = m.messages();
        begin_form(f.id ? _("Edit contact") : _("New contact"));
        text_row(msg, _("Name"), "name", f.name, _("First and last name"));
        text_row(msg, _("Company"), "company", f.company);
        text_row(msg, _("Role"), "role", f.role);
        text_row(msg, _("Industry tags"), "tags", f.tags, _("museums, fintech"));
        text_row(msg, _("Email"), "email", f.email);
        text_row(msg, _("Phone"), "phone", f.phone);
        text_row(msg, _("Profile link"), "link", f.link, "https://…");
        text_row(msg, _("How you met"), "how_met", f.how_met, _("a friend, an event…"));
        draw_referrer_combo(m, f);
        field_message(msg.field("referred_by"));
        end_form(m, f.notes, f.id != 0);
    }

    static void draw_referrer_combo(const RecordsModel& m, ContactForm& f) {
        form_label(_("Referred by"));
        const std::string current = f.referred_by ? m.contact_name(*f.referred_by) : _("(nobody)");
        if (!begin_combo_fitted("##referrer", current)) return;
        if (ImGui::Selectable(_("(nobody)"), !f.referred_by)) f.referred_by.reset();
        std::vector<const Contact*> others;  // not themselves
        others.reserve(m.all_contacts().size());
        for (const Contact& c : m.all_contacts())
            if (c.id != f.id) others.push_back(&c);
        draw_rows_in_view(others.size(), [&](std::size_t i) {
            const Contact& c = *others[i];
            ImGui::PushID(static_cast<int>(c.id));
            if (ImGui::Selectable(c.name.c_str(), f.referred_by == c.id)) f.referred_by = c.id;
            ImGui::PopID();
        });
        ImGui::EndCombo();
    }

    void draw_meeting_form(RecordsModel& m, MeetingForm& f) {
        const FormMessages& msg = m.messages();
        begin_form(f.id ? _("Edit meeting") : _("New meeting"));
        form_label(_("Contact"));
        const std::string current = f.contact_id ? m.contact_name(f.contact_id) : _("(choose a contact)");
        if (begin_combo_fitted("##contact", current)) {
            draw_rows_in_view(m.all_contacts().size(), [&](std::size_t i) {
                const Contact& c = m.all_contacts()[i];
                ImGui::PushID(static_cast<int>(c.id));
                if (ImGui::Selectable(c.name.c_str(), f.contact_id == c.id)) f.contact_id = c.id;
                ImGui::PopID();
            });
            ImGui::EndCombo();
        }
        field_message(msg.field("contact_id"));
        // A narrower field than the others, so the calendar button fits beside it
        // (under it when even a short field leaves no room, at 800×600).
        form_label(_("When"), 9.0f, 11.0f);
        const char* calendar = _("Calendar…");
        const float font = ImGui::GetFontSize();
        ImGui::SetNextItemWidth(std::min(11.0f * font, field_width_before(button_width(calendar), 8.0f * font)));
        std::string when = f.at;
        // The typed form is shown by the field's value; the hint (an empty field) shows the words.
        if (edited_unless_escape(hinted_input("##when", _("tomorrow 10:00"), &when))) f.at = when;
        same_line_for_button(calendar);
        date_picker_button("when", f.at, date_picker_, m.language());
        field_message(msg.field("at"));
        form_label(_("Promised minutes"), 9.0f, 8.0f);
        int minutes = f.minutes;
        if (ImGui::InputInt("##minutes", &minutes, 5, 15)) f.minutes = minutes;
        field_message(msg.field("minutes"));
        choice_combo(_("Mode"), f.mode, kMeetingModes);
        field_message(msg.field("mode"));
        text_row(msg, _("Place"), "place", f.place, _("a café, a video link…"));
        choice_combo(_("Status"), f.status, kMeetingStatuses);
        field_message(msg.field("status"));
        end_form(m, f.notes, f.id != 0);
    }

    // --- Details ------------------------------------------------------------------------
    // They draw copies: a click selects another record, which replaces the model's.

    void draw_contact(RecordsModel& m, const Contact& c, const std::vector<Meeting>& history) {
        ImGui::TextWrapped("%s", c.name.c_str());
        ImGui::Separator();
        detail_row(_("Company"), c.company);
        detail_row(_("Role"), c.role);
        std::string tags;
        for (const auto& t : c.tags) tags += (tags.empty() ? "" : ", ") + t;
        detail_row(_("Tags"), tags);
        detail_row(_("Email"), c.email);
        detail_row(_("Phone"), c.phone);
        detail_row(_("Profile"), c.link);
        detail_row(_("How met"), c.how_met);
        if (c.referred_by) detail_row(_("Referred by"), m.contact_name(*c.referred_by));
        detail_row(_("Notes"), c.notes);
        ImGui::Spacing();
        if (ImGui::Button(_("Edit"))) m.edit_selected();
        same_line_for_button(_("Plan a meeting"));
        if (ImGui::Button(_("Plan a meeting"))) m.new_meeting();
        same_line_for_button(_("Delete…"));
        if (ImGui::Button(_("Delete…"))) m.ask_delete();
        same_line_for_button(_("Draft a request"));
        if (ImGui::Button(_("Draft a request"))) outreach_->open(c.id);
        if (outreach_->is_open_for(c.id) && outreach_->draw(m.language())) request_profile_ = true;

        ImGui::Separator();
        ImGui::TextWrapped(_("Meetings with %s (%zu)"), c.name.c_str(), history.size());
        if (history.empty()) hint(_("None yet: plan one with the button above."));
        for (const Meeting& meeting : history) {
            ImGui::PushID(static_cast<int>(meeting.id));
            const std::string line =
                format(_("%s · %d min · %s · %s"), format_date_time(meeting.at, interface_language()).c_str(),
                       meeting.minutes, meeting_value_label(meeting.mode).c_str(),
                       meeting_value_label(meeting.status).c_str());
            if (truncated_selectable(line, false)) m.select_meeting(meeting.id);
            ImGui::PopID();
        }
    }

    static void draw_meeting(RecordsModel& m, const Meeting& meeting) {
        ImGui::TextWrapped(_("Meeting with %s"), meeting.contact_name.c_str());
        ImGui::Separator();
        detail_row(_("When"), format_date_time(meeting.at, interface_language()));
        detail_row(_("Length"), format(_("%d min promised"), meeting.minutes));
        detail_row(_("Mode"), meeting_value_label(meeting.mode));
        detail_row(_("Place"), meeting.place);
        detail_row(_("Status"), meeting_value_label(meeting.status));
        detail_row(_("Notes"), meeting.notes);
        ImGui::Spacing();
        if (ImGui::Button(_("Edit"))) m.edit_selected();
        same_line_for_button(_("Contact"));
        if (ImGui::Button(_("Contact"))) m.select_contact(meeting.contact_id);
        same_line_for_button(_("Delete…"));
        if (ImGui::Button(_("Delete…"))) m.ask_delete();

        ImGui::Separator();
        if (meeting.sheet.empty()) {
            hint(_("No question sheet kept with this meeting."));
            return;
        }
        ImGui::Text(_("Question sheet (%zu)"), meeting.sheet.size());
        for (const SheetQuestion& q : meeting.sheet) {
            const char* mark = q.answered ? "\u2713\u2713" : q.asked ? "\u2713 " : "\u25CB ";
            ImGui::TextWrapped("%s  %s", mark, q.text.c_str());
        }
        hint(_("\u2713 asked, \u2713\u2713 answered."));
    }

    std::optional<RecordsModel> model_;  // built at the first frame, when the database is known
    std::optional<OutreachPanel> outreach_;  // the request drafted for the selected contact
    int seen_profile_revision_ = -1;         // the AppContext's profile revision last followed
    bool request_profile_ = false;           // "Open Profile" was clicked this frame
    int last_frame_ = -2;
    DatePickerModel date_picker_;  // the calendar beside "When"
    SpellCheckedField notes_spelling_;  // a contact's or a meeting's notes, in the form
    Database* db_ = nullptr;            // the AppContext's, for the spelling check's known words
    bool menu_was_open_ = false;        // at the end of the last frame: Enter and Escape were the menu's
    bool focus_search_ = false;
    bool focus_form_ = false;
};

}  // namespace

std::unique_ptr<Screen> make_meetings_screen() { return std::make_unique<MeetingsScreen>(); }

}  // namespace rapport::gui
