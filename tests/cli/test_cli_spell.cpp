// rapport-cli spell, words, and --check on drafts and sheets, with the real
// binary, real dictionaries and a temp database.
#include "tests/cli/cli_on_db.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using nlohmann::json;
using rapport::test::CliOnDb;
using rapport::test::CommandOptions;
using rapport::test::run_cli;
using rapport::test::TempDir;

namespace {

const char* kEnglishNote =
    "Dear Ms. Okafor,\n"
    "\n"
    "Thank you for the the time on Friday. I learnt a lot about an university lab, and "
    "i will follow up  next week with a short summary. My notes: https://example.org/n?x=1.\n";

}  // namespace

TEST_CASE("spell FILE --format json: every kind found, with line, offset and suggestions") {
    TempDir tmp;
    const auto file = tmp / "note.txt";
    rapport::test::write_file(file, kEnglishNote);
    const auto r = run_cli({"spell", "--lang", "en", "--format", "json", file.string()});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    const json issues = json::parse(r.out);
    std::vector<std::string> kinds;
    for (const auto& issue : issues) kinds.push_back(issue["kind"].get<std::string>() + ":" +
                                                     issue["word"].get<std::string>());
    CHECK(kinds == std::vector<std::string>{"spelling:Okafor", "repeat:the the", "spelling:learnt",
                                            "article:an", "capital:i", "space:  "});
    const json& repeat = issues[1];
    CHECK(repeat["line"] == 3);
    CHECK(std::string(kEnglishNote).substr(repeat["offset"].get<std::size_t>(), 7) == "the the");
    CHECK(repeat["suggestions"] == json::array({"the"}));
    CHECK_FALSE(repeat["reason"].get<std::string>().empty());
    CHECK(issues[0]["suggestions"].size() >= 1);
    for (const auto& issue : issues)
        for (const char* key : {"word", "offset", "line", "kind", "suggestions", "reason"})
            CHECK(issue.contains(key));

    // British spelling knows "learnt".
    const auto gb = run_cli({"spell", "--lang", "en-gb", "--format", "json", file.string()});
    CHECK(json::parse(gb.out).size() == issues.size() - 1);
}

TEST_CASE("spell reads stdin; a clean text exits 0; text output names line and reason") {
    CommandOptions clean;
    clean.stdin_text = "Merci pour votre temps ! J'ai appris beaucoup sur l'entreprise aujourd'hui.\n";
    const auto ok = run_cli({"spell", "--lang", "fr", "-"}, clean);
    CHECK(ok.exit_code == 0);
    CHECK(ok.out.empty());

    CommandOptions typo;
    typo.stdin_text = "Bonjour,\nmerci pour vos consiels!\n";
    const auto bad = run_cli({"spell", "--lang", "fr"}, typo);
    CHECK(bad.exit_code == 1);
    CHECK(bad.out.find("line 2, byte 24: spelling \u201Cconsiels\u201D") != std::string::npos);
    CHECK(bad.out.find("\u201Cconseils\u201D") != std::string::npos);
    CHECK(bad.out.find("typography \u201C!\u201D: En fran\u00E7ais, une espace pr\u00E9c\u00E8de") != std::string::npos);
}

TEST_CASE("spell: bad input exits 2 and names the file; a missing dictionary names the package") {
    TempDir tmp;
    const auto missing = run_cli({"spell", (tmp / "nope.txt").string()});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("nope.txt: cannot read") != std::string::npos);

    const auto latin1 = tmp / "latin1.txt";
    rapport::test::write_file(latin1, "caf\xe9 cr\xe8me");
    const auto not_utf8 = run_cli({"spell", latin1.string()});
    CHECK(not_utf8.exit_code == 2);
    CHECK(not_utf8.err.find("latin1.txt: not UTF-8 text (byte 3)") != std::string::npos);

    CHECK(run_cli({"spell", "--lang", "de", latin1.string()}).exit_code == 2);

    CommandOptions no_dictionaries;
    no_dictionaries.env["RAPPORT_DICTIONARY_DIR"] = tmp.path().string();
    no_dictionaries.stdin_text = "Bonjour";
    const auto no_fr = run_cli({"spell", "--lang", "fr"}, no_dictionaries);
    CHECK(no_fr.exit_code == 2);
    CHECK(no_fr.err.find("hunspell-fr") != std::string::npos);
    // The rest of the program works without dictionaries.
    CHECK(run_cli({"check", "What does a typical week look like for you?"}, no_dictionaries)
              .exit_code == 0);
}

