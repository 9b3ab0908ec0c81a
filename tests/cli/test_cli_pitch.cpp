#include "tests/support/test_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>


using nlohmann::json;
using rapport::test::CommandOptions;
using rapport::test::run_cli;
using rapport::test::TempDir;

namespace {

constexpr const char* kPitch =
    "I'm interested in user research. I've worked as a nurse for nine years, so I'm good at "
    "listening. I studied nursing in Lyon and I'm familiar with hospital software. My strengths "
    "are calm and curiosity. I redesigned a handover sheet and I'm proud of it. Long term, I'd "
    "like to lead research for health tools.";  // 55 words

// rapport-cli with --db in tmp.
rapport::test::CommandResult pitch(const TempDir& tmp, std::vector<std::string> args,
                                   const CommandOptions& options = {}) {
    args.insert(args.begin(), {"--db", (tmp / "rapport.db").string(), "pitch"});
    return run_cli(args, options);
}

json json_of(const rapport::test::CommandResult& r) {
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
}

}  // namespace

TEST_CASE("pitch analyze --format json keeps the contract") {
    TempDir tmp;
    rapport::test::write_file(tmp / "pitch.txt", kPitch);
    json a = json_of(pitch(tmp, {"analyze", "--target", "60", "--format", "json",
                                 (tmp / "pitch.txt").string()}));
    CHECK(a["words"] == 55);
    CHECK(a["wpm"] == 140.0);
    CHECK(a["estimated_seconds"] == doctest::Approx(23.6));
    CHECK(a["target_seconds"] == 60.0);
    for (const char* c : {"interest", "skills", "knowledge", "education", "experience",
                          "strengths", "accomplishments", "goals"}) {
        CAPTURE(c);
        REQUIRE(a["components"].contains(c));
        CHECK(a["components"][c] == true);
    }
    REQUIRE(a["warnings"].size() == 1);
    CHECK(a["warnings"][0]["code"] == "too-short");
    CHECK(a["warnings"][0]["message"].get<std::string>().find("60 s") != std::string::npos);
}

TEST_CASE("pitch analyze --format json: evidence, confidence and status per component") {
    TempDir tmp;
    rapport::test::write_file(tmp / "pitch.txt", kPitch);
    json a = json_of(pitch(tmp, {"analyze", "--format", "json", (tmp / "pitch.txt").string()}));
    const std::string script = kPitch;
    for (const auto& [name, found] : a["components"].items()) {
        CAPTURE(name);
        CHECK(found == true);
        CHECK(a["status"][name] == "present");
        CHECK(a["confidence"][name].get<double>() >= 0.5);
        REQUIRE_FALSE(a["evidence"][name].empty());
        // The offsets point at the sentence in the script, for highlighting.
        const json& e = a["evidence"][name][0];
        const auto begin = e["begin"].get<std::size_t>(), end = e["end"].get<std::size_t>();
        REQUIRE(end <= script.size());
        CHECK(script.substr(begin, end - begin) == e["sentence"].get<std::string>());
        CHECK(e["confidence"] == a["confidence"][name]);
    }
    CHECK(a["evidence"]["education"][0]["sentence"] ==
          "I studied nursing in Lyon and I'm familiar with hospital software.");
    CHECK(a["evidence"]["strengths"][0]["cue"] == "my strengths");
}

TEST_CASE("pitch analyze without --target gives the estimate and no length verdict") {
    TempDir tmp;
    CommandOptions in;
    in.stdin_text = "Hi, I'm Léa. I'm a second-year nursing student at Laval and I'd love to "
                    "hear how you moved into public health.";
    json a = json_of(pitch(tmp, {"analyze", "--format", "json", "-"}, in));
    CHECK(a["target_seconds"].is_null());
    for (const auto& w : a["warnings"]) {
        CHECK(w["code"] != "too-short");
        CHECK(w["code"] != "too-long");
    }
    REQUIRE(a["advice"].size() >= 2);
    bool length_given = false;
    for (const auto& item : a["advice"]) length_given |= item["code"] == "length";
    CHECK(length_given);
    CHECK_FALSE(std::filesystem::exists(tmp / "rapport.db"));  // analyzing creates no database
}

