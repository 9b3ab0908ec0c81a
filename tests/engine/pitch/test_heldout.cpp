// Component recall and precision on whole pitches written after the models
// and rules were frozen (tests/data/pitches-heldout/README.md). Prints the
// figures per component and language, and holds floors on each language's
// pooled figures so a change that reads pitches worse fails here.
#include "engine/base/error.h"
#include "engine/pitch/analysis.h"
#include "engine/pitch/cues.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace rapport;
namespace fs = std::filesystem;

namespace {

constexpr double kRecallFloor = 0.80;
constexpr double kPrecisionFloor = 0.85;
// Asks (tests/data/asks-heldout/): a job ask must be caught, and an ask for an
// introduction must not be warned.
constexpr double kJobAskRecallFloor = 0.75;
constexpr double kJobAskPrecisionFloor = 0.80;
// The fresh set (tests/data/pitches-fresh/): set a little under the figures
// measured the first time these pitches were read (see its README).
struct FreshFloors {
    double recall_en, precision_en, recall_fr, precision_fr;
};
// Measured at 32a306a + the test: en recall 0.85 (73/86), precision 0.87 (73/84);
// fr recall 0.87 (39/45), precision 0.91 (39/43).
constexpr FreshFloors kFreshFloors{0.80, 0.82, 0.80, 0.85};
// The second fresh set (tests/data/pitches-fresh-2/), first reading at 5345f60 (models frozen,
// nothing tuned afterwards): en recall 0.84 (47/56), precision 0.87 (47/54); fr recall 0.89
// (32/36), precision 0.94 (32/34); asks all caught, none false.
constexpr FreshFloors kFresh2Floors{0.80, 0.82, 0.84, 0.88};
// The third fresh set (tests/data/pitches-fresh-3/), first reading at 9670553 (models and rules
// frozen, nothing tuned afterwards): en recall 0.77 (43/56), precision 0.93 (43/46); fr recall
// 0.92 (36/39), precision 1.00 (36/36); job asks en 2/3 caught (one said as a question about
// the service department taking on techs was missed), fr 1/1; introductions 4/4 and 3/3, none
// false.
constexpr FreshFloors kFresh3Floors{0.72, 0.88, 0.85, 0.92};
constexpr double kFresh3JobAskRecallFloor = 0.6;
// The fourth fresh set (tests/data/pitches-fresh-4/), written blind by an independent evaluator;
// first reading at e77de25 (models and rules frozen, nothing tuned afterwards): en recall 0.90
// (52/58), precision 0.90 (52/58); fr recall 0.88 (29/33), precision 0.97 (29/30); job asks en
// 3/4 caught with one introduction ask read as a job ask, fr 3/3; introductions fr 2/2.
constexpr FreshFloors kFresh4Floors{0.85, 0.85, 0.82, 0.90};
// Asks in the fresh pitches, measured: job asks en 4/4 caught, no false one;
// fr 2/2 caught, one false (a goal read as a job ask). Few asks, so loose floors.
constexpr double kFreshJobAskRecallFloor = 0.75;
constexpr double kFreshJobAskPrecisionFloor = 0.6;

struct HeldOutPitch {
    std::string name;
    std::string language;  // from the file name: en-01.txt, fr-03.txt
    std::set<PitchComponent> marked;
    std::string text;
    std::optional<std::string> ask;  // "job", "introduction" or "none", when the file says
};

// "# components: a, b, c", optionally "# asks: job|introduction|none", then the pitch.
HeldOutPitch read_pitch(const fs::path& file) {
    std::ifstream in(file);
    std::string first;
    std::getline(in, first);
    const std::string prefix = "# components:";
    if (!first.starts_with(prefix)) throw Error(file.string() + ":1: expected \"" + prefix + "\"");
    HeldOutPitch p{file.filename().string(), file.filename().string().substr(0, 2), {}, {}, {}};
    if (in.peek() == '#') {
        std::string second;
        std::getline(in, second);
        const std::string asks = "# asks: ";
        if (!second.starts_with(asks)) throw Error(file.string() + ":2: expected \"" + asks + "\"");
        p.ask = second.substr(asks.size());
        if (*p.ask != "job" && *p.ask != "introduction" && *p.ask != "none")
            throw Error(file.string() + ":2: unknown ask \"" + *p.ask + "\"");
    }
    std::stringstream names(first.substr(prefix.size()));
    for (std::string name; std::getline(names, name, ',');) {
        name.erase(0, name.find_first_not_of(' '));
        name.erase(name.find_last_not_of(' ') + 1);
        const auto c = component_from_name(name);
        if (!c) throw Error(file.string() + ":1: unknown component \"" + name + "\"");
        p.marked.insert(*c);
    }
    std::stringstream rest;
    rest << in.rdbuf();
    p.text = rest.str();
    return p;
}

std::vector<HeldOutPitch> read_all(const std::string& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(test::source_dir() / "tests/data" / folder))
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<HeldOutPitch> pitches;
    for (const fs::path& f : files) pitches.push_back(read_pitch(f));
    return pitches;
}

