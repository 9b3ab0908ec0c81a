// Questions to avoid in an informational interview.
//
// Given a question the user typed, say whether it is fine (ok), worth a second
// look (caution) or one to avoid (avoid), with the reason in plain words and a
// better question to ask instead. The knowledge is data, one file per
// language: question-banks/avoid-rules.<lang>.json —
//
//   { "language": "en",
//     "word_classes": { "money": ["salary", "pay", "paid", ...], ... },
//     "rules": [
//       { "id": "pay-contact-or-role",          // lowercase letters, digits, '-'
//         "category": "pay",                   // pay, job-request, referral-pressure, ...
//         "severity": "avoid",                 // or "caution" (never blocks anything)
//         "reason": "Why this hurts the conversation, in plain words.",
//         "patterns": ["how much * you * make|earn", "@money * @yours"],
//         "unless": ["pay off|attention"],     // optional: any match here clears the rule
//         "label": "pay",                      // optional: the learned model's category it covers
//         "suggestions": [ { "text": "A better question.", "question_id": "optional-bank-id" } ] }
//     ],
//     "learned": { "model": "avoid.en", "caution_at": 0.5, "avoid_at": 0.95 } }   // optional
//
// Pattern syntax: engine/word_pattern.h. A rule flags a question when one of
// its patterns matches and none of its "unless" patterns does. The verdict is
// the highest severity among the flags. Rule ids are shared across languages
// when the rules mean the same thing, so a user's choice applies to both.
//
// The learned layer: a fastText model (engine/language/classifier.h, trained at
// build time from question-banks/training/avoid.<lang>.tsv) rates each question
// over the labels fine, pay, job-request, referral-pressure, researchable,
// premature-ask. Rules catch what they know precisely; the model catches the
// paraphrases they miss. Its verdict on a question:
//   - the label L with the highest probability among the non-fine ones is
//     spoken for by the first rule whose "label" is L: that rule's reason,
//     suggestions, "unless" exceptions and user choice apply;
//   - the model stays silent when any rule matched (rules know the
//     exceptions: pay across the field is only caution, a personal question
//     is a caution of its own) and when one of L's rule's "unless" patterns
//     matches ("pay off", "pay for training");
//   - caution when the probability of "not fine" reaches caution_at: the
//     smaller of the labels-with-a-rule's sum and 1 - the others' (fine's)
//     probability (the same number for a softmax model; a one-vs-all model
//     scores each label on its own, and both readings must agree);
//   - caution too when L's own probability reaches category_caution_at
//     (optional), even if the model also finds the question fine: one-vs-all
//     can read a question as both (job 1.00 and fine 0.98 on a short job ask
//     with no job word); such a torn reading is never avoid;
//   - avoid only when L's own probability reaches avoid_at (one category
//     the model is sure of, not several weak ones added up), or when "not
//     fine" reaches not_fine_avoid_at (optional: the model is sure the question
//     is one to avoid but split over which kind: a push that is also a job
//     ask), or when the question's last sentence alone reads L at
//     last_sentence_avoid_at (optional: a long polite opening dilutes the ask
//     at the end), and L's rule is avoid: a good question rated avoid costs
//     the user more than a bad one rated caution.
// The model file is read on the first check, not when the rules load.
//
// User choices: a rule can be switched off or turned down to caution; the
// choice is kept in the settings table under "avoid.rule.<id>" = off|caution.
//
// Speed: each pattern is indexed under its most selective required step (the
// one whose words the fewest patterns share), so a question costs one lookup
// per word plus the few patterns that could possibly match; rules keyed on
// words the question lacks cost nothing.
// AvoidChecker keeps its buffers; one checker per thread.
#pragma once

#include "engine/records/database.h"
#include "engine/base/json_source.h"
#include "engine/base/text.h"
#include "engine/language/classifier.h"
#include "engine/questions/word_pattern.h"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

class Dictionary;  // engine/language/spelling.h

enum class Severity { caution, avoid };
enum class Verdict { ok, caution, avoid };

std::string_view severity_name(Severity severity);  // "caution", "avoid"
std::string_view verdict_name(Verdict verdict);     // "ok", "caution", "avoid"

struct AvoidSuggestion {
    std::string text;
    std::string question_id;  // a bank question with this id, when one fits (may be empty)
};