TEST_CASE("pitch analyze tells an introduction ask from a job ask, in English and French") {
    TempDir tmp;
    CommandOptions in;
    auto asks_of = [&](const std::string& text, const std::string& lang) {
        in.stdin_text = text;
        return json_of(pitch(tmp, {"analyze", "--lang", lang, "--format", "json", "-"}, in));
    };
    json good = asks_of("I study economics. Could you put me in touch with someone on your "
                        "research team who could tell me about their work?", "en");
    REQUIRE(good["asks"].size() == 1);
    CHECK(good["asks"][0]["kind"] == "introduction");
    for (const auto& w : good["warnings"]) CHECK(w["code"] != "mentions-job");

    json bad = asks_of("I study economics. I applied to your bank last month; could you ask "
                       "the recruiter to give my application another look?", "en");
    REQUIRE(bad["asks"].size() == 1);
    CHECK(bad["asks"][0]["kind"] == "job");
    CHECK(bad["advice"][0]["code"] == "job-ask");

    json bon = asks_of("J'étudie l'économie. Pourriez-vous me présenter à une personne de votre "
                       "équipe qui accepterait de me parler de son métier ?", "fr");
    REQUIRE(bon["asks"].size() == 1);
    CHECK(bon["asks"][0]["kind"] == "introduction");
    json mauvais = asks_of("J'étudie l'économie. Pourriez-vous appuyer ma candidature auprès du "
                           "service du recrutement ?", "fr");
    REQUIRE(mauvais["asks"].size() == 1);
    CHECK(mauvais["asks"][0]["kind"] == "job");
}

TEST_CASE("pitch analyze: a French pitch gets its advice in French, an English one in English") {
    TempDir tmp;
    rapport::test::write_file(tmp / "fr.txt",
                              "Bonjour, je m'appelle Inès. Je travaille depuis six ans comme "
                              "infirmière en pédiatrie à Lyon.");
    json a = json_of(pitch(tmp, {"analyze", "--lang", "fr", "--target", "30", "--format", "json",
                                 (tmp / "fr.txt").string()}));
    REQUIRE(a["advice"].size() > 3);
    CHECK(a["advice"][0]["message"].get<std::string>().starts_with("Ajoutez"));
    CHECK(a["advice"][1]["code"] == "length");
    CHECK(a["advice"][1]["message"].get<std::string>().starts_with("Environ"));
    const auto text = pitch(tmp, {"analyze", "--lang", "fr", (tmp / "fr.txt").string()});
    CHECK(text.out.find("Suite\u00A0:") != std::string::npos);
    CHECK(text.out.find("aucun objectif choisi") != std::string::npos);
    CHECK(text.out.find("More:") == std::string::npos);
    rapport::test::write_file(tmp / "en.txt", "Hi, I'm Jo. I've been a nurse for six years.");
    const auto english = pitch(tmp, {"analyze", (tmp / "en.txt").string()});
    CHECK(english.out.find("  More:") != std::string::npos);
    CHECK(english.out.find("Add your interest: say") != std::string::npos);
}

TEST_CASE("pitch analyze writes its first suggestion from the profile's field") {
    TempDir tmp;
    REQUIRE(run_cli({"--db", (tmp / "rapport.db").string(), "profile", "set", "--field",
                     "urban planning"}).exit_code == 0);
    CommandOptions in;
    in.stdin_text = "I'm in my third year of geography at McGill. I worked two summers at a "
                    "bike shop.";
    json a = json_of(pitch(tmp, {"analyze", "--format", "json", "-"}, in));
    REQUIRE_FALSE(a["advice"].empty());
    CHECK(a["advice"][0]["code"] == "missing-interest");
    CHECK(a["advice"][0]["message"].get<std::string>().find("urban planning") != std::string::npos);
}

