#include "gui/models/spell_check_model.h"

#include "engine/base/error.h"
#include "engine/records/profile.h"
#include "engine/records/word_list.h"
#include "gui/i18n.h"

#include <chrono>
#include <mutex>

namespace rapport::gui {

struct SpellCheckModel::Suggester {
    explicit Suggester(SpellLanguage l) : language(l) {}
    SpellLanguage language;
    std::mutex mutex;
    std::unique_ptr<Dictionary> dictionary;  // loaded by the first job
};

namespace {

SpellLanguage language_or_english(const std::string& code) {
    return spell_language_from_code(code).value_or(SpellLanguage::en_us);
}

}  // namespace

SpellCheckModel::SpellCheckModel(Database* db, const std::string& language) : db_(db) {
    set_language(language);
}

SpellCheckModel::~SpellCheckModel() {
    if (job_.valid()) job_.wait();
    if (loading_.valid()) loading_.wait();
}

void SpellCheckModel::set_language(const std::string& language) {
    if (spell_language_ && language == language_code_) return;
    language_code_ = language;
    refresh_words();
}

namespace {

// The dictionary of the text's language (English in the profile's spelling).
SpellLanguage resolved_language(Database* db, const std::string& code) {
    std::string resolved = code;
    if (db) {
        try {
            const Profile profile = load_profile(*db);
            resolved = spelling_language_code(profile, code.empty() ? profile.language : code);
        } catch (const Error&) {
            // An unreadable profile leaves US English; the screens show the database error.
        }
    }
    return language_or_english(resolved);
}

// The user's own words, read from every contact and meeting: with years of
// records that costs tens of milliseconds, and one screen holds several
// checked fields. So the fields share the last reading until the database
// changes (Database::change_stamp moves with any commit, ours or another
// program's). The UI thread is the only one to read them.
PersonalWords shared_personal_words(Database& db) {
    struct Reading {
        std::filesystem::path path;
        std::uint64_t stamp = 0;
        PersonalWords words;
    };
    static std::optional<Reading> last;
    const std::uint64_t stamp = db.change_stamp();
    if (!last || last->path != db.path() || last->stamp != stamp)
        last = Reading{db.path(), stamp, PersonalWords(personal_word_sources(db))};
    return last->words;
}

}  // namespace

void SpellCheckModel::refresh_words() {
    words_ = PersonalWords();
    if (db_) {
        try {
            words_ = shared_personal_words(*db_);
        } catch (const Error& e) {
            error_ = e.what();
        }
    }
    const SpellLanguage language = resolved_language(db_, language_code_);
    if (language != spell_language_) start_loading(language);
    if (checker_) checker_->set_personal_words(words_);
    text_checked_ = false;
}

std::string SpellCheckModel::checked_language() const {
    return std::string(spell_language_info(spell_language_.value_or(SpellLanguage::en_us)).code);
}

// One suggester per language for the whole app: its dictionary instance
// (15-40 MB) and remembered suggestions serve every field.
std::shared_ptr<SpellCheckModel::Suggester> SpellCheckModel::shared_suggester(SpellLanguage language) {
    static std::mutex mutex;
    static std::map<SpellLanguage, std::weak_ptr<Suggester>> alive;
    const std::lock_guard lock(mutex);
    std::shared_ptr<Suggester> found = alive[language].lock();
    if (!found) {
        found = std::make_shared<Suggester>(language);
        alive[language] = found;
    }
    return found;
}

void SpellCheckModel::start_loading(SpellLanguage language) {
    if (job_.valid()) job_.wait();  // a running job belongs to the old language
    job_ = {};
    if (loading_.valid()) loading_.wait();  // rare: the language changed while loading
    spell_language_ = language;
    checker_.reset();
    issues_.clear();
    suggester_ = shared_suggester(language);
    suggestions_.clear();
    // The first load of a dictionary takes 30-200 ms: never on the UI thread.
    loading_ = std::async(std::launch::async, [language] { return Dictionary::shared(language); });
}

void SpellCheckModel::collect_dictionary() {
    if (!loading_.valid() || loading_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    try {
        checker_ = std::make_unique<TextChecker>(*spell_language_, words_, loading_.get());
        error_.clear();
    } catch (const Error& e) {
        error_ = e.what();
    }
    text_checked_ = false;
}

void SpellCheckModel::update(const std::string& text) {
    collect_dictionary();
    collect_suggestions();
    if (text_checked_ && text == text_) return;
    if (text != text_) {
        held_.reset();
        first_fix_wanted_ = false;
    }
    text_ = text;
    recheck();
}

void SpellCheckModel::recheck() {
    if (!checker_) return;  // the dictionary is still loading (or missing: see error())
    text_checked_ = true;
    try {
        issues_ = checker_->check(text_);
        error_.clear();
    } catch (const Error& e) {
        issues_.clear();
        error_ = e.what();
        return;
    }
    start_suggestions();
}

std::vector<std::pair<std::size_t, std::size_t>> SpellCheckModel::underlined_spans() const {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (const TextIssue& issue : issues_) spans.emplace_back(issue.offset, issue.offset + issue.length);
    return spans;
}

void SpellCheckModel::start_suggestions() {
    if (job_.valid()) return;
    std::vector<std::string> words;
    for (const auto& issue : issues_)
        if (issue.kind == IssueKind::spelling && !suggestions_.count(issue.word))
            words.push_back(issue.word);
    if (words.empty()) return;
    job_ = std::async(std::launch::async, [suggester = suggester_, words] {
        const std::lock_guard lock(suggester->mutex);
        if (!suggester->dictionary)
            suggester->dictionary = Dictionary::load(suggester->language, dictionary_dirs());
        std::map<std::string, std::vector<std::string>> found;
        for (const auto& word : words) found[word] = suggester->dictionary->suggest(word);
        return found;
    });
}

void SpellCheckModel::collect_suggestions() {
    if (!job_.valid() || job_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    try {
        suggestions_.merge(job_.get());
    } catch (const Error& e) {
        error_ = e.what();
        return;
    }
    start_suggestions();  // words typed while the job ran
}

std::string SpellCheckModel::summary() const {
    if (issues_.empty()) return {};
    return format(P_("%zu spelling issue", "%zu spelling issues", issues_.size()), issues_.size());
}

std::optional<std::vector<std::string>> SpellCheckModel::suggestions(std::size_t index) const {
    if (index >= issues_.size()) return std::nullopt;
    const TextIssue& issue = issues_[index];
    if (issue.kind != IssueKind::spelling) return issue.suggestions;
    auto it = suggestions_.find(issue.word);
    if (it == suggestions_.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> SpellCheckModel::replace(const std::string& text, std::size_t index,
                                                    const std::string& replacement) const {
    if (index >= issues_.size() || text != text_) return std::nullopt;
    return replace_span(text, issues_[index], replacement);
}

std::optional<std::string> SpellCheckModel::first_fix(const std::string& text) {
    if (!first_fix_wanted_) return std::nullopt;
    const auto found = suggestions(0);
    if (issues_.empty() || (found && found->empty())) first_fix_wanted_ = false;  // nothing to take
    if (!first_fix_wanted_ || !found) return std::nullopt;
    first_fix_wanted_ = false;
    return replace(text, 0, found->front());
}

void SpellCheckModel::add_to_my_words(std::size_t index) {
    if (!db_ || index >= issues_.size()) return;
    try {
        add_personal_word(*db_, issues_[index].word);
    } catch (const Error& e) {
        error_ = e.what();
        return;
    }
    refresh_words();
    recheck();
}

bool SpellCheckModel::go_ahead(SendStep step) {
    if (issues_.empty() || held_ == step) {
        held_.reset();
        return true;
    }
    held_ = step;
    return false;
}

std::string SpellCheckModel::warning() const {
    if (!held_) return {};
    return format(*held_ == SendStep::copy
                      ? _("%s (listed below). Click Copy again to copy the text as it is.")
                      : _("%s (listed below). Click again to mark it sent as it is."),
                  summary().c_str());
}

}  // namespace rapport::gui