TEST_CASE("words: added words and contacts' names are known; they travel with export/import") {
    CliOnDb cli;
    CommandOptions options;
    const std::string note = "Zoë Ångström at Nordlys showed me how Kubernetes clusters work.";
    CHECK(cli.run({"spell", "--lang", "en", "-"}, note).exit_code == 1);
    cli.ok({"contact", "add", "--name", "Zoë Ångström", "--company", "Nordlys"});
    const auto one_left = cli.run({"spell", "--lang", "en", "--format", "json", "-"}, note);
    CHECK(one_left.exit_code == 1);
    CHECK(json::parse(one_left.out)[0]["word"] == "Kubernetes");

    CHECK(cli.ok({"words", "add", "Kubernetes", "géomatique"}) ==
          "added Kubernetes\nadded géomatique\n");
    CHECK(cli.ok({"words", "add", "Kubernetes"}) == "already there: Kubernetes\n");
    CHECK(cli.run({"spell", "--lang", "en", "-"}, note).exit_code == 0);
    CHECK(cli.ok({"words"}) == "Kubernetes\ngéomatique\n");
    const auto spaced = cli.run({"words", "add", "two words"});
    CHECK(spaced.exit_code == 2);
    CHECK(spaced.err.find("one word at a time") != std::string::npos);

    const std::string exported = cli.ok({"export"});
    CHECK(json::parse(exported)["personal_words"] == json::array({"Kubernetes", "géomatique"}));
    CliOnDb other;
    CHECK(other.ok({"import", "-"}, exported).find("2 personal words") != std::string::npos);
    auto without_time = [](std::string text) {
        json doc = json::parse(text);
        doc.erase("exported_at");
        return doc.dump();
    };
    CHECK(without_time(other.ok({"export"})) == without_time(exported));
    CHECK(other.run({"spell", "--lang", "en", "-"}, note).exit_code == 0);

    cli.ok({"words", "remove", "Kubernetes"});
    CHECK(cli.run({"spell", "--lang", "en", "-"}, note).exit_code == 1);
    CHECK(cli.run({"words", "remove", "Kubernetes"}).exit_code == 2);
}

TEST_CASE("draft --check and sheet --format txt --check print the issues after the text") {
    CliOnDb cli;
    cli.ok({"contact", "add", "--name", "Zoë Ångström", "--company", "Hydro-Québec", "--role",
            "géomaticienne"});
    cli.ok({"meeting", "add", "--contact", "1", "--at", "2025-03-14T09:30"});
    cli.ok({"profile", "set", "--name", "Sam Ng", "--field", "urban planning", "--lang", "en"});

    // The shipped templates are clean in both languages.
    for (const char* lang : {"en", "fr"}) {
        INFO(lang);
        const std::string learned = std::string(lang) == "en" ? "Public consultations matter most."
                                                              : "Les consultations publiques comptent.";
        const auto thanks = cli.run({"draft", "thank-you", "--meeting", "1", "--lang", lang,
                                     "--learned", learned, "--check"});
        CHECK(thanks.exit_code == 0);
        CHECK(thanks.out.find(": no issues --") != std::string::npos);
        const auto ask = cli.run({"draft", "outreach", "--contact", "1", "--lang", lang, "--check"});
        CHECK(ask.exit_code == 0);
        CHECK(ask.out.find(": no issues --") != std::string::npos);
    }
    const auto typo = cli.run({"draft", "thank-you", "--meeting", "1", "--lang", "en", "--check",
                               "--learned", "Public consultashuns matter most."});
    CHECK(typo.exit_code == 1);
    const auto text_end = typo.out.find("\n-- Spelling, English (US): 1 issue --\n");
    REQUIRE(text_end != std::string::npos);
    CHECK(typo.out.find("consultashuns") < text_end);  // the draft comes first
    CHECK(typo.out.find("spelling \u201Cconsultashuns\u201D", text_end) != std::string::npos);

    for (const char* lang : {"en", "fr"}) {
        INFO(lang);
        const auto sheet = cli.run({"sheet", "--industry", "technology", "--goal", "company-culture",
                                    "--lang", lang, "--company", "Nordlys", "--contact",
                                    "Zoë Ångström", "--format", "txt", "--check"});
        CHECK(sheet.out.find(": no issues --") != std::string::npos);
        CHECK(sheet.exit_code == 0);
    }
    const auto markdown = cli.run({"sheet", "--industry", "technology", "--goal", "company-culture",
                                   "--format", "md", "--check"});
    CHECK(markdown.exit_code == 2);
    CHECK(markdown.err.find("--check works with --format txt") != std::string::npos);
}

TEST_CASE("spell and --check follow the profile's English spelling; --lang overrides it") {
    CliOnDb cli;
    const std::string note = "The colour of the organisation pleased me.\n";
    CHECK(cli.run({"spell", "-"}, note).exit_code == 1);  // US English by default
    cli.ok({"profile", "set", "--spelling", "en-gb"});
    CHECK(cli.ok_json({"profile", "show", "--format", "json"})["english_spelling"] == "en-gb");
    CHECK(cli.ok({"profile", "show"}).find("spelling:   en-gb") != std::string::npos);
    CHECK(cli.run({"spell", "-"}, note).exit_code == 0);
    CHECK(cli.run({"spell", "--lang", "en", "-"}, note).exit_code == 1);  // asked for US

    cli.ok({"contact", "add", "--name", "Zoë Ångström"});
    cli.ok({"meeting", "add", "--contact", "1", "--at", "2025-03-14T09:30"});
    cli.ok({"profile", "set", "--name", "Sam Ng"});
    const auto uk = cli.run({"draft", "thank-you", "--meeting", "1", "--lang", "en", "--check",
                             "--learned", "The colour of the organisation matters."});
    CHECK(uk.exit_code == 0);
    CHECK(uk.out.find("-- Spelling, English (UK): no issues --") != std::string::npos);

    // A French profile checks French, whatever the English spelling.
    cli.ok({"profile", "set", "--lang", "fr"});
    const auto french = cli.run({"spell", "--format", "json", "-"}, "Merci pour votre tems.\n");
    CHECK(french.exit_code == 1);
    CHECK(json::parse(french.out)[0]["reason"].get<std::string>().find("dictionnaire fran") !=
          std::string::npos);

    const auto bad = cli.run({"profile", "set", "--spelling", "en-au"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("english_spelling") != std::string::npos);
}