TEST_CASE("pitch analyze reads standard input and honours --target, --wpm and --lang") {
    TempDir tmp;
    CommandOptions in;
    in.stdin_text = kPitch;
    json a = json_of(pitch(tmp, {"analyze", "--target", "30", "--wpm", "110", "--format", "json",
                                 "-"}, in));
    CHECK(a["target_seconds"] == 30.0);
    CHECK(a["wpm"] == 110.0);
    CHECK(a["wpm_source"] == "option");
    CHECK(a["estimated_seconds"] == 30.0);
    CHECK(a["warnings"].empty());

    in.stdin_text = "Je m'intéresse à la recherche utilisateur. Euh, à long terme, je veux diriger.";
    a = json_of(pitch(tmp, {"analyze", "--lang", "fr", "--format", "json", "-"}, in));
    CHECK(a["words"] == 13);
    CHECK(a["components"]["interest"] == true);
    CHECK(a["components"]["goals"] == true);
    CHECK(a["components"]["education"] == false);
    bool filler = false;
    for (const auto& w : a["warnings"]) filler |= w["code"] == "filler-words";
    CHECK(filler);
}

TEST_CASE("pitch analyze text output lists components and warnings") {
    TempDir tmp;
    CommandOptions in;
    in.stdin_text = "Um, are you hiring?";
    auto r = pitch(tmp, {"analyze", "-"}, in);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("Words:     4 in 1 sentence") != std::string::npos);
    CHECK(r.out.find("[ ] interest") != std::string::npos);
    CHECK(r.out.find("mentions-job: Asks for a job (\"Um, are you hiring?\")") != std::string::npos);
    CHECK(r.out.find("filler-words:") != std::string::npos);
    CHECK(r.out.find("too-short:") == std::string::npos);  // no target, no verdict
    CHECK(r.out.find("Advice:\n  1. Take out") != std::string::npos);
    CHECK(r.out.find("  More:\n") != std::string::npos);
}

TEST_CASE("pitch analyze: empty script, missing file and bad options exit 2 with a message") {
    TempDir tmp;
    CommandOptions in;
    in.stdin_text = " \n 🚀 ... \n";
    auto empty = pitch(tmp, {"analyze", "-"}, in);
    CHECK(empty.exit_code == 2);
    CHECK(empty.err.find("empty") != std::string::npos);
    rapport::test::write_file(tmp / "blank.txt", "");
    CHECK(pitch(tmp, {"analyze", (tmp / "blank.txt").string()}).exit_code == 2);

    auto missing = pitch(tmp, {"analyze", (tmp / "nope.txt").string()});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("nope.txt") != std::string::npos);
    CHECK(pitch(tmp, {"analyze"}).exit_code == 2);

    rapport::test::write_file(tmp / "p.txt", kPitch);
    const std::string file = (tmp / "p.txt").string();
    CHECK(pitch(tmp, {"analyze", "--lang", "de", file}).exit_code == 2);
    CHECK(pitch(tmp, {"analyze", "--wpm", "2", file}).exit_code == 2);
    CHECK(pitch(tmp, {"analyze", "--target", "abc", file}).exit_code == 2);
    CHECK(pitch(tmp, {"analyze", "--format", "yaml", file}).exit_code == 2);
    rapport::test::write_file(tmp / "latin1.txt", "caf\xe9");
    auto latin1 = pitch(tmp, {"analyze", (tmp / "latin1.txt").string()});
    CHECK(latin1.exit_code == 2);
    CHECK(latin1.err.find("latin1.txt: not valid UTF-8") != std::string::npos);
}

TEST_CASE("a broken cue file in --banks is reported as file:line, exit 2") {
    TempDir tmp;
    std::filesystem::create_directory(tmp / "banks");
    rapport::test::write_file(tmp / "banks" / "pitch-cues.en.json",
                              "{\n  \"language\": \"en\",\n  \"long_sentence_words\": true\n}\n");
    CommandOptions in;
    in.stdin_text = kPitch;
    auto r = run_cli({"--banks", (tmp / "banks").string(), "pitch", "analyze", "-"}, in);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("pitch-cues.en.json:3: \"long_sentence_words\"") != std::string::npos);
}

