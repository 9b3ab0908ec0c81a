#include "gui/models/prepare_model.h"

#include "engine/base/private_file.h"
#include "gui/models/guarded.h"

#include "engine/base/error.h"
#include "engine/records/contacts.h"
#include "engine/records/profile.h"
#include "engine/records/settings.h"
#include "engine/questions/sheet_export.h"
#include "engine/base/text.h"
#include "gui/i18n.h"

#include <nlohmann/json.hpp>


#include <algorithm>
#include <cstdlib>
#include <optional>

namespace rapport::gui {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::string_view export_extension(ExportFormat format) {
    switch (format) {
        case ExportFormat::html: return ".html";
        case ExportFormat::text: return ".txt";
        case ExportFormat::markdown: break;
    }
    return ".md";
}

// What the model keeps per language: the avoid checker (absent when the
// rules could not be loaded).
struct PrepareModel::LanguageData {
    std::optional<AvoidChecker> checker;
};

namespace {

const std::vector<Tag>& tags_of(const TagSet& set, TagKind kind) {
    return kind == TagKind::industry ? set.industries : set.goals;
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

// "~/x" -> "$HOME/x"; other paths as typed.
fs::path expand_home(const std::string& typed) {
    const char* home = std::getenv("HOME");
    if (home && (typed == "~" || typed.rfind("~/", 0) == 0)) return fs::path(home) / typed.substr(typed.size() > 1 ? 2 : 1);
    return fs::path(typed);
}

}  // namespace

// ===========================================================================
// Loading
// ===========================================================================

PrepareModel::PrepareModel(const fs::path& banks_dir, Database* db) : db_(db) {
    load(banks_dir);
    if (!restore_session()) start_from_profile();
    if (export_path_.empty()) export_path_ = "~/rapport-questions.md";
    rebuild();
    recheck_draft();
    saved_revision_ = revision_;
}

PrepareModel::~PrepareModel() = default;

void PrepareModel::load(const fs::path& banks_dir) {
    dirs_ = bank_dirs(banks_dir);
    BankLoad loaded = load_banks(dirs_);
    banks_ = std::move(loaded.banks);
    for (const auto& p : loaded.problems) load_problems_.push_back(p.to_string());
    preparation_ = load_preparation(dirs_);
    for (const auto& p : preparation_.problems) load_problems_.push_back(p.to_string());

    RuleChoices choices;
    if (db_) {
        try {
            choices = load_rule_choices(*db_);
        } catch (const Error& e) {
            load_problems_.push_back(format(_("Your avoid-rule choices were ignored: %s"), e.what()));
        }
    }
    for (const auto& [code, set] : banks_.tags) {
        auto data = std::make_unique<LanguageData>();
        if (auto language = language_from_code(code)) {
            try {
                data->checker.emplace(load_avoid_rules(banks_dir, *language), choices);
            } catch (const Error& e) {
                load_problems_.push_back(
                    format(_("%s — questions in this language are not checked"), e.what()));
            }
        }
        languages_[code] = std::move(data);
    }
    if (banks_.tags.empty()) {
        std::string where;
        for (const auto& dir : dirs_) where += (where.empty() ? "" : ", ") + dir.string();
        load_problems_.push_back(format(_("No question banks were found (looked in %s)."), where.c_str()));
    } else if (!banks_.tags.count(lang_)) {
        lang_ = banks_.tags.begin()->first;
    }
}

PrepareModel::LanguageData* PrepareModel::language_data() {
    auto it = languages_.find(lang_);
    return it == languages_.end() ? nullptr : it->second.get();
}

void PrepareModel::changed() {
    ++revision_;
    swap_cache_.clear();
}

// ===========================================================================
// The meeting
// ===========================================================================

std::vector<std::string> PrepareModel::languages() const { return banks_.languages(); }

const TagSet* PrepareModel::tags() const {
    auto it = banks_.tags.find(lang_);
    return it == banks_.tags.end() ? nullptr : &it->second;
}

void PrepareModel::set_lang(const std::string& lang) {
    if (lang == lang_ || !banks_.tags.count(lang)) return;
    lang_ = lang;
    const TagSet& set = banks_.tags.at(lang_);
    std::erase_if(industries_, [&](const auto& id) { return !set.find_industry(id); });
    std::erase_if(goals_, [&](const auto& id) { return !set.find_goal(id); });
    pinned_.clear();
    excluded_.clear();
    changed();
    rebuild();
    recheck_draft();
}

std::vector<const Tag*> PrepareModel::search_tags(TagKind kind, std::string_view query) const {
    const TagSet* set = tags();
    if (!set) return {};
    return rapport::search_tags(tags_of(*set, kind), query);  // labels, ids and keywords
}

std::vector<std::string>& PrepareModel::selected_mut(TagKind kind) {
    return kind == TagKind::industry ? industries_ : goals_;
}

const std::vector<std::string>& PrepareModel::selected(TagKind kind) const {
    return kind == TagKind::industry ? industries_ : goals_;
}

bool PrepareModel::is_selected(TagKind kind, const std::string& id) const {
    const auto& list = selected(kind);
    return std::find(list.begin(), list.end(), id) != list.end();
}

void PrepareModel::toggle_tag(TagKind kind, const std::string& id) {
    auto& list = selected_mut(kind);
    if (auto it = std::find(list.begin(), list.end(), id); it != list.end())
        list.erase(it);
    else
        list.push_back(id);
    changed();
    rebuild();
}

std::string PrepareModel::tag_label(TagKind kind, const std::string& id) const {
    const TagSet* set = tags();
    const Tag* tag = !set ? nullptr : kind == TagKind::industry ? set->find_industry(id) : set->find_goal(id);
    return tag ? tag->label : id;
}

void PrepareModel::set_minutes(int minutes) {
    minutes = std::clamp(minutes, kMinMeetingMinutes, kMaxMeetingMinutes);
    if (minutes == minutes_) return;
    minutes_ = minutes;
    changed();
    rebuild();
}

void PrepareModel::follow_meeting(std::int64_t meeting_id) {
    if (!db_) return;
    guarded(meeting_status_, [&] {
        const Meeting meeting = get_meeting(*db_, meeting_id);
        const Contact contact = get_contact(*db_, meeting.contact_id);
        contact_ = contact.name;
        company_ = contact.company;
        role_ = contact.role;
        minutes_ = std::clamp(meeting.minutes, kMinMeetingMinutes, kMaxMeetingMinutes);
        changed();
        rebuild();
    });
}

void PrepareModel::set_contact(std::string value) {
    contact_ = std::move(value);
    changed();
    rebuild();
}

void PrepareModel::set_company(std::string value) {
    company_ = std::move(value);
    changed();
    rebuild();
}

void PrepareModel::set_role(std::string value) {
    role_ = std::move(value);
    changed();
    rebuild();
}

// ===========================================================================
// The sheet
// ===========================================================================

QuestionFilter PrepareModel::avoid_filter() {
    LanguageData* data = language_data();
    if (!data || !data->checker) return {};
    AvoidChecker* checker = &*data->checker;
    return [checker](const Question&, const std::string& text) {
        return checker->check(text).verdict != Verdict::avoid;
    };
}

SheetRequest PrepareModel::request() const {
    SheetRequest r;
    r.lang = lang_;
    r.industries = industries_;
    r.goals = goals_;
    r.minutes = minutes_;
    r.contact = trimmed(contact_);
    r.company = trimmed(company_);
    r.role = trimmed(role_);
    r.pinned = pinned_;
    r.excluded = excluded_;
    for (const auto& c : custom_) {
        r.own_minutes += c.minutes;
        ++r.own_questions;
    }
    return r;
}

void PrepareModel::rebuild() {
    last_swapped_.clear();  // the sheet changes again: the swap is no longer the news
    has_sheet_ = false;
    sheet_ = Sheet{};
    error_.clear();
    if (industries_.empty() || goals_.empty()) return;
    SheetRequest r = request();
    r.filter = avoid_filter();
    try {
        sheet_ = build_sheet(banks_, r);
    } catch (const Error& e) {
        error_ = e.what();
        if (pinned_.empty()) return;
        // A pin that no longer fits (it names a company that was cleared):
        // say so and show the sheet without pins rather than no sheet at all.
        pinned_.clear();
        r.pinned.clear();
        error_ = format(_("%s — your pins were cleared"), error_.c_str());
        try {
            sheet_ = build_sheet(banks_, r);
        } catch (const Error& again) {
            error_ = again.what();
            return;
        }
    }
    add_custom_items();
    apply_order();
    has_sheet_ = true;
}

void PrepareModel::add_custom_items() {
    const TagSet* set = tags();
    const std::string why = set ? set->phrase("why_custom", _("added by you")) : _("added by you");
    std::vector<SheetItem> items;
    for (Stage stage : kStages) {
        for (const auto& item : sheet_.items)
            if (item.stage == stage) items.push_back(item);
        for (const auto& c : custom_) {
            if (c.stage != stage) continue;
            items.push_back({c.id, c.text, c.stage, set ? set->stage_label(c.stage) : std::string(stage_id(c.stage)),
                             c.minutes, {why}, 0, {}});
            sheet_.total_minutes += c.minutes;
        }
    }
    // The engine planned around them (request()): the budget shown is the
    // meeting's whole budget again, own questions included.
    for (const auto& c : custom_) sheet_.budget_minutes += c.minutes;
    sheet_.items = std::move(items);
}

// See the header: within a stage, the slots of questions shown before are
// refilled with them in the user's order; new ones keep the engine's place
// and get a rank between their neighbours, so the order survives even for a
// question that leaves the sheet and comes back.
void PrepareModel::apply_order() {
    auto& items = sheet_.items;
    size_t begin = 0;
    while (begin < items.size()) {
        size_t end = begin;
        while (end < items.size() && items[end].stage == items[begin].stage) ++end;
        order_stage(begin, end);
        begin = end;
    }
    renumber_ranks();
}

void PrepareModel::order_stage(size_t begin, size_t end) {
    auto& items = sheet_.items;
    std::vector<size_t> slots;
    std::vector<SheetItem> known;
    for (size_t i = begin; i < end; ++i) {
        if (!rank_.count(items[i].id)) continue;
        slots.push_back(i);
        known.push_back(items[i]);
    }
    std::stable_sort(known.begin(), known.end(), [&](const SheetItem& a, const SheetItem& b) {
        return rank_.at(a.id) < rank_.at(b.id);
    });
    for (size_t k = 0; k < slots.size(); ++k) items[slots[k]] = std::move(known[k]);

    for (size_t i = begin; i < end; ++i) {
        if (rank_.count(items[i].id)) continue;
        std::optional<double> before, after;
        if (i > begin) before = rank_.at(items[i - 1].id);
        for (size_t j = i + 1; j < end && !after; ++j)
            if (auto it = rank_.find(items[j].id); it != rank_.end()) after = it->second;
        rank_[items[i].id] = before && after ? (*before + *after) / 2
                             : before       ? *before + 1
                             : after        ? *after - 1
                                            : 0;
    }
}

// Whole numbers again, same order, so halving never runs out of precision.
void PrepareModel::renumber_ranks() {
    for (size_t i = 0; const auto& id : ranked_ids()) rank_[id] = static_cast<double>(i++);
}

std::vector<std::string> PrepareModel::ranked_ids() const {
    std::vector<std::pair<double, std::string>> all;
    for (const auto& [id, rank] : rank_) all.emplace_back(rank, id);
    std::sort(all.begin(), all.end());
    std::vector<std::string> ids;
    for (auto& [rank, id] : all) ids.push_back(std::move(id));
    return ids;
}

bool PrepareModel::is_custom(const std::string& id) const {
    return std::any_of(custom_.begin(), custom_.end(), [&](const auto& c) { return c.id == id; });
}

void PrepareModel::toggle_pin(const std::string& id) {
    if (is_custom(id)) return;  // your own questions are always kept
    if (!pinned_.erase(id)) pinned_.insert(id);
    changed();
    rebuild();
}

void PrepareModel::remove(const std::string& id) {
    if (is_custom(id)) {
        std::erase_if(custom_, [&](const auto& c) { return c.id == id; });
    } else {
        pinned_.erase(id);
        excluded_.insert(id);
    }
    changed();
    rebuild();
}

void PrepareModel::restore_removed() {
    if (excluded_.empty()) return;
    excluded_.clear();
    changed();
    rebuild();
}

bool PrepareModel::can_move(const std::string& id, int direction) const {
    const auto& items = sheet_.items;
    for (size_t i = 0; i < items.size(); ++i) {
        if (items[i].id != id) continue;
        const long other = static_cast<long>(i) + direction;
        return other >= 0 && other < static_cast<long>(items.size()) &&
               items[static_cast<size_t>(other)].stage == items[i].stage;
    }
    return false;
}

bool PrepareModel::move(const std::string& id, int direction) {
    if (direction == 0 || !can_move(id, direction)) return false;
    auto& items = sheet_.items;
    const auto it = std::find_if(items.begin(), items.end(), [&](const auto& item) { return item.id == id; });
    std::swap(rank_.at(it->id), rank_.at((it + direction)->id));
    std::iter_swap(it, it + direction);
    changed();
    return true;
}

std::vector<SwapOption> PrepareModel::swap_options(const std::string& id, size_t limit) {
    if (auto cached = swap_cache_.find(id); cached != swap_cache_.end()) return cached->second;
    const auto current = std::find_if(sheet_.items.begin(), sheet_.items.end(),
                                      [&](const auto& item) { return item.id == id; });
    if (current == sheet_.items.end() || is_custom(id)) return {};
    const Stage stage = current->stage;

    // Ask the engine what it would pick next for this stage, one at a time:
    // everything on the sheet is excluded and only this stage may be chosen.
    SheetRequest r = request();
    r.minutes = kMaxMeetingMinutes;
    r.pinned.clear();
    for (const auto& item : sheet_.items) r.excluded.insert(item.id);
    QuestionFilter avoid = avoid_filter();
    r.filter = [stage, avoid](const Question& q, const std::string& text) {
        return q.stage == stage && (!avoid || avoid(q, text));
    };
    std::vector<SwapOption> options;
    try {
        while (options.size() < limit) {
            const Sheet next = build_sheet(banks_, r);
            if (next.items.empty()) break;
            const SheetItem& best = next.items.front();
            options.push_back({best.id, best.text, best.minutes});
            r.excluded.insert(best.id);
        }
    } catch (const Error& e) {
        error_ = e.what();
    }
    swap_cache_[id] = options;
    return options;
}

void PrepareModel::swap(const std::string& old_id, const std::string& new_id) {
    if (old_id == new_id || is_custom(old_id) || !banks_.find(new_id)) return;
    pinned_.erase(old_id);
    excluded_.insert(old_id);
    excluded_.erase(new_id);
    pinned_.insert(new_id);
    if (auto it = rank_.find(old_id); it != rank_.end()) {
        rank_[new_id] = it->second;
        rank_.erase(old_id);
    }
    changed();
    rebuild();
    last_swapped_ = new_id;
}

// ===========================================================================
// Your own question
// ===========================================================================

void PrepareModel::recheck_draft() {
    draft_check_ = DraftCheck{};
    LanguageData* data = language_data();
    if (!data || !data->checker || trimmed(draft_).empty()) return;
    const AvoidResult result = data->checker->check(draft_);
    draft_check_.verdict = result.verdict;
    for (const AvoidFlag& flag : result.flags)
        draft_check_.flags.push_back(
            {flag.severity, flag.rule->category, flag.rule->reason, flag.suggestion().text});
    // The screen explains the verdict with the first flag: an avoid first, so
    // the reason matches the badge (a closing's caution and the job-request
    // avoid the model confirmed, a field-pay caution beside a job ask).
    std::stable_sort(draft_check_.flags.begin(), draft_check_.flags.end(), [](const DraftFlag& a, const DraftFlag& b) {
        return a.severity == Severity::avoid && b.severity != Severity::avoid;
    });
}

void PrepareModel::set_draft(std::string text) {
    draft_ = std::move(text);
    recheck_draft();
    changed();
}

void PrepareModel::set_draft_stage(Stage stage) {
    draft_stage_ = stage;
    changed();
}

void PrepareModel::set_draft_minutes(int minutes) {
    draft_minutes_ = std::clamp(minutes, 1, 15);
    changed();
}

void PrepareModel::use_suggestion(size_t flag_index) {
    if (flag_index >= draft_check_.flags.size()) return;
    set_draft(draft_check_.flags[flag_index].suggestion);
}

AddOutcome PrepareModel::add_draft(bool confirm_avoid) {
    std::string text = trimmed(draft_);
    if (text.empty()) return AddOutcome::empty;
    if (draft_check_.verdict == Verdict::avoid && !confirm_avoid) return AddOutcome::needs_confirmation;
    custom_.push_back({"custom-" + std::to_string(next_custom_++), std::move(text), draft_stage_,
                       draft_minutes_});
    draft_.clear();
    recheck_draft();
    changed();
    rebuild();
    return AddOutcome::added;
}

// ===========================================================================
// Checklist
// ===========================================================================

const std::vector<PreparationItem>& PrepareModel::checklist() const {
    static const std::vector<PreparationItem> none;
    auto it = preparation_.items.find(lang_);
    return it == preparation_.items.end() ? none : it->second;
}

void PrepareModel::set_ticked(const std::string& item_id, bool ticked) {
    if (ticked) ticked_.insert(item_id);
    else ticked_.erase(item_id);
    changed();
}

// ===========================================================================
// Export
// ===========================================================================

ExportFormat PrepareModel::clipboard_format(ExportFormat chosen) {
    return chosen == ExportFormat::html ? ExportFormat::text : chosen;
}

std::string PrepareModel::export_text(ExportFormat format) const {
    switch (format) {
        case ExportFormat::html: return sheet_to_html(sheet_);
        case ExportFormat::text: return sheet_to_text(sheet_);
        case ExportFormat::markdown: break;
    }
    return sheet_to_markdown(sheet_);
}

void PrepareModel::set_export_path(std::string path) {
    export_path_ = std::move(path);
    changed();
}

void PrepareModel::match_export_extension(ExportFormat format) {
    fs::path path(export_path_);
    const std::string ext = path.extension().string();
    if (ext != ".md" && ext != ".html" && ext != ".txt") return;
    path.replace_extension(export_extension(format));
    set_export_path(path.string());
}

SaveOutcome PrepareModel::save_export(ExportFormat format, bool overwrite_confirmed) {
    const auto fail = [this](std::string message) {
        export_status_ = std::move(message);
        return SaveOutcome::failed;
    };
    if (!has_sheet_) return fail(_("There is no sheet to save yet: pick an industry and a goal."));
    if (trimmed(export_path_).empty()) return fail(_("Name the file to save the sheet to."));
    const fs::path path = expand_home(trimmed(export_path_));
    std::error_code ec;
    if (fs::exists(path, ec)) {
        if (fs::is_directory(path, ec)) return fail(gui::format(_("%s is a folder; name a file."), path.c_str()));
        try {
            check_replaceable(path);  // never replace a file we could not read
        } catch (const Error& e) {
            return fail(e.what());
        }
        if (!overwrite_confirmed) {
            export_status_ = gui::format(_("%s already exists."), path.c_str());
            return SaveOutcome::needs_confirmation;
        }
    } else if (!path.parent_path().empty() && !fs::is_directory(path.parent_path(), ec)) {
        return fail(gui::format(_("The folder %s does not exist."), path.parent_path().c_str()));
    }
    try {
        write_private_file(path, export_text(format));
    } catch (const Error& e) {
        return fail(e.what());
    } catch (const fs::filesystem_error& e) {
        return fail(gui::format(_("Cannot write %s: %s"), path.c_str(), e.code().message().c_str()));
    }
    export_status_ = gui::format(_("Saved to %s"), path.c_str());
    return SaveOutcome::saved;
}

// ===========================================================================
// Keeping the sheet with a meeting
// ===========================================================================

const std::vector<Meeting>& PrepareModel::planned_meetings() const {
    if (!db_) return planned_;
    const std::uint64_t stamp = db_->change_stamp();
    if (planned_stamp_ == stamp) return planned_;
    planned_.clear();
    planned_ = list_planned_meetings(*db_);
    planned_stamp_ = stamp;
    return planned_;
}

bool PrepareModel::keep_with_meeting(std::int64_t meeting_id) {
    if (!db_) {
        meeting_status_ = _("No database is open: the sheet cannot be kept with a meeting.");
        return false;
    }
    if (!has_sheet_) {
        meeting_status_ = _("There is no sheet yet: pick an industry and a goal.");
        return false;
    }
    MeetingChanges changes;
    changes.sheet.emplace();
    for (const SheetItem& item : sheet_.items)
        changes.sheet->push_back({item.id, item.text, std::string(stage_id(item.stage)),
                                  static_cast<double>(item.minutes), false, false});
    const bool kept = guarded(meeting_status_, [&] { edit_meeting(*db_, meeting_id, changes); });
    if (kept)
        meeting_status_ = _("Kept with the meeting: tick the questions off on the Meeting (live) screen.");
    return kept;
}

// ===========================================================================
// Keeping the preparation
// ===========================================================================

namespace {

json custom_to_json(const CustomQuestion& c) {
    return {{"id", c.id}, {"text", c.text}, {"stage", stage_id(c.stage)}, {"minutes", c.minutes}};
}

CustomQuestion custom_from_json(const json& j) {
    CustomQuestion c;
    c.id = j.at("id").get<std::string>();
    c.text = j.at("text").get<std::string>();
    c.stage = parse_stage(j.at("stage").get<std::string>()).value_or(Stage::insights);
    c.minutes = std::clamp(j.value("minutes", kDefaultCustomMinutes), 1, 15);
    return c;
}

}  // namespace

void PrepareModel::save_session() {
    if (!db_) return;
    json customs = json::array();
    for (const auto& c : custom_) customs.push_back(custom_to_json(c));
    const json j = {{"lang", lang_},         {"industries", industries_},
                    {"goals", goals_},       {"minutes", minutes_},
                    {"contact", contact_},   {"company", company_},
                    {"role", role_},         {"pinned", pinned_},
                    {"excluded", excluded_}, {"order", ranked_ids()},
                    {"custom", customs},     {"next_custom", next_custom_},
                    {"draft", draft_},       {"draft_stage", stage_id(draft_stage_)},
                    {"draft_minutes", draft_minutes_},
                    {"ticked", ticked_},     {"export_path", export_path_}};
    try {
        set_setting(*db_, kSessionSetting, j.dump());
        saved_revision_ = revision_;
    } catch (const Error& e) {
        error_ = gui::format(_("Your preparation could not be saved: %s"), e.what());
    }
}

// A stored preparation that no longer fits the banks (a tag or question that
// is gone) is trimmed to what still exists; a broken one is reported and left.
bool PrepareModel::restore_session() {
    if (!db_) return false;
    try {
        const auto stored = get_setting(*db_, kSessionSetting);
        if (!stored) return false;
        const json j = json::parse(*stored);
        set_lang(j.value("lang", lang_));
        const TagSet* set = tags();
        for (const auto& id : j.value("industries", std::vector<std::string>{}))
            if (set && set->find_industry(id)) industries_.push_back(id);
        for (const auto& id : j.value("goals", std::vector<std::string>{}))
            if (set && set->find_goal(id)) goals_.push_back(id);
        minutes_ = std::clamp(j.value("minutes", minutes_), kMinMeetingMinutes, kMaxMeetingMinutes);
        contact_ = j.value("contact", "");
        company_ = j.value("company", "");
        role_ = j.value("role", "");
        const auto known = [&](const std::string& id) {
            const Question* q = banks_.find(id);
            return q && q->lang == lang_;
        };
        for (const auto& id : j.value("pinned", std::vector<std::string>{}))
            if (known(id)) pinned_.insert(id);
        for (const auto& id : j.value("excluded", std::vector<std::string>{}))
            if (known(id) && !pinned_.count(id)) excluded_.insert(id);
        for (size_t i = 0; const auto& id : j.value("order", std::vector<std::string>{}))
            rank_[id] = static_cast<double>(i++);
        for (const auto& c : j.value("custom", json::array())) custom_.push_back(custom_from_json(c));
        next_custom_ = std::max(j.value("next_custom", 1), static_cast<int>(custom_.size()) + 1);
        draft_ = j.value("draft", "");
        draft_stage_ = parse_stage(j.value("draft_stage", "insights")).value_or(Stage::insights);
        draft_minutes_ = std::clamp(j.value("draft_minutes", kDefaultCustomMinutes), 1, 15);
        ticked_ = j.value("ticked", std::set<std::string>{});
        export_path_ = j.value("export_path", "");
    } catch (const json::exception& e) {
        load_problems_.push_back(gui::format(_("Setting %s: your last preparation could not be restored (%s)."),
                                        std::string(kSessionSetting).c_str(), e.what()));
    } catch (const Error& e) {
        load_problems_.push_back(gui::format(_("Your last preparation could not be restored: %s"), e.what()));
    }
    return true;  // kept, even if only in part: not a fresh start
}

void PrepareModel::start_from_profile() {
    if (!db_) return;
    guarded(error_, [&] {
        const Profile profile = load_profile(*db_);
        set_lang(profile.language);
        minutes_ = std::clamp(profile.default_minutes, kMinMeetingMinutes, kMaxMeetingMinutes);
        const TagSet* set = tags();
        for (const auto& id : profile.goals)  // free-text goals are not tags: left out
            if (set && set->find_goal(id) && !is_selected(TagKind::goal, id)) goals_.push_back(id);
    });
}

void PrepareModel::profile_changed() {
    if (!db_) return;
    guarded(error_, [&] { set_lang(load_profile(*db_).language); });
}

}  // namespace rapport::gui
