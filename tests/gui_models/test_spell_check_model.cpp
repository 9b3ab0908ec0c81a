// The spelling model behind the thank-you note and your own question, on a
// temp database: issues as the text changes, suggestions from the worker
// thread, replacement, "Add to my words", and the step before Copy / Mark
// sent that shows the count once and never blocks.
#include "gui/models/spell_check_model.h"

#include "engine/base/paths.h"
#include "engine/records/word_list.h"
#include "gui/models/profile_model.h"
#include "tests/gui_models/seed.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::test;

namespace {

// Lets the worker finish (Hunspell suggestions take up to a few hundred ms).
void wait_for_suggestions(SpellCheckModel& spell, const std::string& text) {
    for (int i = 0; i < 500 && spell.working(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        spell.update(text);
    }
    REQUIRE_FALSE(spell.working());
}

// Lets the dictionary load on its worker thread (30-200 ms the first time).
void wait_until_ready(SpellCheckModel& spell, const std::string& text) {
    for (int i = 0; i < 500 && !spell.ready() && spell.error().empty(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        spell.update(text);
    }
}

}  // namespace

TEST_CASE("SpellCheckModel: issues, suggestions, replacement and my words") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    seed_contact(db, "Zoë Ångström", "Nordlys");
    SpellCheckModel spell(&db, "en");

    std::string note = "Dear Zoë, thank you for the tour of Nordlys. I learnd a lot about Kubernetes.";
    wait_until_ready(spell, note);
    REQUIRE(spell.issues().size() == 2);
    CHECK(spell.issues()[0].word == "learnd");
    CHECK(spell.issues()[1].word == "Kubernetes");
    CHECK(spell.summary() == "2 spelling issues");
    CHECK(spell.error().empty());

    wait_for_suggestions(spell, note);
    const auto suggestions = spell.suggestions(0);
    REQUIRE(suggestions);
    REQUIRE_FALSE(suggestions->empty());
    CHECK(std::find(suggestions->begin(), suggestions->end(), "learned") != suggestions->end());

    const auto fixed = spell.replace(note, 0, "learned");
    REQUIRE(fixed);
    CHECK(fixed->find("I learned a lot") != std::string::npos);
    CHECK_FALSE(spell.replace(note + " more", 0, "learned"));  // the text moved on
    note = *fixed;
    spell.update(note);
    REQUIRE(spell.issues().size() == 1);

    // F7 asked before the suggestions are in is done once they arrive.
    const std::string typo = "Thanks to the volunteeers. " + note;
    spell.update(typo);
    spell.ask_first_fix();
    wait_for_suggestions(spell, typo);
    CHECK(spell.first_fix(typo) == "Thanks to the volunteers. " + note);
    CHECK_FALSE(spell.first_fix(typo));  // done once
    spell.update(note);

    spell.add_to_my_words(0);
    CHECK(spell.issues().empty());
    CHECK(list_personal_words(db) == std::vector<std::string>{"Kubernetes"});
    CHECK(spell.summary().empty());
}

TEST_CASE("SpellCheckModel: Copy and Mark sent show the count once, then go ahead") {
    SpellCheckModel spell(nullptr, "fr");
    const std::string clean = "Merci pour votre temps !";
    wait_until_ready(spell, clean);
    CHECK(spell.go_ahead(SendStep::copy));  // nothing to say: at once

    const std::string typo = "Merci pour votre tenps!";
    spell.update(typo);
    CHECK(spell.summary() == "2 spelling issues");
    CHECK_FALSE(spell.go_ahead(SendStep::mark_sent));
    CHECK(spell.warning().find("2 spelling issues") == 0);
    CHECK_FALSE(spell.go_ahead(SendStep::copy));  // another step: its own warning
    CHECK(spell.go_ahead(SendStep::copy));         // the second click goes ahead
    CHECK(spell.warning().empty());
    // Editing the text asks again.
    CHECK_FALSE(spell.go_ahead(SendStep::copy));
    spell.update(typo + " ");
    CHECK(spell.warning().empty());
    CHECK_FALSE(spell.go_ahead(SendStep::copy));

    // The typography fix is ready at once (no dictionary needed).
    const auto typography = spell.suggestions(1);
    REQUIRE(typography);
    CHECK(spell.replace(typo + " ", 1, typography->front()) == "Merci pour votre tenps\u00A0! ");
}

TEST_CASE("SpellCheckModel: a missing dictionary is a message, not a failure") {
    TempDir empty;
    setenv("RAPPORT_DICTIONARY_DIR", empty.path().c_str(), 1);
    SpellCheckModel spell(nullptr, "en-gb");
    wait_until_ready(spell, "Some text");
    unsetenv("RAPPORT_DICTIONARY_DIR");
    CHECK_FALSE(spell.ready());
    CHECK_FALSE(spell.working());
    CHECK(spell.issues().empty());
    CHECK(spell.error().find("hunspell-en-gb") != std::string::npos);
    CHECK(spell.go_ahead(SendStep::copy));
}

TEST_CASE("SpellCheckModel: the dictionary loads off the UI thread; nothing underlined until then") {
    // A folder of its own, so this load is a first load whatever ran before.
    TempDir dir;
    for (const char* file : {"fr_FR.aff", "fr_FR.dic"})
        fs::copy_file(fs::path("/usr/share/hunspell") / file, dir / file);
    setenv("RAPPORT_DICTIONARY_DIR", dir.path().c_str(), 1);
    const std::string note = "Merci pour votre tenps et vos conseils.";
    SpellCheckModel spell(nullptr, "fr");
    spell.update(note);  // returns at once: the French dictionary takes ~100 ms to load
    CHECK_FALSE(spell.ready());
    CHECK(spell.working());  // the screen keeps drawing frames meanwhile
    CHECK(spell.issues().empty());
    CHECK(spell.underlined_spans().empty());
    CHECK(spell.go_ahead(SendStep::copy));  // nothing known yet: Copy is not held

    wait_until_ready(spell, note);
    unsetenv("RAPPORT_DICTIONARY_DIR");
    REQUIRE(spell.ready());
    REQUIRE(spell.issues().size() == 1);
    CHECK(spell.issues()[0].word == "tenps");
    // The field underlines exactly the misspelled word.
    using Span = std::pair<std::size_t, std::size_t>;
    CHECK(spell.underlined_spans() == std::vector<Span>{{note.find("tenps"), note.find("tenps") + 5}});
}

TEST_CASE("SpellCheckModel: English follows the profile's English spelling") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    const std::string note = "The colour of the organisation.";
    SpellCheckModel spell(&db, "en");
    wait_until_ready(spell, note);
    CHECK(spell.checked_language() == "en");
    CHECK(spell.issues().size() == 2);  // US spelling by default