TEST_CASE("pitch log and history: attempts are stored and listed oldest first") {
    TempDir tmp;
    CHECK(json_of(pitch(tmp, {"history", "--format", "json"})).empty());
    REQUIRE(pitch(tmp, {"log", "--seconds", "64.5"}).exit_code == 0);
    REQUIRE(pitch(tmp, {"log", "--seconds", "58", "--target", "60", "--rating", "4", "--note",
                        "calmer à la fin"}).exit_code == 0);
    REQUIRE(pitch(tmp, {"log", "--seconds", "29", "--target", "30"}).exit_code == 0);

    json h = json_of(pitch(tmp, {"history", "--format", "json"}));
    REQUIRE(h.size() == 3);
    CHECK(h[0]["seconds"] == 64.5);
    CHECK(h[0]["target"] == 60.0);
    CHECK(h[0]["rating"].is_null());
    CHECK(h[1]["rating"] == 4);
    CHECK(h[1]["note"] == "calmer à la fin");
    CHECK(h[2]["target"] == 30.0);
    for (const auto& a : h) {
        CHECK(a["at"].get<std::string>().size() == 20);  // 2024-05-01T09:30:00Z
        CHECK(a["script"].is_null());
    }
    CHECK(h[0]["at"] <= h[1]["at"]);
    CHECK(h[0]["id"] < h[1]["id"]);

    auto text = pitch(tmp, {"history"});
    CHECK(text.out.find("58.0 s of 60 s (-2.0 s)  rated 4/5  \"calmer à la fin\"") !=
          std::string::npos);
}

TEST_CASE("pitch log refuses bad values and writes nothing") {
    TempDir tmp;
    CHECK(pitch(tmp, {"log"}).exit_code == 2);  // --seconds is required
    CHECK(pitch(tmp, {"log", "--seconds", "-3"}).exit_code == 2);
    auto rating = pitch(tmp, {"log", "--seconds", "60", "--rating", "6"});
    CHECK(rating.exit_code == 2);
    CHECK(rating.err.find("rating") != std::string::npos);
    auto script = pitch(tmp, {"log", "--seconds", "60", "--script", "5"});
    CHECK(script.exit_code == 2);
    CHECK(script.err.find("no pitch script with id 5") != std::string::npos);
    CHECK(json_of(pitch(tmp, {"history", "--format", "json"})).empty());
}

TEST_CASE("pitch scripts: add from a file or stdin, list, show, edit") {
    TempDir tmp;
    rapport::test::write_file(tmp / "p.txt", kPitch);
    auto added = pitch(tmp, {"scripts", "add", "--title", "Career change", "--target", "45",
                             (tmp / "p.txt").string()});
    REQUIRE(added.exit_code == 0);
    CHECK(added.out == "Saved script 1: Career change\n");
    CommandOptions in;
    in.stdin_text = "Je m'intéresse aux cartes.";
    REQUIRE(pitch(tmp, {"scripts", "add", "--title", "Cartes", "--lang", "fr", "-"}, in)
                .exit_code == 0);

    json list = json_of(pitch(tmp, {"scripts", "list", "--format", "json"}));
    REQUIRE(list.size() == 2);
    CHECK(list[0]["title"] == "Career change");
    CHECK(list[0]["target_seconds"] == 45.0);
    CHECK(list[1]["language"] == "fr");
    CHECK(list[1]["target_seconds"] == 60.0);

    in.stdin_text = "Je m'intéresse aux cartes anciennes.";
    REQUIRE(pitch(tmp, {"scripts", "edit", "2", "--title", "Cartes anciennes", "--target", "30",
                        "-"}, in).exit_code == 0);
    json shown = json_of(pitch(tmp, {"scripts", "show", "2", "--format", "json"}));
    CHECK(shown["title"] == "Cartes anciennes");
    CHECK(shown["text"] == "Je m'intéresse aux cartes anciennes.");
    CHECK(shown["target_seconds"] == 30.0);
    CHECK(pitch(tmp, {"scripts", "show", "2"}).out.find("cartes anciennes.") != std::string::npos);

    CHECK(pitch(tmp, {"scripts", "edit", "2"}).exit_code == 2);  // nothing to change
    CHECK(pitch(tmp, {"scripts", "edit", "9", "--title", "x"}).exit_code == 2);
    CHECK(pitch(tmp, {"scripts", "add", "--title", "x", (tmp / "nope.txt").string()}).exit_code == 2);
    in.stdin_text = "!!!";
    CHECK(pitch(tmp, {"scripts", "add", "--title", "x", "-"}, in).exit_code == 2);
    CHECK(json_of(pitch(tmp, {"scripts", "list", "--format", "json"})).size() == 2);
}

