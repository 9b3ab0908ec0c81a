#include "engine/questions/avoid.h"

#include "engine/base/error.h"
#include "engine/language/spelling.h"
#include "engine/records/settings.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>

namespace rapport {
namespace {

using json = nlohmann::json;

constexpr std::string_view kChoicePrefix = "avoid.rule.";

// ---------------------------------------------------------------------------
// Reading the rule file: every error names file:line and what to fix.
// ---------------------------------------------------------------------------

[[noreturn]] void fail(const JsonSource& src, const std::string& pointer, const std::string& message) {
    throw Error(src.where(pointer) + ": " + message);
}

std::string child(const std::string& pointer, std::string_view key) {
    return pointer + "/" + std::string(key);
}
std::string child(const std::string& pointer, std::size_t index) {
    return pointer + "/" + std::to_string(index);
}

void require_object(const JsonSource& src, const std::string& pointer, const json& value,
                    std::string_view what) {
    if (!value.is_object()) fail(src, pointer, std::string(what) + " must be a JSON object");
}

// Catches typos such as "unles": a misspelt key would otherwise be ignored.
void reject_unknown_keys(const JsonSource& src, const std::string& pointer, const json& object,
                         std::initializer_list<std::string_view> known, std::string_view what) {
    for (const auto& [key, value] : object.items()) {
        if (std::find(known.begin(), known.end(), key) != known.end()) continue;
        std::string list;
        for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        fail(src, child(pointer, key),
             std::string(what) + ": unknown field \"" + key + "\" (expected: " + list + ")");
    }
}

std::string string_field(const JsonSource& src, const std::string& pointer, const json& object,
                         std::string_view key, std::string_view what, bool required) {
    auto it = object.find(key);
    if (it == object.end()) {
        if (required) fail(src, pointer, std::string(what) + ": missing \"" + std::string(key) + "\"");
        return {};
    }
    if (!it->is_string() || it->get_ref<const std::string&>().empty())
        fail(src, child(pointer, key),
             std::string(what) + ": \"" + std::string(key) + "\" must be a non-empty string");
    return it->get<std::string>();
}

// An array of non-empty strings; absent is fine unless required.
std::vector<std::string> string_list_field(const JsonSource& src, const std::string& pointer,
                                           const json& object, std::string_view key,
                                           std::string_view what, bool required) {
    auto it = object.find(key);
    if (it == object.end()) {
        if (required) fail(src, pointer, std::string(what) + ": missing \"" + std::string(key) + "\"");
        return {};
    }
    const std::string list_pointer = child(pointer, key);
    if (!it->is_array() || (required && it->empty()))
        fail(src, list_pointer,
             std::string(what) + ": \"" + std::string(key) + "\" must be a" +
                 (required ? " non-empty" : "n") + " array of strings");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& item = (*it)[i];
        if (!item.is_string() || item.get_ref<const std::string&>().empty())
            fail(src, child(list_pointer, i),
                 std::string(what) + ": every entry of \"" + std::string(key) +
                     "\" must be a non-empty string");
        out.push_back(item.get<std::string>());
    }
    return out;
}

bool is_identifier(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

std::string identifier_field(const JsonSource& src, const std::string& pointer, const json& object,
                             std::string_view key, std::string_view what) {
    std::string value = string_field(src, pointer, object, key, what, true);
    if (!is_identifier(value))
        fail(src, child(pointer, key),
             std::string(what) + ": \"" + std::string(key) + "\" '" + value +
                 "' may only hold lowercase letters, digits, '-' and '_'");
    return value;
}

Severity severity_field(const JsonSource& src, const std::string& pointer, const json& object,
                        std::string_view what) {
    const std::string value = string_field(src, pointer, object, "severity", what, true);
    if (value == "avoid") return Severity::avoid;
    if (value == "caution") return Severity::caution;
    fail(src, child(pointer, "severity"),
         std::string(what) + ": severity '" + value + "' must be \"avoid\" or \"caution\"");
}

std::vector<AvoidSuggestion> suggestions_field(const JsonSource& src, const std::string& pointer,
                                               const json& object, std::string_view what) {
    const std::string list_pointer = child(pointer, "suggestions");
    auto it = object.find("suggestions");
    if (it == object.end() || !it->is_array() || it->empty())
        fail(src, it == object.end() ? pointer : list_pointer,
             std::string(what) + ": \"suggestions\" must be a non-empty array of better questions");
    std::vector<AvoidSuggestion> out;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& item = (*it)[i];
        const std::string item_pointer = child(list_pointer, i);
        if (item.is_string() && !item.get_ref<const std::string&>().empty()) {
            out.push_back({item.get<std::string>(), {}});
            continue;
        }
        if (!item.is_object())
            fail(src, item_pointer,
                 std::string(what) + ": a suggestion is a string or {\"text\", \"question_id\"}");
        reject_unknown_keys(src, item_pointer, item, {"text", "question_id"}, what);
        out.push_back({string_field(src, item_pointer, item, "text", what, true),
                       string_field(src, item_pointer, item, "question_id", what, false)});
    }
    return out;
}

std::vector<WordPattern> compile_patterns(const JsonSource& src, const std::string& list_pointer,
                                          const std::vector<std::string>& sources,
                                          const WordClasses& classes, WordSplitter& splitter,
                                          Vocabulary& vocabulary, std::string_view what) {
    std::vector<WordPattern> patterns;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        try {
            patterns.push_back(compile_word_pattern(sources[i], classes, splitter, vocabulary));
        } catch (const Error& e) {
            fail(src, child(list_pointer, i),
                 std::string(what) + ": pattern \"" + sources[i] + "\" " + e.what());
        }
    }
    return patterns;
}

