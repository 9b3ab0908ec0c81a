// The Record mode's model: a microphone that cannot be opened is a message
// and nothing else; a take analysed on the worker thread is logged with its
// report, and its audio is kept only when the user asked.
#include "gui/models/recording_model.h"

#include "engine/pitch/spoken_store.h"
#include "engine/pitch/store.h"
#include "tests/support/spoken_audio.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

using namespace rapport;
using rapport::gui::RecordingModel;
using rapport::gui::TakeSetup;
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
}