struct AvoidRule {
    std::string id;
    std::string category;
    Severity severity = Severity::avoid;
    std::string reason;
    std::vector<AvoidSuggestion> suggestions;  // at least one
    std::vector<std::string> patterns;         // as written in the file
    std::vector<std::string> exceptions;       // the "unless" patterns as written
    std::string label;                         // the model's category it speaks for (may be empty)
    std::string location;                      // "file:line" of the rule
};

// The learned layer of a rule set (the "learned" object of the rule file).
struct LearnedLayer {
    std::string model_name;  // models/<model_name>.ftz
    float caution_at = 0.5F;
    float avoid_at = 0.95F;
    float category_caution_at = 2.F;  // above 1: off (the key is optional)
    float not_fine_avoid_at = 2.F;    // above 1: off (the key is optional)
    float last_sentence_avoid_at = 2.F;  // above 1: off (the key is optional)
    // A category that needs another avoid_at ("researchable" in French: a
    // fuzzy line between the company's basics and the company as the contact
    // lives it, and the mildest of the faults). Optional.
    std::map<std::string, float, std::less<>> avoid_at_by_category;
    // A list of single words from the rule file.
    struct WordList {
        std::vector<WordId> ids;         // sorted
        std::vector<std::string> texts;  // the same, as folded text (for slips)
    };
    // A model flag for one of these labels, on a question of at least
    // from_words words with none of contact_words ("you", "your", "here"), is
    // caution at most: a full sentence about pay that names nobody on the
    // contact's side is about pay in general. Optional ("about_the_contact").
    std::vector<std::string> contact_labels;
    WordList contact_words;
    std::size_t contact_from_words = 0;
    // A caution rule's category is confirmed as avoid by the model only on a
    // question with one of these words, naming the contact's own place or
    // things ("your", "here"): "if something comes up at your place, keep me
    // in mind" is a job ask, "keep me in mind if a position opens up" a closing.
    // Optional ("confirm_caution"); without it the model never confirms.
    WordList own_side_words;
    float avoid_at_for(std::string_view label) const {
        auto it = avoid_at_by_category.find(label);
        return it == avoid_at_by_category.end() ? avoid_at : it->second;
    }
    std::shared_ptr<const language::Classifier> classifier;  // loads on first use
};

// One language's rules, compiled for matching.
class AvoidRuleSet {
public:
    // Throws rapport::Error "file:line: message" for any problem in the file.
    static AvoidRuleSet load(const std::filesystem::path& file, Language expected);
    static AvoidRuleSet from_json(const JsonSource& source, Language expected);

    Language language() const { return language_; }
    std::span<const AvoidRule> rules() const { return rules_; }
    const AvoidRule* find(std::string_view id) const;
    // The rule that speaks for a model label: the first one with that label.
    const AvoidRule* rule_for_label(std::string_view label) const;
    // The first caution rule with that label ("pay-field-range"), or nullptr.
    const AvoidRule* caution_rule_for_label(std::string_view label) const;
    const LearnedLayer* learned() const { return learned_ ? &*learned_ : nullptr; }
    // Replaces (or, with nullptr, removes) the model; the thresholds stay.
    void use_classifier(std::shared_ptr<const language::Classifier> classifier);
    // Replaces the thresholds (tools/avoid_cv.cpp tries several); needs a
    // learned layer. Throws rapport::Error unless 0 < caution_at <= avoid_at <= 1.
    void set_thresholds(float caution_at, float avoid_at);

    // Lets a suggestion that names a bank question (question_id) show that
    // question's words: bank_text returns them, or nullopt to keep the rule
    // file's own text. See avoid_banks.h.
    void link_suggestions(
        const std::function<std::optional<std::string>(const AvoidSuggestion&)>& bank_text);

private:
    friend class AvoidChecker;
    struct PatternRef {
        std::uint32_t rule;
        std::uint32_t pattern;  // within the rule
        std::uint32_t serial;   // among all patterns of the set
    };
    struct Compiled {
        std::vector<WordPattern> patterns;
        std::vector<WordPattern> exceptions;
    };

    void build_index();