WordClasses read_word_classes(const JsonSource& src, WordSplitter& splitter, Vocabulary& vocabulary) {
    WordClasses classes;
    auto it = src.root.find("word_classes");
    if (it == src.root.end()) return classes;
    require_object(src, "/word_classes", *it, "\"word_classes\"");
    for (const auto& [name, words] : it->items()) {
        const std::string pointer = child("/word_classes", name);
        const std::string what = "word class '" + name + "'";
        if (!is_identifier(name))
            fail(src, pointer, what + ": names may only hold lowercase letters, digits, '-' and '_'");
        if (!words.is_array() || words.empty())
            fail(src, pointer, what + ": must be a non-empty array of words");
        std::vector<WordId>& ids = classes[name];
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (!words[i].is_string()) fail(src, child(pointer, i), what + ": every entry must be a word");
            try {
                const std::string word = words[i].get<std::string>();
                const auto compiled = compile_word_list({&word, 1}, splitter, vocabulary);
                ids.insert(ids.end(), compiled.begin(), compiled.end());
            } catch (const Error& e) {
                fail(src, child(pointer, i), what + ": " + e.what());
            }
        }
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    }
    return classes;
}

// A probability threshold of the "learned" object: a number in (0, 1].
float threshold_field(const JsonSource& src, const json& object, std::string_view key) {
    const std::string pointer = child("/learned", key);
    auto it = object.find(key);
    if (it == object.end()) fail(src, "/learned", "\"learned\": missing \"" + std::string(key) + "\"");
    if (!it->is_number() || it->get<double>() <= 0.0 || it->get<double>() > 1.0)
        fail(src, pointer, "\"learned\": \"" + std::string(key) + "\" must be a number above 0 and at most 1");
    return it->get<float>();
}

// The optional "learned" object: which model and how sure it must be.
std::optional<LearnedLayer> read_learned_layer(const JsonSource& src, Language language) {
    auto it = src.root.find("learned");
    if (it == src.root.end()) return std::nullopt;
    require_object(src, "/learned", *it, "\"learned\"");
    reject_unknown_keys(src, "/learned", *it, {"model", "comment", "caution_at", "avoid_at",
                                                "avoid_at_by_category", "category_caution_at",
                                                "not_fine_avoid_at", "last_sentence_avoid_at", "about_the_contact",
                                                "confirm_caution"},
                        "\"learned\"");
    LearnedLayer layer;
    layer.model_name = string_field(src, "/learned", *it, "model", "\"learned\"", true);
    layer.caution_at = threshold_field(src, *it, "caution_at");
    layer.avoid_at = threshold_field(src, *it, "avoid_at");
    if (layer.avoid_at < layer.caution_at)
        fail(src, "/learned/avoid_at", "\"learned\": \"avoid_at\" must not be below \"caution_at\"");
    if (it->contains("category_caution_at"))
        layer.category_caution_at = threshold_field(src, *it, "category_caution_at");
    if (it->contains("last_sentence_avoid_at"))
        layer.last_sentence_avoid_at = threshold_field(src, *it, "last_sentence_avoid_at");
    if (it->contains("not_fine_avoid_at")) {
        layer.not_fine_avoid_at = threshold_field(src, *it, "not_fine_avoid_at");
        if (layer.not_fine_avoid_at < layer.caution_at)
            fail(src, "/learned/not_fine_avoid_at",
                 "\"learned\": \"not_fine_avoid_at\" must not be below \"caution_at\"");
    }
    if (auto by = it->find("avoid_at_by_category"); by != it->end()) {
        require_object(src, "/learned/avoid_at_by_category", *by, "\"avoid_at_by_category\"");
        for (const auto& [label, value] : by->items()) {
            const std::string pointer = child("/learned/avoid_at_by_category", label);
            if (!value.is_number() || value.get<double>() < layer.caution_at || value.get<double>() > 1.0)
                fail(src, pointer, "\"avoid_at_by_category\": \"" + label +
                                       "\" must be a number from \"caution_at\" to 1");
            layer.avoid_at_by_category[label] = value.get<float>();
        }
    }
    layer.classifier = std::make_shared<const language::Classifier>(
        language::model_path(layer.model_name), language);
    return layer;
}

