// The user's word list on a real database, and the names the records lend
// to the spelling check.
#include "engine/language/text_checker.h"
#include "engine/records/contacts.h"
#include "engine/records/debriefs.h"
#include "engine/records/meetings.h"
#include "engine/records/profile.h"
#include "engine/records/settings.h"
#include "engine/records/word_list.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace rapport;
using rapport::test::TempDir;

TEST_CASE("personal words: add, list, remove, refuse what is not one word") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    CHECK(list_personal_words(db).empty());
    CHECK(add_personal_word(db, "  Kubernetes "));
    CHECK_FALSE(add_personal_word(db, "Kubernetes"));
    CHECK(add_personal_word(db, "géomatique"));
    CHECK(list_personal_words(db) == std::vector<std::string>{"Kubernetes", "géomatique"});
    CHECK_THROWS_WITH_AS(add_personal_word(db, "two words"), doctest::Contains("one word at a time"),
                         Error);
    CHECK_THROWS_AS(add_personal_word(db, "   "), Error);
    CHECK_THROWS_AS(add_personal_word(db, std::string(101, 'x')), Error);
    CHECK(remove_personal_word(db, "Kubernetes"));
    CHECK_FALSE(remove_personal_word(db, "Kubernetes"));
    CHECK(list_personal_words(db) == std::vector<std::string>{"géomatique"});
}

TEST_CASE("names from the records are known words for the spelling check") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    update_profile(db, {.name = "Priyanka Raghunathan", .field = "géomatique appliquée",
                        .background = {}, .email = {}, .phone = {}, .language = "en", .goals = {},
                        .default_minutes = {}, .speaking_wpm = {}});
    Contact zoe;
    zoe.name = "Zoë Ångström";
    zoe.company = "Nordlys Énergie";
    zoe.role = "Geodesist";
    const auto zoe_id = add_contact(db, zoe);
    Meeting m;
    m.contact_id = zoe_id;
    m.at = parse_local_date_time("2025-03-14T09:30", "at");
    m.place = "Kaffebrenneriet Grünerløkka";
    add_meeting(db, m);
    add_personal_word(db, "Kubernetes");

    const auto sources = personal_word_sources(db);
    CHECK(std::find(sources.begin(), sources.end(), "Zoë Ångström") != sources.end());
    CHECK(std::find(sources.begin(), sources.end(), "Kubernetes") != sources.end());

    const std::string note =
        "Dear Zoë, thank you for the coffee at Kaffebrenneriet in Grünerløkka. Hearing how "
        "Nordlys Énergie uses Kubernetes was great; I'm Priyanka, a Geodesist-to-be.";
    TextChecker bare(SpellLanguage::en_us);
    CHECK(bare.check(note).size() >= 5);
    TextChecker mine(SpellLanguage::en_us, PersonalWords(sources));
    CHECK(mine.check(note).empty());
    // A removed word is flagged again once the list is read anew.
    remove_personal_word(db, "Kubernetes");
    mine.set_personal_words(PersonalWords(personal_word_sources(db)));
    const auto issues = mine.check(note);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].word == "Kubernetes");
}

TEST_CASE("the English spelling is a profile choice the spelling check follows") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    CHECK(load_profile(db).english_spelling == "en");
    CHECK(spelling_language_code(load_profile(db), "en") == "en");
    set_english_spelling(db, "en-gb");
    const Profile profile = load_profile(db);
    CHECK(profile.english_spelling == "en-gb");
    CHECK(spelling_language_code(profile, "en") == "en-gb");
    CHECK(spelling_language_code(profile, "fr") == "fr");  // French stays French

    // The code picks the dictionary: "colour" is right in the UK, not in the US.
    TextChecker uk(*spell_language_from_code(spelling_language_code(profile, "en")));
    CHECK(uk.check("The colour of the organisation.").empty());
    TextChecker us(*spell_language_from_code(spelling_language_code(Profile{}, "en")));
    CHECK(us.check("The colour of the organisation.").size() == 2);

    CHECK_THROWS_WITH_AS(set_english_spelling(db, "en-au"),
                         doctest::Contains("english_spelling"), Error);
    CHECK_THROWS_AS(set_setting(db, "profile.english_spelling", "fr"), Error);
    CHECK(load_profile(db).english_spelling == "en-gb");
}
