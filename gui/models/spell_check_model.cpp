#include "gui/models/spell_check_model.h"

#include "engine/base/error.h"
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
}

void SpellCheckModel::set_language(const std::string& language) {
    if (checker_ && language == language_code_) return;
    if (job_.valid()) job_.wait();  // a running job belongs to the old language
    job_ = {};
    language_code_ = language;
    const SpellLanguage spell = language_or_english(language);
    checker_ = std::make_unique<TextChecker>(spell);
    suggester_ = std::make_shared<Suggester>(spell);
    suggestions_.clear();
    refresh_words();
}

void SpellCheckModel::refresh_words() {
    std::vector<std::string> phrases;
    if (db_) {
        try {
            phrases = personal_word_sources(*db_);
        } catch (const Error& e) {
            error_ = e.what();
        }
    }
    checker_->set_personal_words(PersonalWords(phrases));
    checked_ = false;
}

void SpellCheckModel::update(const std::string& text) {
    collect_suggestions();
    if (checked_ && text == text_) return;
    text_ = text;
    held_.reset();
    first_fix_wanted_ = false;
    recheck();
}

void SpellCheckModel::recheck() {
    checked_ = true;
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