// A "words" list of the learned layer, compiled to word ids and kept as folded
// text for one-slip matches.
LearnedLayer::WordList read_word_list(const JsonSource& src, const std::string& pointer, const json& object,
                                      const std::string& what, WordSplitter& splitter, Vocabulary& vocabulary) {
    auto list = object.find("words");
    if (list == object.end() || !list->is_array() || list->empty() ||
        !std::all_of(list->begin(), list->end(), [](const json& v) { return v.is_string(); }))
        fail(src, child(pointer, "words"), what + ": \"words\" must be a list of words");
    const auto words = list->get<std::vector<std::string>>();
    LearnedLayer::WordList compiled;
    try {
        compiled.ids = compile_word_list(words, splitter, vocabulary);
        for (const auto& word : words) compiled.texts.push_back(normalize_for_matching(word));
    } catch (const Error& e) {
        fail(src, child(pointer, "words"), what + ": " + e.what());
    }
    return compiled;
}

// An optional object of the "learned" layer, checked to hold only the known
// keys; null when the file has none.
const json* optional_learned_object(const JsonSource& src, const std::string& key,
                                    std::initializer_list<std::string_view> known) {
    const json& learned = src.root.at("learned");
    auto it = learned.find(key);
    if (it == learned.end()) return nullptr;
    const std::string pointer = "/learned/" + key, what = "\"" + key + "\"";
    require_object(src, pointer, *it, what);
    reject_unknown_keys(src, pointer, *it, known, what);
    return &*it;
}

// The optional "learned" / "about_the_contact" object (see LearnedLayer).
void read_about_the_contact(const JsonSource& src, LearnedLayer& layer, WordSplitter& splitter,
                            Vocabulary& vocabulary) {
    const json* it = optional_learned_object(src, "about_the_contact", {"comment", "labels", "words", "from_words"});
    if (!it) return;
    const std::string pointer = "/learned/about_the_contact";
    const std::string what = "\"about_the_contact\"";
    auto labels = it->find("labels");
    if (labels == it->end() || !labels->is_array() || labels->empty() ||
        !std::all_of(labels->begin(), labels->end(), [](const json& v) { return v.is_string(); }))
        fail(src, child(pointer, "labels"), what + ": \"labels\" must be a list of words");
    layer.contact_labels = labels->get<std::vector<std::string>>();
    layer.contact_words = read_word_list(src, pointer, *it, what, splitter, vocabulary);
    auto from = it->find("from_words");
    if (from == it->end() || !from->is_number_unsigned() || from->get<std::size_t>() == 0)
        fail(src, child(pointer, "from_words"), what + ": \"from_words\" must be a whole number above 0");
    layer.contact_from_words = from->get<std::size_t>();
}

// The optional "learned" / "confirm_caution" object (see LearnedLayer).
void read_confirm_caution(const JsonSource& src, LearnedLayer& layer, WordSplitter& splitter,
                          Vocabulary& vocabulary) {
    if (const json* it = optional_learned_object(src, "confirm_caution", {"comment", "words"}))
        layer.own_side_words =
            read_word_list(src, "/learned/confirm_caution", *it, "\"confirm_caution\"", splitter, vocabulary);
}

}  // namespace

std::string_view severity_name(Severity severity) {
    return severity == Severity::avoid ? "avoid" : "caution";
}

std::string_view verdict_name(Verdict verdict) {
    switch (verdict) {
        case Verdict::avoid: return "avoid";
        case Verdict::caution: return "caution";
        case Verdict::ok: break;
    }
    return "ok";
}

// ---------------------------------------------------------------------------
// AvoidRuleSet
// ---------------------------------------------------------------------------

AvoidRuleSet AvoidRuleSet::load(const std::filesystem::path& file, Language expected) {
    return from_json(load_json_source(file), expected);
}

