// The Prepare screen's state and actions, without ImGui, so tests drive it.
//
// What it holds: the banks (loaded once from bank_dirs(banks_dir): the
// shipped folder, then the user's), the avoid rules of each language, the
// preparation checklists, and one ad hoc preparation — language, industry and
// goal tags, meeting length, optional contact/company/role — with the sheet
// built from it by the engine (tailor.h) and the user's changes to it.
//
// Choices (the contract tests check):
//   - Bank questions the avoid check rates `avoid` never reach the sheet: the
//     request's filter runs the AvoidChecker of the sheet's language, with the
//     user's rule choices from the settings table.
//   - Order: the sheet stays grouped by stage; "move up/down" moves a question
//     within its stage. After any regeneration, questions that were already on
//     the sheet keep the relative order they had (the user's order); questions
//     new to the sheet take the place the engine gives them. Concretely, every
//     question ever shown has a rank; within a stage the engine's list (then
//     your own questions) is walked, the slots held by ranked questions are
//     refilled with them by rank, and each new question gets a rank between
//     its neighbours. A question that leaves the sheet and comes back (a goal
//     switched off and on) returns to where you had put it.
//   - Remove excludes a bank question (restore_removed() brings them all back);
//     pin keeps it whatever happens; swap excludes the old question and pins
//     the chosen one in the old one's place. Swap has to pin: unpinned, the
//     engine would put its own next-best question there, not the one chosen.
//     last_swapped() names it until the sheet changes again, so the screen can say
//     that it is pinned and how to let the sheet choose again (Unpin).
//   - Swap options: the next-best questions of the same stage that serve the
//     chosen tags, are not on the sheet, were not removed and pass the avoid
//     check — in the engine's own ranking (each is what the engine would pick
//     next for that stage).
//   - Your own questions: checked as you type (verdict, reason, a better
//     question; use_suggestion() puts it in the draft). `caution` never
//     blocks; an `avoid` question is added only when the user confirms
//     (add_draft(true)). They become SheetItems "custom-N" with why
//     ["added by you"]; their minutes come on top of the engine's choice, and
//     over_budget() says when the plan no longer fits.
//   - Export: Markdown, printable HTML or text (sheet_export.h), to a file the
//     user names (mode 0600, written whole then renamed). An existing file is
//     replaced only after confirmation, and never when it cannot be read.
//   - Every engine error becomes a message (error(), export_status()), never an
//     exception out of an action.
//   - With a database, the preparation (tags, length, details, pins, removals,
//     order, own questions, draft, checklist ticks, export file) is kept in the
//     settings table under "prepare.session"; the screen calls save_session()
//     about a second after the last change and on close.
#pragma once

#include "engine/questions/avoid.h"
#include "engine/questions/bank.h"
#include "engine/records/database.h"
#include "engine/records/meetings.h"
#include "engine/questions/preparation.h"
#include "engine/questions/tailor.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::gui {

enum class TagKind { industry, goal };
enum class ExportFormat { markdown, html, text };

std::string_view export_extension(ExportFormat format);  // ".md", ".html", ".txt"

// One reason the avoid check gave for a typed question.
struct DraftFlag {
    Severity severity = Severity::caution;
    std::string category;
    std::string reason;
    std::string suggestion;  // a better question to ask instead
};

struct DraftCheck {
    Verdict verdict = Verdict::ok;
    std::vector<DraftFlag> flags;  // avoid flags first, then in the check's order
};

struct CustomQuestion {
    std::string id;  // "custom-N"
    std::string text;
    Stage stage = Stage::insights;
    int minutes = 2;
};

struct SwapOption {
    std::string id;
    std::string text;  // as it would be printed
    int minutes = 1;
};

enum class AddOutcome { added, empty, needs_confirmation };
enum class SaveOutcome { saved, needs_confirmation, failed };

inline constexpr std::string_view kSessionSetting = "prepare.session";
inline constexpr int kDefaultCustomMinutes = 2;

