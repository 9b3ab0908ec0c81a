#include "gui/outreach_panel.h"

#include "engine/base/date_format.h"
#include "gui/copy_button.h"
#include "gui/i18n.h"
#include "gui/widgets.h"
#include "gui/wrapped_editor.h"

#include <imgui.h>

#include <cstdio>

namespace rapport::gui {

void OutreachPanel::open(std::int64_t contact_id) {
    model_.open(contact_id);
    copied_.clear();
}

bool OutreachPanel::animating() const { return copy_feedback_showing(copied_); }
double OutreachPanel::seconds_until_change() const { return copy_feedback_seconds_left(copied_); }

bool OutreachPanel::draw(const std::string& date_language) {
    OutreachModel& o = model_;
    if (!o.contact_id()) return false;
    bool open_profile = false;
    ImGui::PushID("outreach");
    ImGui::Spacing();
    char title[512];
    std::snprintf(title, sizeof title, _("Request for a conversation to %s"), o.contact_name().c_str());
    ImGui::TextUnformatted(title);
    if (!o.error().empty()) error_text(o.error());
    if (o.needs_name()) {
        colored_text(kCautionColor, _("Add your name on the Profile screen: the request is signed with it."));
        open_profile = ImGui::Button(_("Open Profile"));
    } else if (!o.problem().empty()) {
        colored_text(kCautionColor, o.problem());
    }
    std::string text = o.text();
    if (wrapped_editor("##outreach-draft", text, {.min_lines = 6, .max_lines = 14}).changed) o.set_text(text);
    copy_button(_("Copy"), copied_, !o.text().empty(), [&] { return o.text(); });
    same_line_for_button(_("Mark request sent"));
    if (action_button(_("Mark request sent"), !o.text().empty())) o.mark_sent();
    same_line_for_button(_("Close"));
    if (ImGui::Button(_("Close"))) o.close();
    if (const auto& sent = o.sent_at()) {
        char line[256];
        std::snprintf(line, sizeof line,
                      _("Request recorded as sent %s; Home reminds you to follow up if no reply comes."),
                      format_date_time(*sent, date_language).c_str());
        colored_text(kGoodColor, line);
    } else {
        hint(_("Rapport never sends anything: copy the request into your email, send it, then mark it sent."));
    }
    ImGui::PopID();
    return open_profile;
}

}  // namespace rapport::gui
