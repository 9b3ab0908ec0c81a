// rapport-avoid-cv: grouped cross-validation of the whole avoid check (rules
// first, then a model trained on the other folds), to choose model settings
// and thresholds without looking at any test file.
//
// Variants of one question (an opener, a typo, no accents) would make plain
// cross-validation look far better than the world: the model would be tested
// on sentences it saw with one word changed. So examples are first joined into
// groups: two examples share a group when most of their character trigrams
// are shared (see overlap()). Whole groups go to one fold.
//
//   rapport-avoid-cv --lang fr --caution 0.5,0.6,0.7 --avoid 0.9,0.95
//       question-banks/training/avoid.fr.tsv
//
// Prints, for every pair of thresholds, recall of `avoid` on the avoid
// categories, the share flagged at least `caution`, and `avoid` / `caution`
// on good questions; then the label x verdict table at --report thresholds.
#include "engine/base/error.h"
#include "engine/base/paths.h"
#include "engine/language/classifier.h"
#include "engine/questions/avoid.h"
#include "engine/questions/text_similarity.h"
#include "tools/training_options.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <numeric>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace rapport;

namespace {

const std::vector<std::string> kLabels = {"fine", "pay", "job-request", "referral-pressure",
                                          "researchable", "premature-ask"};

bool should_avoid(const std::string& label) {
    return label == "pay" || label == "job-request" || label == "referral-pressure" ||
           label == "researchable";
}

// Shared trigrams over the larger set's size: an opener or a typo keeps two
// variants above 0.6; two different questions sharing a few words stay well
// below (measuring over the smaller set chained short questions into
// everything).
double overlap(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    const std::size_t common = shared_count(a, b);
    const std::size_t larger = std::max(a.size(), b.size());
    return larger == 0 ? 1.0 : static_cast<double>(common) / static_cast<double>(larger);
}

// The clauses of a text (split at . , ? ! : ;), each as the model sees it.
std::vector<std::string> clauses(const std::string& text, Language language) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && std::string_view(".,?!:;").find(text[i]) == std::string_view::npos) continue;
        std::string clause = language::classifier_input(std::string_view(text).substr(start, i - start), language);
        if (!clause.empty()) out.push_back(std::move(clause));
        start = i + 1;
    }
    return out;
}

// The text without its stock phrases: clauses found in many examples ("just
// curious", "sorry if that's too direct") are openers and closers, and would
// otherwise join every short question that wears them into one group.
std::vector<std::string> without_stock_phrases(const std::vector<language::Example>& examples,
                                               Language language) {
    std::vector<std::vector<std::string>> split;
    std::map<std::string, int> seen;
    for (const auto& e : examples) {
        split.push_back(clauses(e.text, language));
        for (const auto& c : split.back()) ++seen[c];
    }
    std::vector<std::string> cores;
    for (std::size_t i = 0; i < examples.size(); ++i) {
        std::string core;
        for (const auto& c : split[i])
            if (seen[c] < 8) core += (core.empty() ? "" : " ") + c;
        cores.push_back(core.empty() ? language::classifier_input(examples[i].text, language) : core);
    }
    return cores;
}

