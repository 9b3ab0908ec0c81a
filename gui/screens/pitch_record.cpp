#include "gui/screens/pitch_record.h"

#include "engine/base/error.h"
#include "engine/base/local_time.h"
#include "gui/i18n.h"
#include "gui/widgets.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rapport::gui {
namespace {

using State = RecordingModel::State;

// The microphone level, -60..0 dBFS, so a silent microphone is obvious.
void level_meter(const RecorderStatus& status) {
    const float fraction = std::clamp((status.level_db + 60.0f) / 60.0f, 0.0f, 1.0f);
    ImGui::ProgressBar(fraction, ImVec2(-1, 0), fraction < 0.05f ? _("no sound") : "");
}

// Peaks of the take, with the pauses shaded.
void waveform(const RecordingModel& m) {
    const auto& peaks = m.waveform();
    if (peaks.empty() || m.take_seconds() <= 0) return;
    const ImVec2 size(ImGui::GetContentRegionAvail().x, 4 * ImGui::GetFontSize());
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##waveform", size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), ImGui::GetColorU32(ImGuiCol_FrameBg));
    const float x_per_second = size.x / static_cast<float>(m.take_seconds());
    if (m.report())
        for (const Pause& p : m.report()->pauses)
            draw->AddRectFilled(ImVec2(at.x + float(p.start) * x_per_second, at.y),
                                ImVec2(at.x + float(p.end) * x_per_second, at.y + size.y), IM_COL32(230, 160, 40, 90));
    const float mid = at.y + size.y / 2;
    const ImU32 color = ImGui::GetColorU32(ImGuiCol_PlotLines);
    for (std::size_t i = 0; i < peaks.size(); ++i) {
        const float x = at.x + size.x * float(i) / float(peaks.size());
        const float h = std::min(1.0f, peaks[i] * 2) * size.y / 2;
        draw->AddLine(ImVec2(x, mid - h), ImVec2(x, mid + h), color);
    }
    if (m.logged_attempt() && m.playing_attempt() == m.logged_attempt()) {
        const float x = at.x + float(m.play_position()) * x_per_second;
        draw->AddLine(ImVec2(x, at.y), ImVec2(x, at.y + size.y), ImGui::GetColorU32(ImGuiCol_Text), 2.0f);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", _("Shaded: pauses of half a second or more"));
}

std::string minutes_seconds(double seconds) {
    const int s = static_cast<int>(seconds);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60);
    return buf;
}

// "2026-11-29 23:07, 0:11 spoken": when, on the user's clock, and how long.
std::string take_label(const PitchAttempt& a) {
    std::string when = a.at;
    try {
        when = local_from_utc(parse_stored_date_time(a.at, "at").utc_seconds()).wall_clock();
    } catch (const Error&) {
    }  // an odd stored time is shown as stored
    char buf[128];
    std::snprintf(buf, sizeof buf, _("%s, %s spoken"), when.c_str(), minutes_seconds(a.seconds).c_str());
    return buf;
}

void report_view(const SpokenReport& r) {
    if (r.target_seconds)
        ImGui::Text(_("Spoke for %s s (target %.0f s, %s s)"), decimal(r.speaking_seconds, 1).c_str(),
                    *r.target_seconds, decimal(r.speaking_seconds - *r.target_seconds, 1, true).c_str());
    else
        ImGui::TextWrapped(_("Spoke for %s s (no target; most pitches run 30 s to 2 min)"),
                    decimal(r.speaking_seconds, 1).c_str());
    const bool estimated = r.wpm_source != "script";
    std::string pace =
        r.usual_wpm ? format(estimated ? _("%.0f words a minute (estimated from syllables), your usual %.0f")
                                       : _("%.0f words a minute, your usual %.0f"),
                             r.wpm, *r.usual_wpm)
                    : format(estimated ? _("%.0f words a minute (estimated from syllables)")
                                       : _("%.0f words a minute"),
                             r.wpm);
    ImGui::TextUnformatted(pace.c_str());
    ImGui::Text(_("%zu pauses of 0.5 s or more, %d long"), r.pauses.size(), r.long_pauses());
    if (r.recognized) {
        ImGui::Text(_("%zu fillers (%s a minute)"), r.fillers.size(), decimal(r.fillers_per_minute, 1).c_str());
        for (const SpokenSentence& s : r.sentences)
            if (!s.said) {
                ImGui::PushTextWrapPos();
                ImGui::TextDisabled(_("Skipped: %s"), s.text.c_str());
                ImGui::PopTextWrapPos();
            }
    }
    ImGui::PushTextWrapPos();
    for (std::size_t i = 0; i < r.suggestions.size(); ++i) ImGui::Text("%zu. %s", i + 1, r.suggestions[i].c_str());
    for (const std::string& limit : r.limits) ImGui::TextDisabled("%s", limit.c_str());
    ImGui::PopTextWrapPos();
}

// Pace and fillers over the script's spoken attempts, oldest first.
void spoken_history(const PitchModel& pitch) {
    std::vector<float> pace, fillers;
    for (const PitchAttempt& a : pitch.attempts()) {
        if (a.spoken_wpm) pace.push_back(static_cast<float>(*a.spoken_wpm));
        if (a.fillers_per_minute) fillers.push_back(static_cast<float>(*a.fillers_per_minute));
    }
    if (pace.empty()) return;
    const std::string label = format(_("Pace, last %.0f wpm"), static_cast<double>(pace.back()));
    ImGui::PlotLines("##pace", pace.data(), static_cast<int>(pace.size()), 0, label.c_str(), 60, 240,
                     ImVec2(ImGui::GetContentRegionAvail().x * 0.5f, 3 * ImGui::GetFontSize()));
    if (fillers.empty()) return;
    ImGui::SameLine();
    const std::string fillers_label = format(_("Fillers, last %s/min"), decimal(fillers.back(), 1).c_str());
    ImGui::PlotLines("##fillers", fillers.data(), static_cast<int>(fillers.size()), 0, fillers_label.c_str(), 0,
                     10, ImVec2(-1, 3 * ImGui::GetFontSize()));
}

}  // namespace