    // Chosen on the Profile screen; other screens read it again on refresh_words().
    ProfileModel profile(&db, shipped_banks_dir());
    profile.set_english_spelling("en-gb");
    CHECK(profile.profile().english_spelling == "en-gb");
    spell.refresh_words();
    wait_until_ready(spell, note);
    CHECK(spell.checked_language() == "en-gb");
    CHECK(spell.issues().empty());

    // French text stays French whatever the English spelling.
    spell.set_language("fr");
    wait_until_ready(spell, "Merci pour votre tenps.");
    CHECK(spell.checked_language() == "fr");
    CHECK(spell.issues().size() == 1);

    // Live notes have no language of their own: "" follows the profile's.
    SpellCheckModel notes(&db, "");
    wait_until_ready(notes, note);
    CHECK(notes.checked_language() == "en-gb");
    profile.set_language("fr");
    notes.refresh_words();
    wait_until_ready(notes, note);
    CHECK(notes.checked_language() == "fr");

    profile.set_english_spelling("en-au");  // refused, shown beside the choice
    CHECK(profile.field_message("english_spelling") != nullptr);
    CHECK(profile.profile().english_spelling == "en-gb");
}

TEST_CASE("SpellCheckModel: fields share the names read until the database changes") {
    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    seed_contact(db, "Zoë Ångström", "Nordlys");
    SpellCheckModel first(&db, "en");
    const std::string note = "Thank you, Zoë, for the tour of Nordlys and Skogheim.";
    wait_until_ready(first, note);
    REQUIRE(first.issues().size() == 1);
    CHECK(first.issues()[0].word == "Skogheim");

    // A second field reads the same words (shared, not read again).
    SpellCheckModel second(&db, "en");
    wait_until_ready(second, note);
    CHECK(second.issues().size() == 1);

    // A new contact is a change: the names are read again.
    seed_contact(db, "Jean Okafor", "Skogheim");
    SpellCheckModel third(&db, "en");
    wait_until_ready(third, note);
    CHECK(third.issues().empty());
    first.refresh_words();
    first.update(note);
    CHECK(first.issues().empty());

    // Another database never gets these words.
    TempDir other_dir;
    Database other = Database::open(other_dir / "rapport.db");
    SpellCheckModel elsewhere(&other, "en");
    wait_until_ready(elsewhere, note);
    CHECK(elsewhere.issues().size() == 3);  // Zoë, Nordlys, Skogheim
}