void AvoidRuleSet::link_suggestions(
    const std::function<std::optional<std::string>(const AvoidSuggestion&)>& bank_text) {
    for (auto& rule : rules_)
        for (auto& suggestion : rule.suggestions)
            if (auto text = bank_text(suggestion)) suggestion.text = std::move(*text);
}

AvoidRuleSet AvoidRuleSet::from_json(const JsonSource& src, Language expected) {
    AvoidRuleSet set;
    set.language_ = expected;
    require_object(src, "", src.root, "an avoid-rules file");
    reject_unknown_keys(src, "", src.root,
                        {"language", "comment", "word_classes", "rules", "learned"},
                        "avoid-rules file");
    const std::string language = string_field(src, "", src.root, "language", "avoid-rules file", true);
    if (language != language_code(expected))
        fail(src, "/language", "\"language\" is \"" + language + "\" but this file must hold the \"" +
                                   std::string(language_code(expected)) + "\" rules");

    WordSplitter splitter(expected);
    const WordClasses classes = read_word_classes(src, splitter, set.vocabulary_);

    auto rules = src.root.find("rules");
    if (rules == src.root.end() || !rules->is_array() || rules->empty())
        fail(src, rules == src.root.end() ? "" : "/rules", "\"rules\" must be a non-empty array");
    for (std::size_t i = 0; i < rules->size(); ++i) {
        const json& object = (*rules)[i];
        const std::string pointer = child("/rules", i);
        require_object(src, pointer, object, "a rule");
        AvoidRule rule;
        rule.id = identifier_field(src, pointer, object, "id", "rule #" + std::to_string(i + 1));
        const std::string what = "rule '" + rule.id + "'";
        if (const AvoidRule* earlier = set.find(rule.id))
            fail(src, child(pointer, "id"), what + ": the id is already used at " + earlier->location);
        reject_unknown_keys(src, pointer, object,
                            {"id", "category", "severity", "reason", "patterns", "unless",
                             "suggestions", "label", "comment"},
                            what);
        rule.location = src.where(pointer);
        rule.category = identifier_field(src, pointer, object, "category", what);
        rule.severity = severity_field(src, pointer, object, what);
        rule.reason = string_field(src, pointer, object, "reason", what, true);
        rule.patterns = string_list_field(src, pointer, object, "patterns", what, true);
        rule.exceptions = string_list_field(src, pointer, object, "unless", what, false);
        rule.suggestions = suggestions_field(src, pointer, object, what);
        if (object.contains("label")) rule.label = identifier_field(src, pointer, object, "label", what);
        Compiled compiled;
        compiled.patterns = compile_patterns(src, child(pointer, "patterns"), rule.patterns, classes,
                                             splitter, set.vocabulary_, what);
        compiled.exceptions = compile_patterns(src, child(pointer, "unless"), rule.exceptions,
                                               classes, splitter, set.vocabulary_, what);
        set.rules_.push_back(std::move(rule));
        set.compiled_.push_back(std::move(compiled));
    }
    set.learned_ = read_learned_layer(src, expected);
    if (set.learned_) {
        read_about_the_contact(src, *set.learned_, splitter, set.vocabulary_);
        read_confirm_caution(src, *set.learned_, splitter, set.vocabulary_);
    }
    set.build_index();
    if (set.learned_ && std::none_of(set.rules_.begin(), set.rules_.end(),
                                     [](const AvoidRule& r) { return !r.label.empty(); }))
        fail(src, "/learned", "\"learned\": no rule has a \"label\", so the model could never speak");
    if (set.learned_)
        for (const auto& label : set.learned_->contact_labels)
            if (!set.rule_for_label(label))
                fail(src, "/learned/about_the_contact/labels",
                     "\"about_the_contact\": no rule has the label \"" + label + "\"");
    if (set.learned_)
        for (const auto& [label, threshold] : set.learned_->avoid_at_by_category)
            if (!set.rule_for_label(label))
                fail(src, child("/learned/avoid_at_by_category", label),
                     "\"avoid_at_by_category\": no rule has the label \"" + label + "\"");
    return set;
}

const AvoidRule* AvoidRuleSet::rule_for_label(std::string_view label) const {
    for (const auto& rule : rules_)
        if (rule.label == label) return &rule;
    return nullptr;
}

const AvoidRule* AvoidRuleSet::caution_rule_for_label(std::string_view label) const {
    for (const auto& rule : rules_)
        if (rule.label == label && rule.severity == Severity::caution) return &rule;
    return nullptr;
}