class PrepareModel {
public:
    // Loads the banks, rules and checklists. db may be null: then no rule
    // choices apply and nothing is kept between runs. Never throws for bad
    // data: problems are listed in load_problems().
    PrepareModel(const std::filesystem::path& banks_dir, Database* db);
    ~PrepareModel();
    PrepareModel(const PrepareModel&) = delete;
    PrepareModel& operator=(const PrepareModel&) = delete;

    // ---- messages -------------------------------------------------------
    // Files that were skipped or could not be read (bank, rules, checklist).
    const std::vector<std::string>& load_problems() const { return load_problems_; }
    // Why the sheet could not be built as asked, or why the last preparation
    // could not be restored; empty when all went well.
    const std::string& error() const { return error_; }

    // ---- the meeting ----------------------------------------------------
    std::vector<std::string> languages() const;
    const std::string& lang() const { return lang_; }
    // Keeps the tags the other language also has; pins and removals belong
    // to one language's questions and are dropped.
    void set_lang(const std::string& lang);
    const TagSet* tags() const;  // null when the language has no tags

    // Tags whose label (or id) contains query, ignoring case and accents,
    // those starting with it first; every tag for an empty query.
    std::vector<const Tag*> search_tags(TagKind kind, std::string_view query) const;
    const std::vector<std::string>& selected(TagKind kind) const;
    bool is_selected(TagKind kind, const std::string& id) const;
    void toggle_tag(TagKind kind, const std::string& id);
    std::string tag_label(TagKind kind, const std::string& id) const;

    int minutes() const { return minutes_; }
    void set_minutes(int minutes);  // clamped to the engine's 5..240
    const std::string& contact() const { return contact_; }
    const std::string& company() const { return company_; }
    const std::string& role() const { return role_; }
    void set_contact(std::string value);
    void set_company(std::string value);
    void set_role(std::string value);

    // ---- the sheet ------------------------------------------------------
    // False until an industry and a goal are chosen, or when the engine
    // refused the request (see error()).
    bool has_sheet() const { return has_sheet_; }
    // In display order, grouped by stage, your own questions included.
    const Sheet& sheet() const { return sheet_; }
    bool over_budget() const { return sheet_.total_minutes > sheet_.budget_minutes; }

    bool is_custom(const std::string& id) const;
    bool is_pinned(const std::string& id) const { return pinned_.count(id) > 0; }
    void toggle_pin(const std::string& id);
    void remove(const std::string& id);
    size_t removed_count() const { return excluded_.size(); }
    void restore_removed();
    bool can_move(const std::string& id, int direction) const;  // -1 up, +1 down
    bool move(const std::string& id, int direction);            // within its stage
    std::vector<SwapOption> swap_options(const std::string& id, size_t limit = 6);
    void swap(const std::string& old_id, const std::string& new_id);
    // The question the last action swapped in (and pinned); empty once the
    // sheet is rebuilt for anything else.
    const std::string& last_swapped() const { return last_swapped_; }

    // ---- your own question ---------------------------------------------
    const std::string& draft() const { return draft_; }
    void set_draft(std::string text);  // re-checks it
    const DraftCheck& draft_check() const { return draft_check_; }
    Stage draft_stage() const { return draft_stage_; }
    void set_draft_stage(Stage stage);
    int draft_minutes() const { return draft_minutes_; }
    void set_draft_minutes(int minutes);  // 1..15, like bank questions
    void use_suggestion(size_t flag_index = 0);
    // An `avoid` draft is added only with confirm_avoid; empty text never.
    AddOutcome add_draft(bool confirm_avoid = false);
    const std::vector<CustomQuestion>& custom_questions() const { return custom_; }

    // ---- preparation checklist ------------------------------------------
    const std::vector<PreparationItem>& checklist() const;
    bool is_ticked(const std::string& item_id) const { return ticked_.count(item_id) > 0; }
    void set_ticked(const std::string& item_id, bool ticked);

