// How fast the avoid check runs on one core, and how its cost grows with the
// number of rules; what the learned layer costs. Targets: at least 200,000
// questions per second per core with the model (rules alone: 500,000), the
// model loaded in under 50 ms, under 20 MB of memory for it.
//
//   build/bench/bench_avoid [seconds-per-case]
//
// The synthetic cases below run the rules alone, to show how the rule cost
// grows; the shipped cases run rules and model together, as the app does.
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
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>
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

// Typed in a hurry: slips the check mends ("slaire", "satge") beside words the
// model never saw that the spelling dictionary knows (left alone).
const std::vector<std::string> kFrenchSlips = {
    "Quel est vtre slaire ?",
    "Pouvez-vous me prendre en satge cet été ?",
    "Comment avez-vous réussi à entrer dans l'urbanisme à Liège ?",
    "Vous rercutez en ce mmoent ?",
    "Qu'est-ce qui vous plaît le plus dans votre métier d'ébéniste ?",
    "Pourriez-vous transmettre mon CV à votre resposnable ?",
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
    AvoidRuleSet rules = AvoidRuleSet::from_json(source, language);
    rules.use_classifier(nullptr);  // the rule cost alone
    return rules;
}

// CPU time of this thread, in seconds: "per core" even when other programs
// share the machine (wall time would count the time spent waiting for a core).
double thread_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Resident memory of this process, in bytes (Linux /proc/self/statm).
double resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    long pages_total = 0, pages_resident = 0;
    statm >> pages_total >> pages_resident;
    return static_cast<double>(pages_resident) * static_cast<double>(sysconf(_SC_PAGESIZE));
}

// Loads a fresh copy of a shipped model: time and the memory it adds.
void report_model_load(const char* name, Language language) {
    language::Classifier classifier(language::model_path(name), language);
    const double before = resident_bytes();
    const double start = thread_cpu_seconds();
    const auto wall_start = std::chrono::steady_clock::now();
    classifier.load();
    const double ms = (thread_cpu_seconds() - start) * 1000.0;
    const double wall_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall_start).count();
    std::printf("loading model %s: %.1f ms CPU (%.1f ms wall), %.1f MB more resident memory\n", name, ms, wall_ms,
                (resident_bytes() - before) / (1024.0 * 1024.0));
}

struct Measure {
    double per_second;
    double ns_per_question;
    long flagged;
};

Measure measure(AvoidChecker& checker, const std::vector<std::string>& questions, double seconds) {
    long checked = 0, flagged = 0;
    const double start = thread_cpu_seconds();
    while (thread_cpu_seconds() - start < seconds) {
        for (int round = 0; round < 64; ++round)
            for (const auto& q : questions) {
                flagged += checker.check(q).verdict != Verdict::ok;
                ++checked;
            }
    }
    const double elapsed = thread_cpu_seconds() - start;
    return {checked / elapsed, elapsed * 1e9 / checked, flagged};
}

void report(const char* label, std::size_t rules, const Measure& m) {
    std::printf("%-36s %6zu rules  %10.0f questions/s  %7.0f ns/question\n", label, rules,
                m.per_second, m.ns_per_question);
}

}  // namespace

int main(int argc, char** argv) {
    const double seconds = argc > 1 ? std::atof(argv[1]) : 1.0;
    std::printf("avoid check on one core (%.1f s of CPU time per case; load times are CPU time too)\n", seconds);
    // Loads first, on a fresh heap, so the memory figure is the model's own.
    report_model_load("avoid.en", Language::english);
    report_model_load("avoid.fr", Language::french);

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
    AvoidChecker english(load_avoid_rules(shipped_banks_dir(), Language::english));
    report("English, rules + model", english.rules().rules().size(),
           measure(english, kEnglish, seconds));
    // Good questions only: no rule matches, so every one goes through the model.
    std::vector<std::string> good;
    for (const auto& q : kEnglish)
        if (english.check(q).verdict == Verdict::ok) good.push_back(q);
    report("English good questions (all model)", english.rules().rules().size(),
           measure(english, good, seconds));
    AvoidChecker french(load_avoid_rules(shipped_banks_dir(), Language::french));
    report("French, rules + model (ICU path)", french.rules().rules().size(),
           measure(french, kFrench, seconds));
    report("French with slips (mended; dictionary)", french.rules().rules().size(),
           measure(french, kFrenchSlips, seconds));
    AvoidRuleSet french_rules_only = load_avoid_rules(shipped_banks_dir(), Language::french);
    french_rules_only.use_classifier(nullptr);
    AvoidChecker french_rules(std::move(french_rules_only));
    report("French, rules alone", french_rules.rules().rules().size(),
           measure(french_rules, kFrench, seconds));

    const auto load_start = std::chrono::steady_clock::now();
    const auto loaded = load_avoid_rules(shipped_banks_dir(), Language::english);
    const double load_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - load_start).count();
    std::printf("loading the English rule file: %.2f ms (%zu rules)\n", load_ms, loaded.rules().size());
    return 0;
}
