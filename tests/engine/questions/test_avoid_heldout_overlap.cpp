// The held-out splits of the avoid check (tests/data/avoid-heldout*.<lang>.tsv)
// are only worth their figures if the trainer never saw their questions. A
// question copied into the training file, or kept there with a comma moved,
// makes a split read better than the world (it happened twice by hand). So:
//   - no held-out question may equal a training question once both are
//     lower-cased with punctuation and spaces folded (accents are kept: "a"
//     and "à" are different words to a reader);
//   - no held-out question may be a near-copy of one: 90 % or more of their
//     character trigrams shared (Jaccard), which catches a swapped word, a
//     dropped "could", a reordered clause.
// Every offender is listed with its file and line, so it can be reworded.
#include "engine/base/text.h"
#include "engine/questions/text_similarity.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

using namespace rapport;
namespace fs = std::filesystem;

namespace {

constexpr double kNearCopy = 0.9;

// Lower case, accents kept, every run of punctuation or space one space.
std::string normalized(const std::string& text) {
    icu::UnicodeString folded = icu::UnicodeString::fromUTF8(text);
    folded.toLower();
    icu::UnicodeString kept;
    bool gap = false;
    for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
        const UChar32 c = folded.char32At(i);
        if (u_isalnum(c)) {
            if (gap && !kept.isEmpty()) kept.append(static_cast<UChar>(' '));
            kept.append(c);
            gap = false;
        } else {
            gap = true;
        }
    }
    std::string out;
    kept.toUTF8String(out);
    return out;
}

double jaccard(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    const std::size_t common = shared_count(a, b);
    const std::size_t either = a.size() + b.size() - common;
    return either == 0 ? 1.0 : static_cast<double>(common) / static_cast<double>(either);
}

struct Line {
    int number = 0;
    std::string text;        // as written
    std::string normalized;  // normalized()
};

// The question of every label<TAB>question line (blank and # lines skipped).
std::vector<Line> questions_of(const fs::path& file) {
    std::istringstream in(test::read_file(file));
    std::vector<Line> lines;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty() || line[0] == '#') continue;
        const auto tab = line.find('\t');
        REQUIRE_MESSAGE(tab != std::string::npos, file.string() << ":" << number << ": needs label<TAB>question");
        std::string text = line.substr(tab + 1);
        lines.push_back({number, text, normalized(text)});
    }
    return lines;
}

std::vector<fs::path> heldout_files(const std::string& lang) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(test::source_dir() / "tests" / "data")) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with("avoid-heldout") && name.ends_with("." + lang + ".tsv")) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("avoid held-out overlap: normalization folds case, punctuation and spaces, keeps accents") {
    CHECK(normalized("  What's   the PAY, roughly?? ") == "what s the pay roughly");
    CHECK(normalized("Ça rapporte combien ?") == "ça rapporte combien");
    CHECK(normalized("ça rapporte combien") != normalized("ca rapporte combien"));
    CHECK(jaccard(character_trigrams("abc"), character_trigrams("abc")) == 1.0);
    CHECK(jaccard(character_trigrams(normalized("Could you share my profile with the people hiring?")),
                  character_trigrams(normalized("Would you share my profile with the people hiring?"))) >= kNearCopy);
    CHECK(jaccard(character_trigrams(normalized("How much autonomy do people at your level get?")),
                  character_trigrams(normalized("How much do people at your level earn?"))) < kNearCopy);
}

TEST_CASE("avoid held-out splits share no question with the training data, word for word or nearly") {
    for (const std::string lang : {"en", "fr"}) {
        CAPTURE(lang);
        const fs::path training = test::source_dir() / "question-banks" / "training" / ("avoid." + lang + ".tsv");
        const std::vector<Line> trained = questions_of(training);
        std::unordered_set<std::string> exact;
        std::vector<std::vector<std::uint32_t>> trained_grams;
        for (const Line& t : trained) {
            exact.insert(t.normalized);
            trained_grams.push_back(character_trigrams(t.normalized));
        }
        const auto files = heldout_files(lang);
        REQUIRE(files.size() >= 3);
        int offenders = 0;
        for (const fs::path& file : files) {
            for (const Line& h : questions_of(file)) {
                if (exact.count(h.normalized)) {
                    ++offenders;
                    MESSAGE(file.filename().string() << ":" << h.number << ": in the training file: " << h.text);
                    continue;
                }
                const auto grams = character_trigrams(h.normalized);
                for (std::size_t i = 0; i < trained.size(); ++i) {
                    const double similarity = jaccard(grams, trained_grams[i]);
                    if (similarity < kNearCopy) continue;
                    ++offenders;
                    MESSAGE(file.filename().string() << ":" << h.number << ": near-copy (" << similarity
                            << ") of " << training.filename().string() << ":" << trained[i].number << ": "
                            << h.text);
                    break;
                }
            }
        }
        CHECK(offenders == 0);
    }
}