TEST_CASE("pitch scripts: --no-target saves a script with no length verdict") {
    TempDir tmp;
    rapport::test::write_file(tmp / "p.txt", kPitch);
    REQUIRE(pitch(tmp, {"scripts", "add", "--title", "Open", "--no-target",
                        (tmp / "p.txt").string()}).exit_code == 0);
    json shown = json_of(pitch(tmp, {"scripts", "show", "1", "--format", "json"}));
    CHECK(shown["target_seconds"].is_null());
    CHECK(pitch(tmp, {"scripts", "list"}).out.find("no target") != std::string::npos);
    json a = json_of(pitch(tmp, {"analyze", "--script", "1", "--format", "json"}));
    CHECK(a["target_seconds"].is_null());
    for (const json& w : a["warnings"]) CHECK(w["code"] != "too-short");

    REQUIRE(pitch(tmp, {"scripts", "edit", "1", "--target", "20"}).exit_code == 0);
    CHECK(json_of(pitch(tmp, {"scripts", "show", "1", "--format", "json"}))["target_seconds"] == 20.0);
    REQUIRE(pitch(tmp, {"scripts", "edit", "1", "--no-target"}).exit_code == 0);
    CHECK(json_of(pitch(tmp, {"scripts", "show", "1", "--format", "json"}))["target_seconds"].is_null());
    CHECK(pitch(tmp, {"scripts", "edit", "1", "--no-target", "--target", "30"}).exit_code != 0);
    // An attempt of it is logged against the usual longest pitch, 2 min.
    REQUIRE(pitch(tmp, {"log", "--script", "1", "--seconds", "25"}).exit_code == 0);
    CHECK(json_of(pitch(tmp, {"history", "--format", "json"}))[0]["target"] == 120.0);
}

TEST_CASE("analyze --script uses the script's text, target, language and measured rate") {
    TempDir tmp;
    rapport::test::write_file(tmp / "p.txt", kPitch);
    REQUIRE(pitch(tmp, {"scripts", "add", "--title", "P", "--target", "30",
                        (tmp / "p.txt").string()}).exit_code == 0);
    json before = json_of(pitch(tmp, {"analyze", "--script", "1", "--format", "json"}));
    CHECK(before["wpm_source"] == "default");
    CHECK(before["target_seconds"] == 30.0);

    // 55 words in 25 s and 30 s: 110 words in 55 s = 120 wpm.
    REQUIRE(pitch(tmp, {"log", "--script", "1", "--seconds", "25"}).exit_code == 0);
    REQUIRE(pitch(tmp, {"log", "--script", "1", "--seconds", "30"}).exit_code == 0);
    json after = json_of(pitch(tmp, {"analyze", "--script", "1", "--format", "json"}));
    CHECK(after["wpm_source"] == "measured");
    CHECK(after["wpm"] == 120.0);
    CHECK(after["estimated_seconds"] == 27.5);
    // --wpm still wins; a FILE replaces the text.
    CHECK(json_of(pitch(tmp, {"analyze", "--script", "1", "--wpm", "165", "--format", "json"}))
              ["estimated_seconds"] == 20.0);
    CommandOptions in;
    in.stdin_text = "Short draft of the new version.";
    CHECK(json_of(pitch(tmp, {"analyze", "--script", "1", "--format", "json", "-"}, in))["words"] ==
          6);

    json h = json_of(pitch(tmp, {"history", "--script", "1", "--format", "json"}));
    REQUIRE(h.size() == 2);
    CHECK(h[0]["target"] == 30.0);  // the script's target
    CHECK(h[0]["words"] == 55);
    CHECK(pitch(tmp, {"history", "--script", "4"}).exit_code == 2);
}