bool RecordPanel::busy() const {
    return model_ && (model_->state() == State::recording || model_->state() == State::analysing ||
                      model_->playing_attempt());
}

void RecordPanel::file_row(RecordingModel& m, const TakeSetup& setup) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(_("Recording (WAV, FLAC or OGG):"));
    const char* analyse = _("Analyse");
    same_line_if_fits(12 * ImGui::GetFontSize());
    ImGui::SetNextItemWidth(field_width_before(button_width(analyse), 12 * ImGui::GetFontSize()));
    const bool entered = hinted_input("##recording-file", _("for example ~/pitch.wav"), &typed_path_,
                                      ImGuiInputTextFlags_EnterReturnsTrue);
    same_line_for_button(analyse);
    if ((ImGui::Button(analyse) || entered) && m.analyse_file(typed_path_, setup)) show_file_ = false;
}

void RecordPanel::playback_row(RecordingModel& m, const PitchModel& pitch) {
    const auto& attempts = pitch.attempts();
    const std::pair<std::size_t, std::int64_t> history{attempts.size(), attempts.empty() ? -1 : attempts.back().id};
    if (history != kept_for_) {
        kept_ = m.kept_takes(attempts);
        kept_for_ = history;
        if (!kept_.empty()) chosen_take_ = kept_.front().id;
    }
    if (kept_.empty()) return;
    if (const auto playing = m.playing_attempt()) {
        if (ImGui::Button(_("Stop playing"))) m.stop_playing();
        ImGui::SameLine();
        char buf[64];
        std::snprintf(buf, sizeof buf, _("Playing: %s of %s"), minutes_seconds(m.play_position()).c_str(),
                      minutes_seconds(m.play_seconds()).c_str());
        ImGui::ProgressBar(static_cast<float>(m.play_position() / std::max(0.01, m.play_seconds())), ImVec2(-1, 0),
                           buf);
        return;
    }
    const auto chosen = std::find_if(kept_.begin(), kept_.end(), [&](const PitchAttempt& a) { return a.id == chosen_take_; });
    const char* play = _("Play");
    ImGui::SetNextItemWidth(field_width_before(button_width(play), 12 * ImGui::GetFontSize()));
    if (begin_combo_fitted("##kept-take", chosen != kept_.end() ? take_label(*chosen) : std::string())) {
        for (const PitchAttempt& a : kept_)
            if (ImGui::Selectable(take_label(a).c_str(), a.id == chosen_take_)) chosen_take_ = a.id;
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", _("Your kept recordings of this pitch, newest first"));
    same_line_for_button(play);
    if (ImGui::Button(play)) m.play(chosen_take_);
}

void RecordPanel::draw(AppContext& ctx, PitchModel& pitch) {
    if (!model_) model_.emplace(ctx.db);
    RecordingModel& m = *model_;
    if (m.tick()) pitch.refresh_history();

    ImGui::Separator();
    ImGui::TextUnformatted(_("Record and get a report"));
    const std::optional<double> target =
        pitch.has_target() ? std::optional(pitch.target_seconds()) : std::nullopt;
    TakeSetup setup{pitch.text(), pitch.language(), target, pitch.script_id()};
    if (m.state() == State::recording) {
        const RecorderStatus status = m.recorder_status();
        if (ImGui::Button(_("Stop"))) m.stop();
        ImGui::SameLine();
        if (status.heard_voice) ImGui::Text("%s s", decimal(status.clock, 1).c_str());
        else ImGui::TextDisabled(_("Start speaking: the clock starts at your first word"));
        level_meter(status);
    } else if (m.state() == State::analysing) {
        ImGui::TextDisabled(_("Listening back to your take…"));
    } else {
        if (ImGui::Button(_("Record"))) m.start(setup);
        ImGui::SameLine();
        bool keep = m.keep_recordings();
        if (ImGui::Checkbox(_("Keep recordings"), &keep)) m.set_keep_recordings(keep);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", _("Off: the audio is analysed and forgotten. On: kept in your data folder, "
                                      "readable only by you, deleted with the attempt."));
        const char* from_file = _("Analyse a file…");
        same_line_for_button(from_file);
        if (ImGui::Button(from_file)) show_file_ = !show_file_;
        if (show_file_) file_row(m, setup);
    }
    if (!m.error().empty()) error_text(m.error());
    if (m.state() == State::done || m.state() == State::analysing) waveform(m);
    if (m.state() == State::done && m.report()) report_view(*m.report());
    if (m.state() != State::recording) playback_row(m, pitch);
    spoken_history(pitch);
}

}  // namespace rapport::gui
