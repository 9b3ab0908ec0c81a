#include "gui/date_picker.h"

#include "engine/base/date_format.h"
#include "engine/base/date_input.h"
#include "gui/i18n.h"

#include <imgui.h>

#include <cstdio>

namespace rapport::gui {
namespace {

// Where the picker opens: what the field says when it reads as a date, else
// the next full hour.
LocalDateTime opening_value(const std::string& text, std::string_view language) {
    const LocalDateTime now = now_local();
    try {
        const auto lang = language_from_code(language).value_or(Language::english);
        return parse_date_time_input(text, lang, now, "at");
    } catch (const std::exception&) {
        LocalDateTime next = local_from_utc(now.utc_seconds() + (60 - now.minute) * 60);
        return next;
    }
}

void draw_month_header(DatePickerModel& picker, std::string_view language) {
    if (ImGui::ArrowButton("##previous", ImGuiDir_Left)) picker.previous_month();
    ImGui::SameLine();
    const std::string title = format_month_title(picker.year(), picker.month(), language);
    ImGui::TextUnformatted(title.c_str());
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) picker.next_month();
}

void draw_month_grid(DatePickerModel& picker, std::string_view language) {
    const CalendarWeek week = calendar_week(language);
    const float cell = 2.2f * ImGui::GetFontSize();
    if (!ImGui::BeginTable("##days", 7, ImGuiTableFlags_SizingFixedFit)) return;
    for (int i = 0; i < 7; ++i) ImGui::TableSetupColumn(week.day_names[i].c_str(), 0, cell);
    ImGui::TableHeadersRow();
    for (const auto& days : month_weeks(picker.year(), picker.month(), week.first_weekday)) {
        ImGui::TableNextRow();
        for (int day : days) {
            ImGui::TableNextColumn();
            if (day == 0) continue;
            char label[8];
            std::snprintf(label, sizeof label, "%d", day);
            const bool picked = day == picker.picked_day_shown();
            if (picked) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
            if (ImGui::Button(label, ImVec2(cell, 0))) picker.pick_day(day);
            if (picked) ImGui::PopStyleColor();
        }
    }
    ImGui::EndTable();
}

void draw_time(DatePickerModel& picker) {
    const float field = 5.5f * ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(_("Time"));
    ImGui::SameLine();
    int hour = picker.hour(), minute = picker.minute();
    ImGui::SetNextItemWidth(field);
    if (ImGui::InputInt("##hour", &hour, 1, 1)) picker.set_hour(hour);
    ImGui::SameLine();
    ImGui::TextUnformatted(":");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field);
    if (ImGui::InputInt("##minute", &minute, 5, 15)) picker.set_minute(minute);
}

}  // namespace

bool date_picker_button(const char* id, std::string& text, DatePickerModel& picker,
                        std::string_view language) {
    ImGui::PushID(id);
    if (ImGui::Button(_("Calendar…"))) {
        picker.open_at(opening_value(text, language));
        ImGui::OpenPopup("##calendar");
    }
    bool picked = false;
    if (ImGui::BeginPopup("##calendar")) {
        draw_month_header(picker, language);
        draw_month_grid(picker, language);
        draw_time(picker);
        ImGui::Spacing();
        if (ImGui::Button(_("Use this date"))) {
            text = picker.text();
            picked = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        ImGui::TextDisabled("%s", picker.text().c_str());
        ImGui::EndPopup();
    }
    ImGui::PopID();
    return picked;
}

}  // namespace rapport::gui
