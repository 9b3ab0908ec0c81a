// rapport-cli pitch listen on generated recordings: the JSON contract, the
// exit code on unreadable audio, --log into the history, delete.
#include "tests/support/spoken_audio.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using nlohmann::json;
using rapport::test::run_cli;
using rapport::test::TempDir;

namespace {

rapport::test::CommandResult pitch(const TempDir& tmp, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", (tmp / "rapport.db").string(), "pitch"});
    return run_cli(args);
}

}  // namespace

TEST_CASE("pitch listen --format json keeps the contract, and --log adds pace and fillers to the history") {
    REQUIRE(rapport::test::speech_tools_available());
    TempDir tmp;
    rapport::test::TakePlan plan;
    plan.sentences = {rapport::test::sample_sentences()[0], rapport::test::sample_sentences()[1]};
    plan.pause_after = {{0, 0.9}};
    const auto take = rapport::test::make_take(tmp.path(), "take", plan);
    rapport::test::write_file(tmp / "script.txt", plan.sentences[0] + " " + plan.sentences[1]);

    const auto r = pitch(tmp, {"listen", take.file.string(), "--script-file", (tmp / "script.txt").string(),
                               "--format", "json", "--log"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const json j = json::parse(r.out);
    for (const char* field : {"speaking_seconds", "pauses", "wpm", "wpm_source", "pace", "fillers", "sentences",
                              "suggestions"})
        CHECK_MESSAGE(j.contains(field), field);
    CHECK(j["wpm_source"] == "script");
    CHECK(std::abs(j["speaking_seconds"].get<double>() - take.speaking_seconds()) <= 0.3);
    REQUIRE(j["pauses"].size() == 1);
    CHECK(j["pauses"][0].contains("start"));
    CHECK(j["pauses"][0].contains("end"));
    REQUIRE(j["sentences"].size() == 2);
    CHECK(j["sentences"][0]["said"] == true);
    CHECK(j["sentences"][0].contains("text"));
    CHECK(j["pace"][0].contains("at"));
    CHECK(j["pace"][0].contains("wpm"));

    const auto history = pitch(tmp, {"history", "--format", "json"});
    REQUIRE(history.exit_code == 0);
    const json h = json::parse(history.out);
    REQUIRE(h.size() == 1);
    CHECK(h[0]["wpm"] == j["wpm"]);
    CHECK(h[0]["fillers_per_minute"] == j["fillers_per_minute"]);

    // French: no recognition, and the text report says so.
    const auto fr = pitch(tmp, {"listen", take.file.string(), "--lang", "fr"});
    REQUIRE(fr.exit_code == 0);
    CHECK(fr.out.find("estimated from syllables") != std::string::npos);
    CHECK(fr.out.find("Note: ") != std::string::npos);

    CHECK(pitch(tmp, {"delete", std::to_string(h[0]["id"].get<int>())}).exit_code == 0);
    CHECK(json::parse(pitch(tmp, {"history", "--format", "json"}).out).empty());
}

TEST_CASE("pitch listen on unreadable audio exits 2 naming the file, and stores nothing") {
    TempDir tmp;
    rapport::test::write_file(tmp / "voice memo.ogg", "not an ogg file at all");
    const auto r = pitch(tmp, {"listen", (tmp / "voice memo.ogg").string(), "--log"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("voice memo.ogg") != std::string::npos);
    CHECK(json::parse(pitch(tmp, {"history", "--format", "json"}).out).empty());
}

TEST_CASE("pitch listen --script on a script with no target: no length verdict, target_seconds null") {
    REQUIRE(rapport::test::speech_tools_available());
    TempDir tmp;
    rapport::test::TakePlan plan;
    plan.sentences = {rapport::test::sample_sentences()[0]};  // a few seconds long
    const auto take = rapport::test::make_take(tmp.path(), "take", plan);
    rapport::test::write_file(tmp / "script.txt", plan.sentences[0]);
    REQUIRE(pitch(tmp, {"scripts", "add", "--title", "Open", "--no-target", (tmp / "script.txt").string()})
                .exit_code == 0);

    const auto r = pitch(tmp, {"listen", take.file.string(), "--script", "1", "--format", "json", "--log"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const json j = json::parse(r.out);
    REQUIRE(j.contains("target_seconds"));
    CHECK(j["target_seconds"].is_null());
    for (const json& s : j["suggestions"]) CHECK(s.get<std::string>().find("target") == std::string::npos);
    // Logged against the usual longest pitch, like a timed attempt of the script.
    CHECK(json::parse(pitch(tmp, {"history", "--format", "json"}).out)[0]["target"] == 120.0);

    const auto text = pitch(tmp, {"listen", take.file.string(), "--script", "1"});
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("no target; most pitches run 30 s to 2 min") != std::string::npos);
    CHECK(text.out.find("2:00 target") == std::string::npos);

    // A target given on the command line still gets its verdict.
    const json with_target =
        json::parse(pitch(tmp, {"listen", take.file.string(), "--script", "1", "--target", "60", "--format", "json"}).out);
    CHECK(with_target["target_seconds"] == 60.0);
}