void AvoidRuleSet::use_classifier(std::shared_ptr<const language::Classifier> classifier) {
    if (!classifier) {
        learned_.reset();
        return;
    }
    if (!learned_) learned_.emplace();
    learned_->classifier = std::move(classifier);
}

void AvoidRuleSet::set_thresholds(float caution_at, float avoid_at) {
    if (!learned_) throw Error("avoid rules: no learned layer to set thresholds for");
    if (!(caution_at > 0.F && caution_at <= avoid_at && avoid_at <= 1.F))
        throw Error("avoid rules: thresholds need 0 < caution_at <= avoid_at <= 1");
    learned_->caution_at = caution_at;
    learned_->avoid_at = avoid_at;
}

const AvoidRule* AvoidRuleSet::find(std::string_view id) const {
    for (const auto& rule : rules_)
        if (rule.id == id) return &rule;
    return nullptr;
}

// A pattern can only match a question that holds one of the words of each
// of its required steps; it is filed under the step whose words the fewest
// patterns use ("zzz" rather than "what"), so common words stay cheap.
void AvoidRuleSet::build_index() {
    std::vector<std::uint32_t> usage(vocabulary_.size() + 1, 0);
    for (const auto& compiled : compiled_)
        for (const auto& pattern : compiled.patterns)
            for (const auto& step : pattern.steps)
                for (WordId w : step.words) ++usage[w];

    index_.assign(vocabulary_.size() + 1, {});
    pattern_count_ = 0;
    for (std::uint32_t r = 0; r < compiled_.size(); ++r) {
        const auto& patterns = compiled_[r].patterns;
        for (std::uint32_t p = 0; p < patterns.size(); ++p) {
            const PatternStep* key = nullptr;
            std::uint64_t key_cost = 0;
            for (const auto& step : patterns[p].steps) {
                if (step.optional) continue;
                std::uint64_t cost = 0;
                for (WordId w : step.words) cost += usage[w];
                if (!key || cost < key_cost) key = &step, key_cost = cost;
            }
            // compile_word_pattern guarantees a required step.
            for (WordId w : key->words) index_[w].push_back({r, p, pattern_count_});
            ++pattern_count_;
        }
    }
}

std::filesystem::path avoid_rules_path(const std::filesystem::path& banks_dir, Language language) {
    return banks_dir / ("avoid-rules." + std::string(language_code(language)) + ".json");
}

AvoidRuleSet load_avoid_rules(const std::filesystem::path& banks_dir, Language language) {
    return AvoidRuleSet::load(avoid_rules_path(banks_dir, language), language);
}

// ---------------------------------------------------------------------------
// The user's choices
// ---------------------------------------------------------------------------

std::string_view rule_choice_name(RuleChoice choice) {
    switch (choice) {
        case RuleChoice::off: return "off";
        case RuleChoice::caution: return "caution";
        case RuleChoice::by_default: break;
    }
    return "default";
}

std::optional<RuleChoice> rule_choice_from_name(std::string_view name) {
    if (name == "off") return RuleChoice::off;
    if (name == "caution") return RuleChoice::caution;
    if (name == "default") return RuleChoice::by_default;
    return std::nullopt;
}

RuleChoices load_rule_choices(Database& db) {
    RuleChoices choices;
    for (const auto& [key, value] : settings_with_prefix(db, kChoicePrefix)) {
        const auto choice = rule_choice_from_name(value);
        if (!choice || *choice == RuleChoice::by_default)
            throw Error(db.path().string() + ": setting '" + key + "' has value '" + value +
                        "'; expected 'off' or 'caution'");
        choices.emplace(key.substr(kChoicePrefix.size()), *choice);
    }
    return choices;
}

void save_rule_choice(Database& db, std::string_view rule_id, RuleChoice choice) {
    const std::string key = std::string(kChoicePrefix) + std::string(rule_id);
    if (choice == RuleChoice::by_default) erase_setting(db, key);
    else set_setting(db, key, rule_choice_name(choice));
}

// ---------------------------------------------------------------------------
// AvoidChecker
// ---------------------------------------------------------------------------

AvoidChecker::AvoidChecker(AvoidRuleSet rules, RuleChoices choices)
    : rules_(std::move(rules)), splitter_(rules_.language()) {
    seen_.assign(rules_.rules_.size(), 0);
    tried_.assign(rules_.pattern_count_, 0);
    set_choices(std::move(choices));
}

