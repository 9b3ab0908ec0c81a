// Reading and resampling audio, the script language model and the spelling
// fallback of the recogniser: the pieces under the spoken-pitch report.
#include "engine/audio/audio_clip.h"
#include "engine/audio/script_language_model.h"
#include "engine/audio/speech_recognizer.h"
#include "engine/audio/voice_activity.h"
#include "engine/base/error.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <numbers>
#include <sstream>

using namespace rapport;

namespace {

std::vector<float> sine(double hz, int rate, double seconds, double amplitude = 0.5) {
    std::vector<float> out(static_cast<std::size_t>(rate * seconds));
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<float>(amplitude * std::sin(2 * std::numbers::pi * hz * double(i) / rate));
    return out;
}

double rms(std::span<const float> s) {
    double e = 0;
    for (float x : s) e += double(x) * x;
    return std::sqrt(e / double(s.size()));
}

int rising_zero_crossings(std::span<const float> s) {
    int n = 0;
    for (std::size_t i = 1; i < s.size(); ++i) n += s[i - 1] < 0 && s[i] >= 0;
    return n;
}

}  // namespace

TEST_CASE("resampling to 16 kHz keeps a tone's pitch and level and removes what 16 kHz cannot hold") {
    for (int rate : {22050, 44100, 48000, 8000}) {
        INFO(rate);
        const auto out = resample_to(sine(440, rate, 1.0), rate, 16000);
        CHECK(out.size() == 16000);
        const std::span<const float> middle(out.data() + 2000, 12000);  // away from the edges
        CHECK(rms(middle) == doctest::Approx(0.5 / std::sqrt(2)).epsilon(0.02));
        CHECK(std::abs(rising_zero_crossings(middle) - 330) <= 1);  // 440 Hz over 0.75 s
    }
    // 12 kHz does not exist at 16 kHz: it must not fold back as a 4 kHz tone.
    const auto folded = resample_to(sine(12000, 48000, 1.0), 48000, 16000);
    CHECK(rms(std::span<const float>(folded.data() + 2000, 12000)) < 0.01);
}

TEST_CASE("an unreadable or empty audio file is an error that names the file") {
    rapport::test::TempDir tmp;
    rapport::test::write_file(tmp / "notes.wav", "this is not audio");
    try {
        read_audio_file(tmp / "notes.wav");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find((tmp / "notes.wav").string()) != std::string::npos);
    }
    CHECK_THROWS_AS(read_audio_file(tmp / "missing.flac"), Error);
}

