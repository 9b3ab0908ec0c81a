// The Record mode's model: a microphone that cannot be opened is a message
// and nothing else; a take analysed on the worker thread is logged with its
// report, and its audio is kept only when the user asked.
#include "gui/models/recording_model.h"

#include "engine/pitch/spoken_store.h"
#include "engine/pitch/store.h"
#include "tests/support/null_audio_device.h"
#include "tests/support/spoken_audio.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

using namespace rapport;
using rapport::gui::RecordingModel;
using rapport::gui::TakeSetup;
using rapport::test::NullAudioDevice;
using rapport::test::TempDir;

TEST_CASE("recording without a usable microphone says so and changes nothing") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    RecordingModel m(&db, MicrophoneOptions{"no-such-microphone-anywhere", 16000});
    CHECK(!m.start(TakeSetup{}));
    CHECK(m.state() == RecordingModel::State::idle);
    CHECK(m.error().find("No microphone") != std::string::npos);
    CHECK(list_pitch_attempts(db).empty());
}

TEST_CASE("a take is analysed off the UI thread, then logged with its report and waveform") {
    REQUIRE(rapport::test::speech_tools_available());
    TempDir tmp;
    rapport::test::TakePlan plan;
    plan.sentences = {rapport::test::sample_sentences()[2]};
    const auto take = rapport::test::make_take(tmp.path(), "take", plan);
    Database db = Database::open(tmp / "rapport.db");
    RecordingModel m(&db);
    REQUIRE(m.analyse_file(take.file, TakeSetup{"", "fr", 30, std::nullopt}));
    CHECK(m.state() == RecordingModel::State::analysing);
    m.wait();
    CHECK(m.tick());
    CHECK(m.state() == RecordingModel::State::done);
    REQUIRE(m.report());
    CHECK(m.report()->wpm_source == "estimate");
    CHECK(m.waveform().size() == RecordingModel::kWaveformPoints);
    REQUIRE(m.logged_attempt());
    const auto attempts = list_pitch_attempts(db);
    REQUIRE(attempts.size() == 1);
    CHECK(attempts[0].spoken_wpm == m.report()->wpm);
    CHECK(!attempt_recording(db, *m.logged_attempt()));  // not kept by default

    CHECK(!m.analyse_file(tmp / "missing.wav", TakeSetup{}));
    CHECK(m.error().find("missing.wav") != std::string::npos);

    // Closing while a take is analysed: the attempt is still logged.
    {
        RecordingModel closing(&db);
        REQUIRE(closing.analyse_file(take.file, TakeSetup{"", "fr", 30, std::nullopt}));
    }
    CHECK(list_pitch_attempts(db).size() == 2);
}

TEST_CASE("a typed path is checked before it is analysed, and every refusal names the file") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    RecordingModel m(&db);
    CHECK(!m.analyse_file("   ", TakeSetup{}));
    CHECK(m.error().find("Type the path") != std::string::npos);
    CHECK(!m.analyse_file((tmp / "nowhere.wav").string(), TakeSetup{}));
    CHECK(m.error() == (tmp / "nowhere.wav").string() + ": no such file.");
    CHECK(!m.analyse_file(tmp.path().string(), TakeSetup{}));
    CHECK(m.error().find(tmp.path().string() + " is a folder") == 0);
    rapport::test::write_file(tmp / "notes.wav", "these are notes, not sound");
    CHECK(!m.analyse_file(" \"" + (tmp / "notes.wav").string() + "\" ", TakeSetup{}));  // pasted with quotes
    CHECK(m.error().find((tmp / "notes.wav").string()) != std::string::npos);
    CHECK(m.state() == RecordingModel::State::idle);
    CHECK(list_pitch_attempts(db).empty());
}

TEST_CASE("a kept recording plays back; no recording or no sound output is a message") {
    REQUIRE(rapport::test::speech_tools_available());
    TempDir tmp;
    rapport::test::TakePlan plan;
    plan.sentences = {rapport::test::sample_sentences()[0]};
    const auto take = rapport::test::make_take(tmp.path(), "take", plan);
    Database db = Database::open(tmp / "rapport.db");
    NullAudioDevice null(tmp);
    RecordingModel m(&db, {}, SpeakerOptions{NullAudioDevice::kName});

    // Not kept: nothing to play.
    REQUIRE(m.analyse_file(take.file.string(), TakeSetup{"", "en", 30, std::nullopt}));
    m.wait();
    REQUIRE(m.tick());
    const std::int64_t forgotten = *m.logged_attempt();
    CHECK(!m.play(forgotten));
    CHECK(m.error() == "This attempt has no kept recording.");

    m.set_keep_recordings(true);
    REQUIRE(m.analyse_file(take.file.string(), TakeSetup{"", "en", 30, std::nullopt}));
    m.wait();
    REQUIRE(m.tick());
    const std::int64_t kept = *m.logged_attempt();
    const auto takes = m.kept_takes(list_pitch_attempts(db));
    REQUIRE(takes.size() == 1);
    CHECK(takes[0].id == kept);

    RecordingModel mute(&db, {}, SpeakerOptions{"no-such-speaker-anywhere"});
    CHECK(!mute.play(kept));
    CHECK(mute.error().find("no-such-speaker-anywhere") != std::string::npos);

    if (!null.listed(output_device_names())) return;
    REQUIRE(m.play(kept));
    CHECK(m.play_seconds() == doctest::Approx(take.speech_end + plan.tail).epsilon(0.05));
    // The null device takes samples as fast as it is given them.
    for (int i = 0; i < 500 && m.playing_attempt(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(!m.playing_attempt());
    CHECK(m.play_position() == doctest::Approx(m.play_seconds()));
    m.tick();  // lets the finished player go
    CHECK(m.play_seconds() == 0);
}

TEST_CASE("a recording file with no speech is a message naming it, and nothing is logged") {
    TempDir tmp;
    write_wav_file(tmp / "silence.wav", AudioClip{std::vector<float>(16000 * 2, 0.0f), 16000});
    Database db = Database::open(tmp / "rapport.db");
    RecordingModel m(&db);
    REQUIRE(m.analyse_file((tmp / "silence.wav").string(), TakeSetup{}));
    m.wait();
    CHECK(!m.tick());
    CHECK(m.error().find((tmp / "silence.wav").string() + ": no speech heard") == 0);
    CHECK(!m.report());
    CHECK(list_pitch_attempts(db).empty());
}