void AvoidChecker::set_choices(RuleChoices choices) {
    choices_ = std::move(choices);
    severities_.clear();
    for (const auto& rule : rules_.rules_) {
        auto it = choices_.find(rule.id);
        const RuleChoice choice = it == choices_.end() ? RuleChoice::by_default : it->second;
        if (choice == RuleChoice::off) severities_.push_back(std::nullopt);
        else if (choice == RuleChoice::caution) severities_.push_back(Severity::caution);
        else severities_.push_back(rule.severity);
    }
}

std::optional<Severity> AvoidChecker::effective_severity(const AvoidRule& rule) const {
    return severities_[rule_index(&rule)];
}

AvoidResult AvoidChecker::check(std::string_view question) {
    AvoidResult result;
    read_words(question, result);
    find_matching_rules(words_);

    for (std::uint32_t r : matched_) {
        const AvoidRule* rule = pay_in_general(&rules_.rules_[r]);
        const std::optional<Severity> severity = severities_[rule_index(rule)];
        if (!severity) continue;  // the milder rule is switched off
        if (std::any_of(result.flags.begin(), result.flags.end(), [&](const AvoidFlag& f) { return f.rule == rule; }))
            continue;  // it matched on its own too
        result.flags.push_back({rule, *severity});
        if (*severity == Severity::avoid) result.verdict = Verdict::avoid;
        else if (result.verdict == Verdict::ok) result.verdict = Verdict::caution;
    }
    // The model speaks where no rule matched, and where the rules only gave
    // caution it may confirm one of their categories (explain() scores every
    // question). Text without words is not a question.
    if (rules_.learned_ && !words_.empty() && result.verdict != Verdict::avoid) {
        if (matched_.empty()) {
            result.model_scores = rules_.learned_->classifier->scores_of_words(read_as_);
            add_model_flag(result, question);
        } else if (result.verdict == Verdict::caution) {
            confirm_caution_by_model(result, question);
        }
    }
    return result;
}

// A caution rule names a category that is sometimes fine: a closing that
// mentions jobs ("Please keep me in mind if a position opens up"), pay of the
// field. When the question names the contact's own place or things (see
// LearnedLayer::own_side_words) and the model, on its own, would rate it avoid
// for that same category ("If something comes up at your place, keep me in
// mind", "What is the starting salary for new nurses on your ward?"), it is the
// category's fault put to the contact: avoid, with the category's avoid
// reason. Any other reading leaves the rules' caution.
void AvoidChecker::confirm_caution_by_model(AvoidResult& result, std::string_view question) const {
    AvoidResult model_only;
    model_only.model_scores = rules_.learned_->classifier->scores_of_words(read_as_);
    add_model_flag(model_only, question);
    result.model_scores = std::move(model_only.model_scores);
    if (model_only.verdict != Verdict::avoid || !has_a_word_of(rules_.learned_->own_side_words)) return;
    const AvoidFlag& confirming = model_only.flags.front();
    const bool same_category = std::any_of(result.flags.begin(), result.flags.end(), [&](const AvoidFlag& f) {
        return f.severity == Severity::caution && !f.rule->label.empty() && f.rule->label == confirming.rule->label;
    });
    if (!same_category) return;
    result.flags.push_back(confirming);
    result.verdict = Verdict::avoid;
}

namespace {

// The word of question whose folded form is folded ("état" for "etat"), as
// typed, for the spelling dictionary, which wants accents; folded itself when
// none matches. Words are cut at ASCII punctuation and space, curly
// apostrophes, guillemets and no-break spaces, like the splitter's.
std::string as_typed(std::string_view question, std::string_view folded) {
    static constexpr std::string_view kWideSeparators[] = {"\u2019", "\u00a0", "\u202f", "\u00ab", "\u00bb"};
    std::size_t start = 0;
    for (std::size_t i = 0; i <= question.size();) {
        std::size_t width = 0;
        if (i == question.size()) width = 1;
        else if (const auto c = static_cast<unsigned char>(question[i]); c < 0x80 && !std::isalnum(c)) width = 1;
        else
            for (std::string_view wide : kWideSeparators)
                if (question.substr(i, wide.size()) == wide) width = wide.size();
        if (width == 0) {
            ++i;
            continue;
        }
        const std::string_view word = question.substr(start, i - start);
        if (!word.empty() && normalize_for_matching(word) == folded) return std::string(word);
        i += width;
        start = i;
    }
    return std::string(folded);
}

}  // namespace