struct Counts {
    int true_positive = 0, false_positive = 0, false_negative = 0;
    double recall() const {
        return true_positive + false_negative ? double(true_positive) / (true_positive + false_negative) : 1;
    }
    double precision() const {
        return true_positive + false_positive ? double(true_positive) / (true_positive + false_positive) : 1;
    }
    void add(bool marked, bool found) {
        true_positive += marked && found;
        false_positive += !marked && found;
        false_negative += marked && !found;
    }
};

void print_row(const std::string& what, const Counts& c) {
    std::printf("  %-16s recall %.2f (%d/%d)  precision %.2f (%d/%d)\n", what.c_str(), c.recall(),
                c.true_positive, c.true_positive + c.false_negative, c.precision(), c.true_positive,
                c.true_positive + c.false_positive);
}

struct Floors {
    int pitches_en, pitches_fr;
    double recall_en, precision_en, recall_fr, precision_fr;
    double job_ask_recall = kFreshJobAskRecallFloor;
};

// Prints the figures per component, language and ask, and checks the pooled
// figures of each language against the floors.
void judge_pitches(const std::string& folder, const Floors& floors) {
    const std::vector<HeldOutPitch> pitches = read_all(folder);
    for (const std::string language : {"en", "fr"}) {
        CAPTURE(folder);
        CAPTURE(language);
        PitchAnalyzer analyzer(
            load_pitch_cues(pitch_cues_file(test::source_dir() / "question-banks", language)),
            shipped_pitch_models(language));
        std::map<PitchComponent, Counts> per_component;
        Counts pooled, pooled_with_maybe, job, introduction;
        int count = 0, with_ask = 0;
        for (const HeldOutPitch& p : pitches) {
            if (p.language != language) continue;
            ++count;
            const PitchAnalysis a = analyzer.analyze(p.text, {});
            for (PitchComponent c : kPitchComponents) {
                const bool marked = p.marked.contains(c);
                const ComponentStatus status = a.coverage(c).status;
                const bool found = status == ComponentStatus::present;
                per_component[c].add(marked, found);
                pooled.add(marked, found);
                pooled_with_maybe.add(marked, status != ComponentStatus::missing);
                if (marked != found)
                    std::printf("  %s: %s %s (%s, %.2f)\n", p.name.c_str(),
                                marked ? "missed" : "extra", std::string(component_name(c)).c_str(),
                                std::string(component_status_name(status)).c_str(),
                                a.coverage(c).confidence);
            }
            if (!p.ask) continue;
            ++with_ask;
            bool read_job = false, read_introduction = false;
            for (const PitchAsk& ask : a.asks)
                (ask.kind == AskKind::job ? read_job : read_introduction) = true;
            job.add(*p.ask == "job", read_job);
            introduction.add(*p.ask == "introduction", read_introduction);
            if (read_job != (*p.ask == "job") || read_introduction != (*p.ask == "introduction"))
                std::printf("  %s: ask %s, read as%s%s%s\n", p.name.c_str(), p.ask->c_str(),
                            read_job ? " job" : "", read_introduction ? " introduction" : "",
                            read_job || read_introduction ? "" : " none");
        }
        std::printf("%s, %s (%d pitches):\n", folder.c_str(), language.c_str(), count);
        for (PitchComponent c : kPitchComponents)
            print_row(std::string(component_name(c)), per_component[c]);
        print_row("all", pooled);
        print_row("all, maybe=found", pooled_with_maybe);
        if (with_ask > 0) {
            print_row("job ask", job);
            print_row("introduction ask", introduction);
        }
        if (with_ask > 0) {
            CHECK(job.recall() >= floors.job_ask_recall);
            CHECK(job.precision() >= kFreshJobAskPrecisionFloor);
        }
        const bool en = language == "en";
        CHECK(count >= (en ? floors.pitches_en : floors.pitches_fr));
        CHECK(pooled.recall() >= (en ? floors.recall_en : floors.recall_fr));
        CHECK(pooled.precision() >= (en ? floors.precision_en : floors.precision_fr));
    }
}

}  // namespace

