// The spelling check of one text field (the thank-you note, your own
// question), without ImGui: what to underline or list, the suggestions, the
// replacement, "Add to my words", and the "N spelling issues" step before
// Copy / Mark sent.
//
// update(text) re-checks only when the text changed; a check of a 300-word
// note takes about 0.1-0.4 ms (bench/spell_bench), so it runs as the user
// types. Loading a dictionary takes 30-200 ms, so it happens on a worker
// thread as soon as the model is made (the field opens): until it is ready()
// there are no issues and nothing to underline. Hunspell's suggestions take
// 50-300 ms a word, so they too are computed on a worker thread, with a
// dictionary instance of its own (the check never waits for them).
// working() is true while either runs, so the screen keeps redrawing.
// A missing dictionary shows in error(); nothing else stops working.
//
// English is checked in the profile's English spelling (US, Canada or UK:
// Profile::english_spelling), read again by refresh_words().
#pragma once

#include "engine/language/text_checker.h"
#include "engine/records/database.h"

#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rapport::gui {

enum class SendStep { copy, mark_sent };

class SpellCheckModel {
public:
    // db may be null: then only the dictionary counts. language: the text's,
    // "en" (in the profile's spelling), "en-gb", "en-ca" or "fr" (an unknown
    // code reads as "en"); "" for the profile's language.
    SpellCheckModel(Database* db, const std::string& language);
    ~SpellCheckModel();
    SpellCheckModel(const SpellCheckModel&) = delete;
    SpellCheckModel& operator=(const SpellCheckModel&) = delete;

    void set_language(const std::string& language);
    // Reads the names and added words from the database again (contacts may
    // have changed on another screen), and the profile's English spelling.
    void refresh_words();
    // The dictionary's language ("en-gb" for British English…).
    std::string checked_language() const;

    // Checks text when it differs from the last one; picks up finished
    // suggestions. Call once per frame.
    void update(const std::string& text);
    const std::vector<TextIssue>& issues() const { return issues_; }
    // The byte spans of issues(), [begin, end), to underline in the field.
    std::vector<std::pair<std::size_t, std::size_t>> underlined_spans() const;
    // The dictionary is loaded: issues() are those of the text.
    bool ready() const { return checker_ != nullptr; }
    // "2 spelling issues", "1 spelling issue", "" when clean.
    std::string summary() const;
    const std::string& error() const { return error_; }
    bool working() const { return job_.valid() || loading_.valid(); }

    // The replacements for issues()[index]; nullopt while still looked for.
    std::optional<std::vector<std::string>> suggestions(std::size_t index) const;
    // The checked text with issues()[index] replaced; nullopt when the text
    // changed since the check or index is out of range.
    std::optional<std::string> replace(const std::string& text, std::size_t index,
                                       const std::string& replacement) const;
    // F7: replace the first issue with its first suggestion, now or as soon
    // as the worker has found it (forgotten when the text changes first).
    void ask_first_fix() { first_fix_wanted_ = true; }
    // text with that fix, once it can be made (then the wish is done).
    std::optional<std::string> first_fix(const std::string& text);
    // Keeps issues()[index]'s word in the database and checks again.
    void add_to_my_words(std::size_t index);

    // Before Copy or Mark sent: true when the step may go ahead now. With
    // issues, the first call returns false and warning() says how many; a
    // second call for the same step goes ahead (it never blocks).
    bool go_ahead(SendStep step);
    // The line to show after a held-back step, "" otherwise.
    std::string warning() const;

private:
    void start_loading(SpellLanguage language);
    void collect_dictionary();
    void recheck();
    void start_suggestions();
    void collect_suggestions();

    struct Suggester;  // a dictionary of its own, used by the workers only
    static std::shared_ptr<Suggester> shared_suggester(SpellLanguage language);

    Database* db_;
    std::string language_code_;            // as asked: the text's language
    std::optional<SpellLanguage> spell_language_;  // what it resolved to
    PersonalWords words_;
    std::future<std::shared_ptr<Dictionary>> loading_;
    std::unique_ptr<TextChecker> checker_;  // once the dictionary is loaded
    std::shared_ptr<Suggester> suggester_;
    std::future<std::map<std::string, std::vector<std::string>>> job_;
    std::map<std::string, std::vector<std::string>> suggestions_;  // by misspelled word
    std::string text_;
    bool text_checked_ = false;
    std::vector<TextIssue> issues_;
    std::optional<SendStep> held_;
    bool first_fix_wanted_ = false;
    std::string error_;
};

}  // namespace rapport::gui