    // ---- export ---------------------------------------------------------
    std::string export_text(ExportFormat format) const;
    // What Copy puts on the clipboard for the chosen format: the format itself,
    // except printable HTML, which pastes as markup into an email or a note;
    // the clipboard gets the plain text then.
    static ExportFormat clipboard_format(ExportFormat chosen);
    std::string clipboard_text(ExportFormat chosen) const { return export_text(clipboard_format(chosen)); }
    const std::string& export_path() const { return export_path_; }
    void set_export_path(std::string path);
    // Gives export_path the format's extension when it has one of ours.
    void match_export_extension(ExportFormat format);
    // Writes the sheet to export_path ("~/" means the home folder).
    SaveOutcome save_export(ExportFormat format, bool overwrite_confirmed = false);
    const std::string& export_status() const { return export_status_; }

    // ---- keeping the sheet with a meeting ---------------------------------
    // Planned meetings, in time order: the ones a sheet can be kept with.
    // Empty without a database.
    // Read again only when the database changed (the screen asks every frame).
    const std::vector<Meeting>& planned_meetings() const;
    // Stores the sheet as shown (your order, your own questions) as the
    // meeting's question sheet, replacing an earlier one, so the live meeting
    // screen can tick it off. False (message in meeting_status()) on failure.
    bool keep_with_meeting(std::int64_t meeting_id);
    const std::string& meeting_status() const { return meeting_status_; }
    // The sheet is for this meeting: its contact (first name in spoken lines),
    // company, role and promised length fill the request, so the sheet and the
    // meeting it is kept with agree.
    void follow_meeting(std::int64_t meeting_id);

    // ---- the profile ----------------------------------------------------
    // A preparation with nothing kept yet starts from the profile: its
    // language for sheets, usual meeting length and goals (those that are
    // tags). Afterwards the user's choices here win, except that a change of
    // the profile's language switches the sheet's at once (call this when
    // the Profile screen saved).
    void profile_changed();

    // ---- keeping the preparation ----------------------------------------
    // Counts every change; the screen debounces saving on it.
    unsigned revision() const { return revision_; }
    bool save_pending() const { return db_ && revision_ != saved_revision_; }
    // Stores the preparation; an engine error becomes error().
    void save_session();

private:
    struct LanguageData;

    void load(const std::filesystem::path& banks_dir);
    bool restore_session();  // false: nothing was kept (a fresh start)
    void start_from_profile();
    LanguageData* language_data();
    std::vector<std::string>& selected_mut(TagKind kind);
    void changed();          // bump the revision
    void rebuild();          // the sheet from the current choices
    SheetRequest request() const;
    QuestionFilter avoid_filter();
    void add_custom_items();
    void apply_order();
    void order_stage(size_t begin, size_t end);
    void renumber_ranks();
    std::vector<std::string> ranked_ids() const;
    void recheck_draft();

    std::vector<std::filesystem::path> dirs_;
    Database* db_ = nullptr;
    mutable std::vector<Meeting> planned_;
    mutable std::optional<std::uint64_t> planned_stamp_;
    Banks banks_;
    PreparationLoad preparation_;
    std::map<std::string, std::unique_ptr<LanguageData>> languages_;
    std::vector<std::string> load_problems_;
    std::string error_;

    std::string lang_ = "en";
    std::vector<std::string> industries_, goals_;
    int minutes_ = kDefaultMeetingMinutes;
    std::string contact_, company_, role_;
    std::set<std::string> pinned_, excluded_;
    // The user's order: every question ever shown, by rank (smaller first).
    std::map<std::string, double> rank_;
    std::vector<CustomQuestion> custom_;
    int next_custom_ = 1;

    bool has_sheet_ = false;
    Sheet sheet_;
    std::map<std::string, std::vector<SwapOption>> swap_cache_;
    std::string last_swapped_;

    std::string draft_;
    Stage draft_stage_ = Stage::insights;
    int draft_minutes_ = kDefaultCustomMinutes;
    DraftCheck draft_check_;

    std::set<std::string> ticked_;
    std::string meeting_status_;
    std::string export_path_;
    std::string export_status_;

    unsigned revision_ = 0, saved_revision_ = 0;
};

}  // namespace rapport::gui
