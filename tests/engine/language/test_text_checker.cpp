// The spelling check over real Hunspell dictionaries: texts with known
// errors, and clean texts (names, accents, apostrophes, acronyms, links) that
// must stay clean.
#include "engine/base/error.h"
#include "engine/language/text_checker.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace rapport;

namespace {

// "kind:word" for each issue, in text order: easy to read in a failure.
std::string found(TextChecker& checker, std::string_view text) {
    std::string out;
    for (const auto& issue : checker.check(text))
        out += (out.empty() ? "" : " | ") + std::string(issue_kind_name(issue.kind)) + ":" + issue.word;
    return out;
}

bool suggests(const TextIssue& issue, const std::string& word) {
    return std::find(issue.suggestions.begin(), issue.suggestions.end(), word) != issue.suggestions.end();
}

const PersonalWords& contacts() {
    static const PersonalWords words({"Zoë Ångström", "Hydro-Québec", "Nordlys", "Siobhán O'Keeffe",
                                      "Ngozi Okonjo", "Trondheim", "Data steward"});
    return words;
}

}  // namespace

TEST_CASE("English notes: misspellings are found, with suggestions") {
    TextChecker checker(SpellLanguage::en_us, contacts());
    const std::string note =
        "Hi Zoë,\n\nThank you for the time you gave me on Tuesday. I realy appreciated hearing how "
        "you moved from teaching into data work, and I will definately read the report you "
        "mentioned.";
    CHECK(found(checker, note) == "spelling:realy | spelling:definately");
    auto issues = checker.check(note);
    checker.add_suggestions(issues);
    REQUIRE(issues.size() == 2);
    CHECK(issues[0].line == 3);
    CHECK(note.substr(issues[0].offset, issues[0].length) == "realy");
    CHECK(suggests(issues[0], "really"));
    CHECK(suggests(issues[1], "definitely"));
    CHECK(issues[0].reason.find("English (US)") != std::string::npos);
}

TEST_CASE("English: clean texts stay clean") {
    TextChecker checker(SpellLanguage::en_us, contacts());
    const char* clean[] = {
        "Dear Zoë Ångström, thank you for explaining how Hydro-Québec plans its grid work.",
        "I don't think I'd have found Nordlys without you; it's the team's openness I’ll remember.",
        "Siobhán O'Keeffe suggested I write to Ngozi Okonjo at Zoë's old office in Trondheim.",
        "My notes are at https://example.org/notes/2025?id=42 and my address is sam.lee@example.com.",
        "We spoke about the NASA contract, an MBA, a UX role and an HR manager for 45 minutes.",
        "It was an honest, useful talk: an hour well spent on a one-page plan and a university course.",
        "I started in 2019, moved to the 3rd floor, e.g. near the labs, then met Dr. Okonjo.",
        "Would you mind if I followed up next week? Thanks again!",
    };
    for (const char* text : clean) {
        INFO(std::string(text));
        CHECK(found(checker, text) == "");
    }
}

TEST_CASE("English variants use their own dictionary") {
    TextChecker us(SpellLanguage::en_us), gb(SpellLanguage::en_gb), ca(SpellLanguage::en_ca);
    const std::string text = "Your colour choices and the organisation of the centre impressed me.";
    CHECK(found(us, text) == "spelling:colour | spelling:organisation | spelling:centre");
    CHECK(found(gb, text) == "");
    CHECK(found(ca, "The colour of the centre.") == "");
    CHECK(found(gb, "The color of the center.") == "spelling:color | spelling:center");
}

TEST_CASE("French notes: misspellings, accents and elisions") {
    TextChecker checker(SpellLanguage::fr, contacts());
    const std::string note =
        "Bonjour Zoë,\n\nMerci pour notre échange d'aujourd'hui. J'ai apris beaucoup sur "
        "l'entreprise et sur le métier d'ingénieure ; vos conseils m'ont été très utils.";
    CHECK(found(checker, note) == "spelling:apris | spelling:utils");
    auto issues = checker.check(note);
    checker.add_suggestions(issues);
    CHECK(suggests(issues[0], "appris"));
    // A French text gets its reasons in French.
    CHECK(issues[0].reason ==
          "\u00AB\u00A0apris\u00A0\u00BB n\u2019est ni dans le dictionnaire fran\u00E7ais ni dans vos mots.");
    // A compound the dictionary does not know whole is checked part by part.
    CHECK(found(checker, "J'ai perdu mon porte-monaie.") == "spelling:monaie");
}

TEST_CASE("French: clean texts stay clean") {
    TextChecker checker(SpellLanguage::fr, contacts());
    const char* clean[] = {
        "Chère Zoë Ångström, merci pour ce moment chez Hydro-Québec à Trondheim.",
        "Aujourd’hui, l’entreprise d’Hydro-Québec m’a semblé ouverte ; qu’est-ce qui l’a rendue ainsi ?",
        "Je vous écris à zoe.angstrom@nordlys.no ou via https://nordlys.no/carrieres, c'est-à-dire "
        "en ligne.",
        "Nous nous reverrons en mars, à 10:30, pour parler du CV et de la PME : « un vrai défi ».",
        "Peut-être pourrions-nous échanger de nouveau ? Ce serait précieux !",
        // Compounds the dictionary holds whole, whose parts are not French words.
        "Je donne des cours le week-end et je voudrais rejoindre une start-up.",
    };
    for (const char* text : clean) {
        INFO(std::string(text));
        CHECK(found(checker, text) == "");
    }
}

TEST_CASE("personal words: names from the records and added words") {
    TextChecker without(SpellLanguage::en_us);
    CHECK(found(without, "Nordlys hired Ångström.") ==
          "spelling:Nordlys | spelling:Ångström");
    TextChecker with(SpellLanguage::en_us, PersonalWords({"Nordlys", "Zoë Ångström"}));
    CHECK(found(with, "Nordlys hired Ångström.") == "");
    CHECK(found(with, "NORDLYS and nordlys's and Ångström’s work.") == "");
    with.set_personal_words(PersonalWords({"Kubernetes"}));
    CHECK(found(with, "Nordlys runs Kubernetes.") == "spelling:Nordlys");
}

TEST_CASE("a missing dictionary names the Debian package") {
    const test::TempDir empty;
    try {
        Dictionary::load(SpellLanguage::en_gb, {empty.path()});
        FAIL("no dictionary there");
    } catch (const Error& e) {
        const std::string message = e.what();
        CHECK(message.find("hunspell-en-gb") != std::string::npos);
        CHECK(message.find("en_GB.dic") != std::string::npos);
        CHECK(message.find(empty.path().string()) != std::string::npos);
    }
    // The checker loads its dictionary on the first check, not before.
    TextChecker lazy(SpellLanguage::fr);
    CHECK(lazy.language() == SpellLanguage::fr);
}

TEST_CASE("dictionaries are shared and suggestions remembered") {
    auto a = Dictionary::shared(SpellLanguage::en_us);
    CHECK(a == Dictionary::shared(SpellLanguage::en_us));
    CHECK_FALSE(a->cached_suggestions("wierdly-spelt-word"));
    const auto first = a->suggest("recieve");
    CHECK(a->cached_suggestions("recieve") == first);
    CHECK(spell_language_from_code("EN_gb") == SpellLanguage::en_gb);
    CHECK(spell_language_from_code("en-US") == SpellLanguage::en_us);
    CHECK_FALSE(spell_language_from_code("de"));
}
