// Profile & settings: who the user is (for the thank-you and outreach drafts
// and the pitch advice) and how the app works for them (language, default
// meeting length, usual speaking rate).
//
// All state and actions live in ProfileModel (gui/models/profile_model.h);
// this file only draws it and forwards input. After each save it bumps the
// AppContext's profile revision so other screens follow at once.
#include "engine/base/paths.h"
#include "gui/i18n.h"
#include "gui/models/profile_model.h"
#include "gui/screens/all_screens.h"
#include "gui/widgets.h"
#include "gui/i18n.h"

#include <chrono>
#include <optional>
#include <string>

namespace rapport::gui {
namespace {

class ProfileScreen : public Screen {
public:
    const char* id() const override { return "profile"; }
    const char* name() const override { return _("Profile"); }

    void draw(AppContext& ctx) override {
        if (!model_) model_.emplace(ctx.db, shipped_banks_dir());
        ProfileModel& m = *model_;
        m.tick();

        heading(*ctx.fonts, _("Profile & settings"));
        if (!ctx.db) {
            colored_text(kErrorColor, _("Without the database the profile cannot be kept."));
            return;
        }
        if (!m.error().empty()) colored_text(kErrorColor, m.error());
        hint(_("Your drafts are signed with your name and say what you are exploring; the pitch "
             "coach suggests from your field and goals. Everything is saved as you type."));
        ImGui::Spacing();

        draw_text_field(m, _("Your name"), ProfileModel::TextField::name, m.profile().name, _("Sam Ng"));
        draw_text_field(m, _("Field you explore"), ProfileModel::TextField::field, m.profile().field,
                        _("urban planning, UX design…"));
        draw_text_field(m, _("About you"), ProfileModel::TextField::background,
                        m.profile().background, _("one sentence: studies, experience"));
        draw_text_field(m, _("Email"), ProfileModel::TextField::email, m.profile().email, "");
        draw_text_field(m, _("Phone"), ProfileModel::TextField::phone, m.profile().phone, "");
        ImGui::Spacing();
        draw_language(m);
        draw_numbers(m);
        ImGui::Spacing();
        draw_goals(m);

        if (m.revision() != seen_revision_) {
            seen_revision_ = m.revision();
            ++ctx.profile_revision;
        }
    }

    bool animating() const override { return model_ && model_->save_pending(); }
    double seconds_until_change() const override {
        return std::chrono::duration<double>(model_->wait()).count();
    }
    void flush(AppContext& ctx) override {
        if (!model_) return;
        model_->flush();
        if (model_->revision() != seen_revision_) ++ctx.profile_revision;
    }

private:
    static void draw_text_field(ProfileModel& m, const char* label, ProfileModel::TextField field,
                                std::string value, const char* placeholder) {
        if (form_text(label, value, placeholder)) m.set_text(field, value);
    }

    static void draw_language(ProfileModel& m) {
        form_label(_("Language"));
        ImGui::BeginGroup();
        const std::string current = m.profile().language;
        if (ImGui::RadioButton("English", current == "en")) m.set_language("en");
        ImGui::SameLine();
        if (ImGui::RadioButton("Français", current == "fr")) m.set_language("fr");
        ImGui::EndGroup();
        field_message(m.field_message("language"));
        hint(_("The language of the interface, question sheets, the debrief checklist and drafts."));
        draw_english_spelling(m);
    }

    // Which English dictionary the spelling check uses (French text is checked in French).
    static void draw_english_spelling(ProfileModel& m) {
        form_label(_("English spelling"));
        ImGui::BeginGroup();
        const std::string current = m.profile().english_spelling;
        const std::pair<const char*, const char*> choices[] = {
            {"en", N_("US")}, {"en-ca", N_("Canada")}, {"en-gb", N_("UK")}};
        for (std::size_t i = 0; i < std::size(choices); ++i) {
            if (i > 0) ImGui::SameLine();
            const auto& [code, label] = choices[i];
            if (ImGui::RadioButton(_(label), current == code)) m.set_english_spelling(code);
        }
        ImGui::EndGroup();
        field_message(m.field_message("english_spelling"));
        hint(_("How the spelling check reads what you write in English: color or colour."));
    }

    static void draw_numbers(ProfileModel& m) {
        form_label(_("Meeting length"), 9.0f, 8.0f);
        int minutes = m.profile().default_minutes;
        if (ImGui::InputInt("##minutes", &minutes, 5, 10) && minutes != m.profile().default_minutes)
            m.set_default_minutes(minutes);
        field_message(m.field_message("default_minutes"));
        form_label(_("Speaking rate"), 9.0f, 8.0f);
        int wpm = m.profile().speaking_wpm;
        if (ImGui::InputInt("##wpm", &wpm, 5, 10) && wpm != m.profile().speaking_wpm)
            m.set_speaking_wpm(wpm);
        field_message(m.field_message("speaking_wpm"));
        hint(_("Minutes new meetings start from; words per minute you usually speak (0: not set, "
             "the pitch estimate then assumes 140)."));
    }

    static void draw_goals(ProfileModel& m) {
        ImGui::TextUnformatted(_("What you hope to get from your meetings"));
        std::optional<std::string> toggled;  // applied after the loop: it changes the list
        for (const GoalChoice& goal : m.goal_choices()) {
            bool chosen = goal.chosen;
            if (ImGui::Checkbox(goal.label.c_str(), &chosen)) toggled = goal.id;
        }
        if (toggled) m.toggle_goal(*toggled);
        field_message(m.field_message("goals"));
    }

    std::optional<ProfileModel> model_;
    int seen_revision_ = 0;
};

}  // namespace

std::unique_ptr<Screen> make_profile_screen() { return std::make_unique<ProfileScreen>(); }

}  // namespace rapport::gui