// The question's words, each as the rules and the model will read it: a word
// neither knows is mended when it is a slip of one the model learned
// ("slaire" -> "salaire"; see language::TypoMender), and noted in result.
void AvoidChecker::read_words(std::string_view question, AvoidResult& result) {
    words_.clear();
    read_as_.clear();
    const language::TypoMender* mender =
        rules_.learned_ ? &rules_.learned_->classifier->typo_mender() : nullptr;
    for (std::string_view word : splitter_.split(question)) {
        WordId id = rules_.vocabulary_.find(word);
        if (id == kUnknownWord && mender) {
            if (const std::string_view mended = mender->mend(word);
                !mended.empty() && !is_real_word(as_typed(question, word))) {
                result.mended_words.push_back({std::string(word), std::string(mended)});
                word = mended;
                id = rules_.vocabulary_.find(word);
            }
        }
        words_.push_back(id);
        read_as_.push_back(word);
    }
}

// A word the spelling dictionary knows is a word, not a slip, even when the
// model never saw it: "devenu" is not "revenu", "north" not "worth". Without
// the dictionary (package missing) nothing is mended.
bool AvoidChecker::is_real_word(std::string_view word) {
    if (!real_words_tried_) {
        real_words_tried_ = true;
        try {
            real_words_ = Dictionary::shared(rules_.language() == Language::french ? SpellLanguage::fr
                                                                                 : SpellLanguage::en_us);
        } catch (const Error&) {
            real_words_ = nullptr;
        }
    }
    return !real_words_ || real_words_->spell(word);
}

std::size_t AvoidChecker::rule_index(const AvoidRule* rule) const {
    return static_cast<std::size_t>(rule - rules_.rules_.data());
}

// False for a question of the layer's contact labels ("pay") that is long
// enough to name the contact's side and does not (see LearnedLayer). A slip
// the mender left ("vootre", seen in training) still names them.
bool AvoidChecker::names_the_contact(const LearnedLayer& layer, std::string_view label) const {
    if (std::find(layer.contact_labels.begin(), layer.contact_labels.end(), label) == layer.contact_labels.end() ||
        words_.size() < layer.contact_from_words)
        return true;
    return has_a_word_of(layer.contact_words);
}

bool AvoidChecker::has_a_word_of(const LearnedLayer::WordList& list) const {
    for (std::size_t i = 0; i < words_.size(); ++i) {
        if (std::binary_search(list.ids.begin(), list.ids.end(), words_[i])) return true;
        if (read_as_[i].size() < 4) continue;
        for (const auto& word : list.texts)
            if (word.size() >= 4 && language::one_edit_apart(read_as_[i], word)) return true;
    }
    return false;
}

// A rule of the layer's contact labels ("pay-contact-or-role") matched on a
// full sentence that names nobody on the contact's side is about pay in the
// field ("How much do bar staff typically earn in this city?"): it speaks
// through the label's caution rule, as the model's flag does.
const AvoidRule* AvoidChecker::pay_in_general(const AvoidRule* rule) const {
    if (!rules_.learned_ || rule->severity != Severity::avoid || rule->label.empty() ||
        names_the_contact(*rules_.learned_, rule->label))
        return rule;
    const AvoidRule* milder = rules_.caution_rule_for_label(rule->label);
    return milder ? milder : rule;
}

namespace {
// The last sentence of a question of several ("Sorry to ask this. I know
// you're busy… Could you take me on?" -> " Could you take me on?"); empty for
// a single sentence. An ellipsis ends a sentence too.
std::string last_sentence(std::string_view question) {
    std::string text(question);
    for (std::size_t at = text.find("\u2026"); at != std::string::npos; at = text.find("\u2026", at))
        text.replace(at, 3, "...");
    const std::size_t end = text.find_last_not_of(" \t?!.");
    if (end == std::string::npos) return {};
    const std::size_t cut = std::string_view(text).substr(0, end).find_last_of(".?!:;");
    if (cut == std::string::npos) return {};
    return text.substr(cut + 1);
}
}  // namespace