TEST_CASE("a written recording reads back at 16 kHz, private to its owner") {
    rapport::test::TempDir tmp;
    const AudioClip clip{sine(300, 16000, 0.5), 16000};
    write_wav_file(tmp / "take.wav", clip);
    CHECK(rapport::test::permissions_of(tmp / "take.wav") ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    const AudioClip back = read_audio_file(tmp / "take.wav");
    REQUIRE(back.samples.size() == clip.samples.size());
    CHECK(back.samples[1234] == doctest::Approx(clip.samples[1234]).epsilon(0.001));
}

TEST_CASE("voice activity ignores steady noise and finds a tone burst with its pause") {
    // Noise at -40 dBFS, a 1 s tone, 0.7 s of noise, 1 s of tone, noise.
    std::vector<float> s;
    std::uint32_t seed = 12345;
    auto noise = [&](double seconds) {
        for (int i = 0; i < int(seconds * 16000); ++i) {
            seed = seed * 1664525u + 1013904223u;
            s.push_back(0.017f * (float(seed >> 8) / float(1 << 24) * 2 - 1));
        }
    };
    auto tone = [&](double seconds) {
        const auto t = sine(200, 16000, seconds, 0.3);
        s.insert(s.end(), t.begin(), t.end());
    };
    noise(1.0);
    tone(1.0);
    noise(0.7);
    tone(1.0);
    noise(1.0);
    const VoiceActivity v = detect_voice_activity(AudioClip{s, 16000});
    REQUIRE(v.any_speech);
    CHECK(v.speech_start == doctest::Approx(1.0).epsilon(0.02));
    CHECK(v.speech_end == doctest::Approx(3.7).epsilon(0.02));
    REQUIRE(v.pauses.size() == 1);
    CHECK(v.pauses[0].start == doctest::Approx(2.0).epsilon(0.02));
    CHECK(v.pauses[0].seconds() == doctest::Approx(0.7).epsilon(0.05));
}

TEST_CASE("speech without a pause is cut for the recogniser at its quiet moments, short gaps are joined") {
    // 22 s of tone with softer dips (-6 dB for 0.1 s) at 7 s and 15 s, then a
    // 0.2 s silence (joined: shorter than kJoinGapSeconds) and 2 s more tone.
    std::vector<float> s;
    auto tone = [&](double seconds, double amplitude) {
        const auto t = sine(220, 16000, seconds, amplitude);
        s.insert(s.end(), t.begin(), t.end());
    };
    tone(0.5, 0.0);
    tone(6.5, 0.3);
    tone(0.1, 0.15);  // 7.0-7.1 s: half as loud, still voiced
    tone(7.9, 0.3);
    tone(0.1, 0.15);  // 15.0-15.1 s
    tone(7.4, 0.3);
    tone(0.2, 0.0);   // 22.5-22.7 s
    tone(2.0, 0.3);
    tone(0.5, 0.0);
    const VoiceActivity v = detect_voice_activity(AudioClip{s, 16000});
    REQUIRE(v.pauses.empty());
    CHECK(voiced_spans(v, 0).size() == 2);

    const std::vector<Pause> pieces = utterance_spans(v);
    REQUIRE(pieces.size() == 3);
    CHECK(pieces[0].start == doctest::Approx(0.5).epsilon(0.02));
    CHECK(pieces[0].end == doctest::Approx(7.05).epsilon(0.01));  // the middle of the first dip
    CHECK(pieces[1].start == pieces[0].end);                       // nothing lost at a cut
    CHECK(pieces[1].end == doctest::Approx(15.05).epsilon(0.01));
    CHECK(pieces[2].start == pieces[1].end);
    CHECK(pieces[2].end == doctest::Approx(24.7).epsilon(0.01));   // over the short silence
    for (const Pause& p : pieces) CHECK(p.seconds() <= kLongestUtteranceSeconds + 1e-9);
}

TEST_CASE("the script language model is well-formed ARPA with the fillers and a way out") {
    const std::string arpa = build_script_language_model({{"i", "studied", "chemistry"}, {"i", "like", "data"}});
    std::istringstream in(arpa);
    std::string line;
    std::map<int, int> declared, listed;
    int order = 0;
    while (std::getline(in, line)) {
        if (line.rfind("ngram ", 0) == 0) declared[line[6] - '0'] = std::stoi(line.substr(8));
        else if (line.size() == 9 && line.find("-grams:") == 2) order = line[1] - '0';
        else if (!line.empty() && line[0] != '\\' && order > 0) ++listed[order];
    }
    CHECK(declared == listed);
    CHECK(arpa.find(" um") != std::string::npos);
    CHECK(arpa.find(" uh") != std::string::npos);
    CHECK(arpa.find(" the") != std::string::npos);  // an escape word, not in the script
    CHECK(arpa.find("studied chemistry") != std::string::npos);
}

TEST_CASE("words the dictionary lacks get a pronunciation; words without letters are left out") {
    CHECK(dictionary_spelling("Quellbrook’s") == "quellbrook's");
    CHECK(dictionary_spelling("2024").empty());
    CHECK(spelling_to_phones("quellbrook") == "K W EH L B R UW K");
    CHECK(spelling_to_phones("Zhao") == "Z HH AE AA");
}