// Group number per example (union-find over near-duplicates).
std::vector<std::size_t> group_variants(const std::vector<language::Example>& examples,
                                        Language language, double similar) {
    std::vector<std::vector<std::uint32_t>> grams;
    for (const auto& core : without_stock_phrases(examples, language)) grams.push_back(character_trigrams(core));
    std::vector<std::size_t> parent(examples.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto root = [&](std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    };
    for (std::size_t i = 0; i < examples.size(); ++i)
        for (std::size_t j = i + 1; j < examples.size(); ++j)
            if (overlap(grams[i], grams[j]) >= similar) parent[root(i)] = root(j);
    std::vector<std::size_t> group(examples.size());
    for (std::size_t i = 0; i < examples.size(); ++i) group[i] = root(i);
    return group;
}

using Counts = std::array<int, 3>;  // by Verdict

struct Outcome {
    std::string label;
    std::string text;
    Verdict verdict = Verdict::ok;
    // What raised the first flag: source "rule" or "model" ("none" without a
    // flag), the rule's id or the model's category, and for a model flag the
    // category's own score and the probability of "not fine".
    std::string source = "none";
    std::string category;
    float own = 0.F;
    float not_fine = 0.F;
    float fine = 0.F;  // the model's probability of "fine", whatever raised the flag
};

// From explain()'s result, which carries the model's scores whatever decided.
Outcome outcome_of(const language::Example& example, const AvoidResult& result) {
    Outcome o;
    o.label = example.labels.front();
    o.text = example.text;
    o.verdict = result.verdict;
    for (const auto& score : result.model_scores)
        if (score.label == "fine") o.fine = score.probability;
    if (result.flags.empty()) return o;
    const AvoidFlag& flag = result.flags.front();
    if (flag.source == FlagSource::rule) {
        o.source = "rule";
        o.category = flag.rule->id;
        return o;
    }
    o.source = "model";
    o.category = flag.rule->label;
    o.not_fine = flag.probability;
    for (const auto& score : result.model_scores)
        if (score.label == flag.rule->label) o.own = score.probability;
    return o;
}

// For --misses: "rule <id>" or "model <category> <its score>, not fine <p>".
std::string why_of(const Outcome& o) {
    if (o.source != "model") return o.source == "rule" ? "rule " + o.category : std::string();
    char figures[48];
    std::snprintf(figures, sizeof figures, " %.2f, not fine %.2f", static_cast<double>(o.own),
                  static_cast<double>(o.not_fine));
    return "model " + o.category + figures;
}

struct Figures {
    double recall = 0, flagged = 0, false_avoid = 0, fine_caution = 0, premature_flagged = 0;
    int false_avoid_count = 0, fine_total = 0;
};

double share(int part, int whole) { return whole == 0 ? 0.0 : static_cast<double>(part) / whole; }

std::map<std::string, Counts> table_of(const std::vector<Outcome>& outcomes) {
    std::map<std::string, Counts> table;
    for (const auto& o : outcomes) ++table[o.label][static_cast<std::size_t>(o.verdict)];
    return table;
}

Figures figures_of(const std::vector<Outcome>& outcomes) {
    Figures f;
    int bad = 0, avoided = 0, flagged = 0;
    for (const auto& [label, c] : table_of(outcomes)) {
        const int total = c[0] + c[1] + c[2];
        if (should_avoid(label)) bad += total, avoided += c[2], flagged += c[1] + c[2];
        if (label == "fine") {
            f.fine_total = total;
            f.false_avoid_count = c[2];
            f.false_avoid = share(c[2], total);
            f.fine_caution = share(c[1], total);
        }
        if (label == "premature-ask") f.premature_flagged = share(c[1] + c[2], total);
    }
    f.recall = share(avoided, bad);
    f.flagged = share(flagged, bad);
    return f;
}

// The model settings that ship for the language (tools/CMakeLists.txt passes
// them as trainer flags), with any training flag given here on top.
language::TrainingOptions shipped_settings(Language language, int argc, char** argv) {
    language::TrainingOptions options;
    CLI::App shipped;
    tools::add_training_options(shipped, options);
    shipped.parse(language == Language::english ? RAPPORT_AVOID_SETTINGS_EN : RAPPORT_AVOID_SETTINGS_FR, false);
    CLI::App by_hand;
    by_hand.allow_extras();
    tools::add_training_options(by_hand, options);
    by_hand.parse(argc, argv);
    options.language = language;
    if (options.openings.empty())
        options.openings = shipped_banks_dir() / "training" / ("openings." + std::string(language_code(language)) + ".txt");
    return options;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Grouped cross-validation of the avoid check (rules + learned model)"};
    std::string lang = "en", data, work = (fs::temp_directory_path() / "rapport-avoid-cv").string();
    language::TrainingOptions given;  // for --help and checking; see shipped_settings()
    int folds = 5;
    double similar = 0.6;
    std::vector<float> cautions = {0.05F, 0.1F, 0.15F, 0.2F}, avoids = {0.6F, 0.65F, 0.7F, 0.75F, 0.8F};
    std::vector<float> report;  // caution, avoid
    bool list_misses = false, show_groups = false, stable_folds = false;
    std::string dump;
    app.add_option("--lang", lang, "en or fr");
    app.add_option("--folds", folds);
    app.add_option("--similar", similar, "trigram containment that makes two examples one group");
    // A list takes every value after it: put the training file first, or after "--".
    app.add_option("--caution", cautions)->delimiter(',');
    app.add_option("--avoid", avoids)->delimiter(',');
    app.add_option("--report", report, "caution,avoid thresholds for the table (default: the rule file's)")
        ->delimiter(',')
        ->expected(2);
    app.add_flag("--misses", list_misses, "list the misses and false flags at --report thresholds");
    app.add_flag("--groups", show_groups, "print the groups of more than one example");
    app.add_flag("--stable-folds", stable_folds, "deal groups to folds by a hash of their first line");
    app.add_option("--dump", dump, "write every held-out outcome at --report thresholds to this TSV "
                                   "(label, verdict, flag source, category, the category's score, "
                                   "the probability of not fine, of fine, text)");
    app.add_option("--work", work, "folder for the fold models");
    tools::add_training_options(app, given);
    app.add_option("data", data, "the training file")->required();
    CLI11_PARSE(app, argc, argv);
    try {
        const auto language = language_from_code(lang);
        if (!language) throw Error("--lang: unknown language '" + lang + "'");
        const language::TrainingOptions options = shipped_settings(*language, argc, argv);
        const auto examples = language::read_examples(data, kLabels);
        const auto group = group_variants(examples, *language, similar);

        std::map<std::size_t, int> group_sizes;
        for (auto g : group) ++group_sizes[g];
        int largest = 0;
        for (const auto& [g, n] : group_sizes) largest = std::max(largest, n);
        std::printf("%zu examples in %zu groups (largest %d)\n", examples.size(), group_sizes.size(),
                    largest);
        if (show_groups)
            for (std::size_t i = 0; i < examples.size(); ++i)
                if (group_sizes[group[i]] > 1)
                    std::printf("  group %zu: %s\n", group[i], examples[i].text.c_str());

        // Folds: groups in order of first appearance, dealt round-robin; or,
        // with --stable-folds, by a hash of the group's first line, so that a
        // change merging two groups elsewhere (another tokenizer, new lines at
        // the end) leaves every other group in its fold.
        std::map<std::size_t, int> fold_of_group;
        for (std::size_t i = 0; i < group.size(); ++i) {
            if (fold_of_group.count(group[i])) continue;
            const auto first_line = static_cast<std::uint64_t>(examples[i].line);
            const int fold = stable_folds ? static_cast<int>((first_line * 2654435761ULL >> 7) % static_cast<std::uint64_t>(folds))
                                          : static_cast<int>(fold_of_group.size()) % folds;
            fold_of_group.emplace(group[i], fold);
        }

        const AvoidRuleSet rules = load_avoid_rules(shipped_banks_dir(), *language);
        if (report.empty()) report = {rules.learned()->caution_at, rules.learned()->avoid_at};
        fs::create_directories(work);

        // Per threshold pair, the outcome of every example when held out.
        std::map<std::pair<float, float>, std::vector<Outcome>> outcomes;
        std::vector<std::pair<float, float>> pairs;
        for (float c : cautions)
            for (float a : avoids)
                if (c <= a) pairs.emplace_back(c, a);
        if (std::find(pairs.begin(), pairs.end(), std::pair{report[0], report[1]}) == pairs.end())
            pairs.emplace_back(report[0], report[1]);
        for (int fold = 0; fold < folds; ++fold) {
            std::vector<language::Example> train, test;
            for (std::size_t i = 0; i < examples.size(); ++i)
                (fold_of_group[group[i]] == fold ? test : train).push_back(examples[i]);
            const fs::path model = fs::path(work) / (lang + "-fold" + std::to_string(fold) + ".ftz");
            language::train_model(train, model, options);
            auto classifier = std::make_shared<const language::Classifier>(model, *language);
            for (const auto& [c, a] : pairs) {
                AvoidRuleSet fold_rules = rules;
                fold_rules.use_classifier(classifier);
                fold_rules.set_thresholds(c, a);
                AvoidChecker checker(std::move(fold_rules));
                auto& out = outcomes[{c, a}];
                for (const auto& e : test) {
                    out.push_back(outcome_of(e, checker.explain(e.text)));
                }
            }
        }

        std::printf("caution_at avoid_at  recall  flagged  false-avoid  fine-caution  premature-flagged\n");
        for (const auto& [key, out] : outcomes) {
            const Figures f = figures_of(out);
            std::printf("  %.2f      %.2f     %.3f   %.3f    %.4f (%d/%d)  %.3f         %.3f\n", key.first,
                        key.second, f.recall, f.flagged, f.false_avoid, f.false_avoid_count, f.fine_total,
                        f.fine_caution, f.premature_flagged);
        }
        const auto& chosen = outcomes[{report[0], report[1]}];
        std::printf("\nat caution %.2f, avoid %.2f: label x verdict\n", report[0], report[1]);
        std::printf("  %-18s %5s %8s %6s\n", "label", "ok", "caution", "avoid");
        for (const auto& [label, c] : table_of(chosen))
            std::printf("  %-18s %5d %8d %6d   avoid %.2f, flagged %.2f\n", label.c_str(), c[0], c[1], c[2],
                        share(c[2], c[0] + c[1] + c[2]), share(c[1] + c[2], c[0] + c[1] + c[2]));
        if (!dump.empty()) {
            std::ofstream file(dump);
            for (const auto& o : chosen)
                file << o.label << '\t' << verdict_name(o.verdict) << '\t' << o.source << '\t' << o.category
                     << '\t' << o.own << '\t' << o.not_fine << '\t' << o.fine << '\t' << o.text << '\n';
        }
        if (list_misses)
            for (const auto& o : chosen) {
                if (!((should_avoid(o.label) && o.verdict != Verdict::avoid) ||
                      (o.label == "fine" && o.verdict != Verdict::ok)))
                    continue;
                const std::string why = why_of(o);
                std::printf("  %-8s %-18s %s%s%s%s\n", std::string(verdict_name(o.verdict)).c_str(),
                            o.label.c_str(), o.text.c_str(), why.empty() ? "" : "  [", why.c_str(),
                            why.empty() ? "" : "]");
            }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "rapport-avoid-cv: " << e.what() << '\n';
        return 2;
    }
}