    Language language_ = Language::english;
    std::vector<AvoidRule> rules_;
    std::vector<Compiled> compiled_;             // parallel to rules_
    Vocabulary vocabulary_;
    std::vector<std::vector<PatternRef>> index_;  // by WordId: patterns that need this word
    std::uint32_t pattern_count_ = 0;
    std::optional<LearnedLayer> learned_;
};

// question-banks/avoid-rules.<lang>.json under banks_dir.
std::filesystem::path avoid_rules_path(const std::filesystem::path& banks_dir, Language language);
AvoidRuleSet load_avoid_rules(const std::filesystem::path& banks_dir, Language language);

// ---------------------------------------------------------------------------
// The user's choices
// ---------------------------------------------------------------------------

enum class RuleChoice { by_default, off, caution };
using RuleChoices = std::map<std::string, RuleChoice, std::less<>>;  // rule id -> choice

std::string_view rule_choice_name(RuleChoice choice);  // "default", "off", "caution"
std::optional<RuleChoice> rule_choice_from_name(std::string_view name);

// Every stored choice. Throws rapport::Error naming the setting when a stored
// value is not one Rapport writes.
RuleChoices load_rule_choices(Database& db);
// Stores a choice in one transaction; by_default removes it.
void save_rule_choice(Database& db, std::string_view rule_id, RuleChoice choice);

// ---------------------------------------------------------------------------
// Checking
// ---------------------------------------------------------------------------

enum class FlagSource { rule, model };

struct AvoidFlag {
    const AvoidRule* rule = nullptr;  // owned by the checker's rule set
    Severity severity = Severity::avoid;  // after the user's choice
    FlagSource source = FlagSource::rule;  // model: raised by the learned layer for rule->label
    float probability = 0.F;  // model flags: the probability the question is not fine

    // The first suggested alternative.
    const AvoidSuggestion& suggestion() const { return rule->suggestions.front(); }
};

struct AvoidResult {
    Verdict verdict = Verdict::ok;
    std::vector<AvoidFlag> flags;  // in the order of the rule file, then the model's
    // The model's scores for every label, highest first: empty when there is
    // no model, and after check() when a rule gave avoid (the model had no say).
    std::vector<language::LabelScore> model_scores;
    // Slips read as the word they stand for ("slaire" -> "salaire"), in order.
    struct MendedWord {
        std::string typed, read_as;
    };
    std::vector<MendedWord> mended_words;
};

class AvoidChecker {
public:
    explicit AvoidChecker(AvoidRuleSet rules, RuleChoices choices = {});

    const AvoidRuleSet& rules() const { return rules_; }
    void set_choices(RuleChoices choices);
    // The severity a rule has after the user's choice; nullopt when it is off.
    std::optional<Severity> effective_severity(const AvoidRule& rule) const;

    AvoidResult check(std::string_view question);
    // check(), with the model's scores even when a rule decided (for --explain).
    AvoidResult explain(std::string_view question);
    std::vector<AvoidResult> check_all(std::span<const std::string> questions);

private:
    void read_words(std::string_view question, AvoidResult& result);
    bool is_real_word(std::string_view word);
    bool names_the_contact(const LearnedLayer& layer, std::string_view label) const;
    bool has_a_word_of(const LearnedLayer::WordList& list) const;
    const AvoidRule* pay_in_general(const AvoidRule* rule) const;
    std::size_t rule_index(const AvoidRule* rule) const;
    void find_matching_rules(std::span<const WordId> words);
    void add_model_flag(AvoidResult& result, std::string_view question) const;
    void confirm_caution_by_model(AvoidResult& result, std::string_view question) const;

    AvoidRuleSet rules_;
    RuleChoices choices_;
    std::vector<std::optional<Severity>> severities_;  // per rule, after choices
    WordSplitter splitter_;
    std::vector<WordId> words_;
    std::vector<std::string_view> read_as_;  // the words as read: the splitter's, or mended
    std::shared_ptr<Dictionary> real_words_;   // Hunspell, loaded at the first possible slip
    bool real_words_tried_ = false;
    std::vector<std::uint32_t> matched_;  // rule indices, this question
    std::vector<std::uint32_t> seen_;     // per rule: generation_ when already decided
    std::vector<std::uint32_t> tried_;    // per pattern: generation_ when already tried
    std::uint32_t generation_ = 0;
};

}  // namespace rapport
