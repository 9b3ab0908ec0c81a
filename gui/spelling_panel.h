// Spelling in the app's text fields. A spell-checked field underlines the
// issues of SpellCheckModel in the wrapping editor; hovering an underlined
// word shows its reason; a right click opens its suggestions and "Add to my
// words";
// F7 (while the field has the keyboard) takes the first suggestion. Fields
// for text that is sent (the thank-you note, your own questions) also list
// their issues under them, with the same buttons.
#pragma once

#include "gui/models/spell_check_model.h"
#include "gui/wrapped_editor.h"

#include <optional>
#include <string>

namespace rapport::gui {

// Draws the issues of the text last given to spell.update(), at most
// max_rows issues tall (it scrolls beyond). Returns true when a suggestion
// replaced part of text (text is then the new one).
// About how tall spelling_issue_list() will be (to size the field above it).
float spelling_issue_list_height(const SpellCheckModel& spell, int max_rows = 2);

// F7 is taken when field_active (the field above has the keyboard) or when
// no field has it.
bool spelling_issue_list(const char* id, SpellCheckModel& spell, std::string& text, int max_rows = 2,
                         bool field_active = false);

// The wrapping editor with spell's issues underlined (none until the
// dictionary is loaded), a tooltip with the reason over an underlined word,
// the right-click menu and F7; with list_rows > 0 the issue list under it.
// Returns true when the text changed (typed or replaced); *field_active (if
// given) says whether the field has the keyboard: ImGui's last item after
// this call may be the menu or a message, not the field.
bool spell_checked_editor(const char* id, std::string& text, SpellCheckModel& spell,
                          WrappedEditorOptions options, int list_rows = 0, bool* field_active = nullptr);

// Draws a single-line ImGui::InputText's issues as wavy underlines; call it
// right after the field (it reads the last item's rectangle and scroll).
void underline_last_input(const std::string& text, const SpellCheckModel& spell);

// One spell-checked field of a screen that owns no SpellCheckModel itself:
// the model is made at the first draw (the dictionary starts loading then),
// and the user's words and English spelling are read again each time the
// screen comes back (contacts or the profile may have changed meanwhile).
class SpellCheckedField {
public:
    // language: the text's ("en", "fr"), or "" for the profile's.
    bool draw(const char* id, std::string& text, Database* db, const std::string& language,
              const WrappedEditorOptions& options);
    // Loading or looking for suggestions: the screen keeps redrawing.
    bool working() const { return spell_ && spell_->working(); }
    // The field had the keyboard at its last draw (for Enter meaning a new
    // line there and "save" elsewhere).
    bool active() const { return active_; }

private:
    std::optional<SpellCheckModel> spell_;
    int last_frame_ = -2;
    bool active_ = false;
};

}  // namespace rapport::gui
