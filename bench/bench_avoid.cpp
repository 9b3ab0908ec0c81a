// How fast the avoid check runs on one core, and how its cost grows with the
// number of rules. Target: at least 500,000 short questions per second.
//
//   build/bench/bench_avoid [seconds-per-case]
//
// Two kinds of synthetic rules show how the cost grows with the rule count:
//  - "rare word": each pattern starts with a common word (what, how, your...)
//    but needs one word no question has; the index files it under that word,
//    so it is never tried;
//  - "common words only": every word of the pattern is common, so questions
//    do try it and it fails late: the worst case, which grows linearly.
#include "engine/questions/avoid.h"
#include "engine/base/json_source.h"
#include "engine/base/paths.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace rapport;

namespace {

const std::vector<std::string> kEnglish = {
    "What does a typical day look like for you?",
    "How has your job changed since you started?",
    "What's the best way to apply for roles in this field?",
    "What does a job like yours pay?",
    "Any openings on your team?",
    "What does your company sell?",
    "Which skills pay off most in your work?",
    "Could you pass my resume to your boss?",
    "Who else do you think I should talk to?",
    "Do you like your job?",
    "What trends are changing the industry right now?",
    "How much time do you spend in meetings?",
    "What advice would you give someone starting out?",
    "Are you hiring?",
    "What is the typical starting salary in this field?",
    "Which professional associations would you recommend?",
};

const std::vector<std::string> kFrench = {
    "Comment votre travail a-t-il changé depuis vos débuts ?",
    "Quel est votre salaire ?",
    "Y a-t-il des postes ouverts dans votre équipe ?",
    "Que fait votre entreprise ?",
    "Qu'est-ce qui vous plaît le plus dans votre métier ?",
    "Pourriez-vous transmettre mon CV à votre responsable ?",
    "Quelles tendances transforment le secteur en ce moment ?",
    "Accepteriez-vous de relire mon CV et de me dire ce qui manque ?",
};

// Shipped rules plus extra synthetic ones, as one rule file.
AvoidRuleSet rules_with_synthetic(Language language, int extra, bool common_words_only) {
    const auto path = avoid_rules_path(shipped_banks_dir(), language);
    JsonSource source = load_json_source(path);
    const char* anchors[] = {"what", "how", "your", "you", "do", "is", "the", "in", "this", "of"};
    for (int i = 0; i < extra; ++i) {
        const std::string anchor = anchors[i % 10];
        const std::string other = anchors[(i / 10 + 3) % 10];
        const std::string rare =
            common_words_only ? std::string(anchors[(i + 7) % 10]) + " $" : "zzsynth" + std::to_string(i);
        source.root["rules"].push_back({
            {"id", "synthetic-" + std::to_string(i)},
            {"category", "synthetic"},
            {"severity", "caution"},
            {"reason", "A synthetic rule for the benchmark."},
            {"patterns", {anchor + " * " + rare, anchor + " " + other + "? *3 " + rare}},
            {"suggestions", {"Synthetic suggestion?"}},
        });
    }
    return AvoidRuleSet::from_json(source, language);
}

struct Measure {
    double per_second;
    double ns_per_question;
    long flagged;
};

Measure measure(AvoidChecker& checker, const std::vector<std::string>& questions, double seconds) {
    using clock = std::chrono::steady_clock;
    long checked = 0, flagged = 0;
    const auto start = clock::now();
    const auto deadline = start + std::chrono::duration<double>(seconds);
    while (clock::now() < deadline) {
        for (int round = 0; round < 64; ++round)
            for (const auto& q : questions) {
                flagged += checker.check(q).verdict != Verdict::ok;
                ++checked;
            }
    }
    const double elapsed = std::chrono::duration<double>(clock::now() - start).count();
    return {checked / elapsed, elapsed * 1e9 / checked, flagged};
}

void report(const char* label, std::size_t rules, const Measure& m) {
    std::printf("%-34s %6zu rules  %10.0f questions/s  %7.0f ns/question\n", label, rules,
                m.per_second, m.ns_per_question);
}

}  // namespace

int main(int argc, char** argv) {
    const double seconds = argc > 1 ? std::atof(argv[1]) : 1.0;
    std::printf("avoid check on one core (%.1f s per case)\n", seconds);

    const auto base = load_avoid_rules(shipped_banks_dir(), Language::english).rules().size();
    for (bool common_words_only : {false, true}) {
        for (int multiplier : {1, 10, 100, 1000}) {
            const int extra = static_cast<int>(base) * (multiplier - 1);
            AvoidChecker checker(rules_with_synthetic(Language::english, extra, common_words_only));
            const std::string label = std::string("English x") + std::to_string(multiplier) +
                                      (common_words_only ? " (common words only)" : " (rare word)");
            report(label.c_str(), checker.rules().rules().size(), measure(checker, kEnglish, seconds));
        }
    }
    AvoidChecker french(load_avoid_rules(shipped_banks_dir(), Language::french));
    report("French (accents: ICU path)", french.rules().rules().size(),
           measure(french, kFrench, seconds));

    const auto load_start = std::chrono::steady_clock::now();
    const auto loaded = load_avoid_rules(shipped_banks_dir(), Language::english);
    const double load_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - load_start).count();
    std::printf("loading the English rule file: %.2f ms (%zu rules)\n", load_ms, loaded.rules().size());
    return 0;
}