// The learned layer's say (see avoid.h): at most one flag, for the likeliest
// category, on a question no rule recognized.
void AvoidChecker::add_model_flag(AvoidResult& result, std::string_view question) const {
    const LearnedLayer& layer = *rules_.learned_;
    const AvoidRule* rule = nullptr;
    float flagged = 0.F;   // every label with a rule
    float unflagged = 0.F; // "fine" (and any label no rule speaks for)
    float top = 0.F;       // the likeliest of the labels with a rule, on its own
    for (const auto& score : result.model_scores) {
        const AvoidRule* owner = rules_.rule_for_label(score.label);
        if (!owner) {
            unflagged += score.probability;
            continue;
        }
        flagged += score.probability;
        if (!rule) rule = owner, top = score.probability;  // scores come highest first
    }
    // How likely the question is not fine. With a softmax model both readings
    // are the same number; a one-vs-all model scores each label on its own, and
    // a question can be sure "fine" (0.99) while "referral" still reads 0.2 ("could
    // you refer me to anyone else in the field?"): both must agree.
    const float not_fine = std::min(flagged, std::max(0.F, 1.F - unflagged));
    // One category very sure while "fine" is sure too (a short job ask with
    // no job word can read job 1.00 and fine 0.98) is a torn reading: worth
    // a second look, never avoid.
    const bool torn = rule && top >= layer.category_caution_at && not_fine < layer.caution_at;
    if (!rule || (not_fine < layer.caution_at && !torn)) return;
    const auto& exceptions = rules_.compiled_[rule_index(rule)].exceptions;
    if (std::any_of(exceptions.begin(), exceptions.end(),
                    [&](const WordPattern& e) { return e.matches_anywhere(words_); }))
        return;
    // Pay in general (see LearnedLayer::contact_words) speaks through the
    // label's caution rule when there is one ("pay-field-range"): its reason,
    // suggestion and the user's choice fit, and it never gives avoid.
    const bool in_general = !names_the_contact(layer, rule->label);
    if (in_general)
        if (const AvoidRule* milder = rules_.caution_rule_for_label(rule->label)) rule = milder;
    const std::optional<Severity> allowed = severities_[rule_index(rule)];
    if (!allowed) return;  // the user switched this rule off

    // Avoid needs one category the model is sure of on its own: several weak
    // guesses that add up ("autonomy" a little like pay, a little like a job
    // ask) are doubt, not confidence, and stay caution. Unless the model is
    // sure the question is not fine at all (fine's own score near 0): then the
    // doubt is only which fault it is ("could you get me in for the role",
    // both a job ask and a push).
    //
    // The model averages every word, so a long apologetic opening dilutes an
    // ask made in the last sentence: that sentence alone may say it surely.
    // (It is scored as typed: slips are not mended there.)
    bool sure_of_fault = top >= layer.avoid_at_for(rule->label) || not_fine >= layer.not_fine_avoid_at;
    if (!sure_of_fault && layer.last_sentence_avoid_at <= 1.F) {
        const std::string last = last_sentence(question);
        sure_of_fault = !last.empty() &&
                        layer.classifier->probability(last, rule->label) >= layer.last_sentence_avoid_at;
    }
    const bool sure = !torn && !in_general && sure_of_fault && rule->severity == Severity::avoid;
    const Severity severity = sure && *allowed == Severity::avoid ? Severity::avoid : Severity::caution;
    result.flags.push_back({rule, severity, FlagSource::model, not_fine});
    if (severity == Severity::avoid) result.verdict = Verdict::avoid;
    else if (result.verdict == Verdict::ok) result.verdict = Verdict::caution;
}

AvoidResult AvoidChecker::explain(std::string_view question) {
    AvoidResult result = check(question);
    if (rules_.learned_ && result.model_scores.empty() && !words_.empty())
        result.model_scores = rules_.learned_->classifier->scores_of_words(read_as_);
    return result;
}

std::vector<AvoidResult> AvoidChecker::check_all(std::span<const std::string> questions) {
    std::vector<AvoidResult> results;
    results.reserve(questions.size());
    for (const auto& q : questions) results.push_back(check(q));
    return results;
}

// Tries only the patterns indexed under the question's words, each at most
// once; a rule is decided by its first matching pattern, then its exceptions.
void AvoidChecker::find_matching_rules(std::span<const WordId> words) {
    matched_.clear();
    if (++generation_ == 0) {  // wrapped around: forget every old mark
        std::fill(seen_.begin(), seen_.end(), 0);
        std::fill(tried_.begin(), tried_.end(), 0);
        generation_ = 1;
    }
    for (std::size_t position = 0; position < words.size(); ++position) {
        if (words[position] == kUnknownWord) continue;
        for (const auto& ref : rules_.index_[words[position]]) {
            if (seen_[ref.rule] == generation_ || tried_[ref.serial] == generation_ ||
                !severities_[ref.rule])
                continue;
            tried_[ref.serial] = generation_;
            const auto& compiled = rules_.compiled_[ref.rule];
            if (!compiled.patterns[ref.pattern].matches_anywhere(words)) continue;
            seen_[ref.rule] = generation_;
            const bool excepted =
                std::any_of(compiled.exceptions.begin(), compiled.exceptions.end(),
                            [&](const WordPattern& e) { return e.matches_anywhere(words); });
            if (!excepted) matched_.push_back(ref.rule);
        }
    }
    std::sort(matched_.begin(), matched_.end());
}

}  // namespace rapport