TEST_CASE("held-out pitches: component recall and precision per component and language") {
    // Seen since the pitch2 round (its brief quoted the figures): kept as a regression check.
    judge_pitches("pitches-heldout", {12, 6, kRecallFloor, kPrecisionFloor, kRecallFloor, kPrecisionFloor});
}

TEST_CASE("fresh held-out pitches (written after the pitch2 freeze): components and asks") {
    judge_pitches("pitches-fresh", {20, 12, kFreshFloors.recall_en, kFreshFloors.precision_en,
                                    kFreshFloors.recall_fr, kFreshFloors.precision_fr});
}

TEST_CASE("fresh held-out pitches, second set (written after the pitch4 freeze): components and asks") {
    judge_pitches("pitches-fresh-2", {15, 10, kFresh2Floors.recall_en, kFresh2Floors.precision_en,
                                      kFresh2Floors.recall_fr, kFresh2Floors.precision_fr});
}

TEST_CASE("fresh held-out pitches, third set (written after the pitch5 freeze): components and asks") {
    judge_pitches("pitches-fresh-3", {14, 10, kFresh3Floors.recall_en, kFresh3Floors.precision_en,
                                      kFresh3Floors.recall_fr, kFresh3Floors.precision_fr,
                                      kFresh3JobAskRecallFloor});
}

TEST_CASE("fresh held-out pitches, fourth set (written blind by another author): components and asks") {
    judge_pitches("pitches-fresh-4", {14, 9, kFresh4Floors.recall_en, kFresh4Floors.precision_en,
                                      kFresh4Floors.recall_fr, kFresh4Floors.precision_fr});
}

TEST_CASE("held-out pitches written by the lead: components and asks") {
    // Read at e77de25: en recall 0.88 (22/25), precision 0.92 (22/24); fr 0.93 (14/15), 0.93.
    judge_pitches("pitches-lead", {8, 5, 0.80, 0.85, 0.85, 0.85});
}

TEST_CASE("held-out asks: job asks caught, introduction asks not warned, per language") {
    for (const std::string language : {"en", "fr"}) {
        CAPTURE(language);
        PitchAnalyzer analyzer(
            load_pitch_cues(pitch_cues_file(test::source_dir() / "question-banks", language)),
            shipped_pitch_models(language));
        std::ifstream in(test::source_dir() / "tests/data/asks-heldout" / ("asks." + language + ".tsv"));
        Counts job, introduction;
        int lines = 0;
        for (std::string line; std::getline(in, line);) {
            if (line.empty() || line.starts_with('#')) continue;
            const std::size_t tab = line.find('\t');
            REQUIRE(tab != std::string::npos);
            const std::string kind = line.substr(0, tab), sentence = line.substr(tab + 1);
            const PitchAnalysis a = analyzer.analyze(sentence, {});
            const std::string read = a.asks.empty() ? "none" : std::string(ask_kind_name(a.asks[0].kind));
            job.add(kind == "job", read == "job");
            introduction.add(kind == "introduction", read == "introduction");
            if (read != kind) std::printf("  %s: \"%s\" read as %s\n", kind.c_str(), sentence.c_str(), read.c_str());
            ++lines;
        }
        std::printf("Held-out asks, %s (%d sentences):\n", language.c_str(), lines);
        print_row("job ask", job);
        print_row("introduction", introduction);
        CHECK(job.recall() >= kJobAskRecallFloor);
        CHECK(job.precision() >= kJobAskPrecisionFloor);
    }
}