TEST_CASE("pitch progress per script") {
    TempDir tmp;
    rapport::test::write_file(tmp / "p.txt", kPitch);
    REQUIRE(pitch(tmp, {"scripts", "add", "--title", "P", "--target", "30",
                        (tmp / "p.txt").string()}).exit_code == 0);
    for (const char* s : {"36", "27", "31"})
        REQUIRE(pitch(tmp, {"log", "--script", "1", "--seconds", s}).exit_code == 0);
    json p = json_of(pitch(tmp, {"progress", "--script", "1", "--format", "json"}));
    REQUIRE(p.size() == 1);
    CHECK(p[0]["attempts"] == 3);
    CHECK(p[0]["best"]["seconds"] == 31.0);
    CHECK(p[0]["average_seconds"] == doctest::Approx(94.0 / 3));
    CHECK(p[0]["average_distance_seconds"] == doctest::Approx(10.0 / 3));
    CHECK(p[0]["last_offset_seconds"] == 1.0);
    CHECK(p[0]["last"].size() == 3);
    auto text = pitch(tmp, {"progress"});
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("Script 1: P") != std::string::npos);
    CHECK(text.out.find("+1.0 s from target") != std::string::npos);
}

TEST_CASE("pitch progress and history of a script with no target: no distance from 2 min") {
    TempDir tmp;
    rapport::test::write_file(tmp / "p.txt", kPitch);
    REQUIRE(pitch(tmp, {"scripts", "add", "--title", "Open", "--no-target",
                        (tmp / "p.txt").string()}).exit_code == 0);
    for (const char* s : {"45", "100", "25"})
        REQUIRE(pitch(tmp, {"log", "--script", "1", "--seconds", s}).exit_code == 0);
    json p = json_of(pitch(tmp, {"progress", "--script", "1", "--format", "json"}));
    REQUIRE(p.size() == 1);
    CHECK(p[0]["length_goal"] == "usual_range");
    CHECK(p[0]["best"]["seconds"] == 100.0);         // latest in 30 s to 2 min
    CHECK(p[0]["last_offset_seconds"] == -5.0);      // from 30 s, not -95 from 2 min
    auto text = pitch(tmp, {"progress"});
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("target:            none (30-120 s is usual)") != std::string::npos);
    CHECK(text.out.find("last:              25.0 s\n") != std::string::npos);
    CHECK(text.out.find("from target") == std::string::npos);
    CHECK(text.out.find("of 120 s") == std::string::npos);
    auto history = pitch(tmp, {"history"});
    CHECK(history.out.find("25.0 s (no target)") != std::string::npos);
    CHECK(history.out.find("of 120 s") == std::string::npos);
    CHECK(pitch(tmp, {"log", "--script", "1", "--seconds", "50"}).out.find("50.0 s (no target)") !=
          std::string::npos);
    // A script with a target keeps its verdict lines.
    REQUIRE(pitch(tmp, {"scripts", "add", "--title", "Timed", "--target", "60",
                        (tmp / "p.txt").string()}).exit_code == 0);
    REQUIRE(pitch(tmp, {"log", "--script", "2", "--seconds", "50"}).exit_code == 0);
    CHECK(json_of(pitch(tmp, {"progress", "--script", "2", "--format", "json"}))[0]["length_goal"] == "target");
    CHECK(pitch(tmp, {"progress", "--script", "2"}).out.find("-10.0 s from target") != std::string::npos);
}

TEST_CASE("the database with attempts is private") {
    TempDir tmp;
    REQUIRE(pitch(tmp, {"log", "--seconds", "60"}).exit_code == 0);
    CHECK(rapport::test::permissions_of(tmp / "rapport.db") ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
}
