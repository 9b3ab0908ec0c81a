// The interface language (gui/i18n.h) with the real catalogue the build
// compiles from po/fr.po: translations, plural forms, the switch at run time
// without a restart, and the choice between the profile and the system. The
// machines these run on have only the C and C.UTF-8 locales: the switch must
// work there (see gui/i18n.cpp for why).
#include "gui/i18n.h"
#include "gui/models/profile_model.h"

#include "engine/base/date_format.h"
#include "engine/records/settings.h"
#include "tests/gui_models/seed.h"

#include <doctest/doctest.h>

#include <clocale>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <string>

using namespace rapport;
using namespace rapport::gui;
using namespace rapport::test;

namespace {

// Sets locale variables for one test and puts back what was there, and the
// interface back in English for the other suites' English messages.
class Environment {
public:
    void set(const char* name, const char* value) {
        if (!saved_.count(name)) {
            const char* old = std::getenv(name);
            saved_[name] = old ? std::optional<std::string>(old) : std::nullopt;
        }
        if (value) ::setenv(name, value, 1);
        else ::unsetenv(name);
    }
    ~Environment() {
        for (const auto& [name, value] : saved_) {
            if (value) ::setenv(name.c_str(), value->c_str(), 1);
            else ::unsetenv(name.c_str());
        }
        set_interface_language("en");
    }

private:
    std::map<std::string, std::optional<std::string>> saved_;
};

std::string tr(const char* text) { return _(text); }

}  // namespace

TEST_CASE("the catalogue built from po/fr.po translates, and the switch needs no restart") {
    Environment env;
    // The bare C locale, as on a machine with no locale set at all: glibc
    // would ignore LANGUAGE there, so init_translations() must avoid it.
    env.set("LC_ALL", "C");
    env.set("LANG", nullptr);
    init_translations();
    REQUIRE(std::filesystem::exists(shipped_locale_dir() / "fr" / "LC_MESSAGES" / "rapport.mo"));
    CHECK(std::string(std::setlocale(LC_MESSAGES, nullptr)) != "C");

    set_interface_language("en");
    CHECK(tr("Save attempt") == "Save attempt");
    set_interface_language("fr");
    CHECK(interface_language() == "fr");
    CHECK(tr("Save attempt") == "Enregistrer l’essai");
    CHECK(tr("Profile & settings") == "Profil et réglages");
    // French typography: a no-break space before the colon.
    CHECK(format(_("To finish the draft: %s"), "x") == "Pour terminer le brouillon\u00A0: x");
    set_interface_language("en");
    CHECK(tr("Save attempt") == "Save attempt");  // and back, in the same process
    set_interface_language("fr");
    CHECK(tr("Save attempt") == "Enregistrer l’essai");
}

TEST_CASE("plural forms follow the language: French counts 0 and 1 as singular") {
    Environment env;
    init_translations();
    const auto issues = [](unsigned long n) {
        return format(P_("%zu spelling issue", "%zu spelling issues", n), static_cast<size_t>(n));
    };
    set_interface_language("en");
    CHECK(issues(0) == "0 spelling issues");
    CHECK(issues(1) == "1 spelling issue");
    CHECK(issues(2) == "2 spelling issues");
    set_interface_language("fr");
    CHECK(issues(0) == "0 faute possible");
    CHECK(issues(1) == "1 faute possible");
    CHECK(issues(2) == "2 fautes possibles");
    CHECK(format(P_("%d attempt · best %s s (%s s from target)",
                    "%d attempts · best %s s (%s s from target)", 3),
                 3, decimal(58.94, 1).c_str(), decimal(1.1, 1).c_str()) ==
          "3 essais · meilleur 58,9 s (à 1,1 s de la cible)");
}

TEST_CASE("numbers take the language's decimal mark") {
    Environment env;
    init_translations();
    set_interface_language("en");
    CHECK(decimal(35.56, 1) == "35.6");
    CHECK(decimal(2.5, 1, true) == "+2.5");
    CHECK(decimal(-2.5, 1, true) == "-2.5");
    CHECK(decimal(64.0, 0) == "64");
    set_interface_language("fr");
    CHECK(decimal(35.56, 1) == "35,6");
    CHECK(decimal(2.5, 1, true) == "+2,5");
    CHECK(decimal(64.0, 0) == "64");
    set_interface_language("en");
}

// Every screen and widget includes i18n.h: it must not bring the database
// (or any other part of the engine) with it. The profile's choice of
// language is read elsewhere (profile_interface_language, profile_model.h).
TEST_CASE("gui/i18n.h includes only system headers") {
    std::ifstream header(source_dir() / "gui" / "i18n.h");
    REQUIRE(header);
    int includes = 0;
    for (std::string line; std::getline(header, line);) {
        if (line.rfind("#include", 0) != 0) continue;
        ++includes;
        INFO(line);
        CHECK(line.find('<') != std::string::npos);  // <libintl.h>, <string>: no "engine/..." header
    }
    CHECK(includes > 0);
}

TEST_CASE("stored values and dates read in the interface language") {
    Environment env;
    init_translations();
    set_interface_language("fr");
    CHECK(meeting_value_label("planned") == "prévue");
    CHECK(meeting_value_label("in-person") == "en personne");
    CHECK(meeting_value_label("something-new") == "something-new");
    const LocalDateTime at = local("2026-11-30T10:00");
    CHECK(format_date_time(at, interface_language()).find("nov.") != std::string::npos);
    set_interface_language("en");
    CHECK(meeting_value_label("planned") == "planned");
    CHECK(format_date_time(at, interface_language()).find("Nov") != std::string::npos);
}

TEST_CASE("the interface follows the profile's language, else the system's") {
    Environment env;
    env.set("LANGUAGE", nullptr);
    env.set("LC_ALL", nullptr);
    env.set("LC_MESSAGES", nullptr);
    env.set("LANG", "fr_CA.UTF-8");
    CHECK(system_language() == "fr");
    env.set("LC_ALL", "en_GB.UTF-8");  // LC_ALL comes before LANG
    CHECK(system_language() == "en");
    env.set("LANGUAGE", "fr:en");      // and LANGUAGE before both
    CHECK(system_language() == "fr");
    env.set("LANGUAGE", nullptr);
    env.set("LC_ALL", nullptr);
    env.set("LANG", "C.UTF-8");
    CHECK(system_language() == "en");

    TempDir tmp;
    Database db = Database::open(tmp / "rapport.db");
    // No language chosen yet: the system's.
    env.set("LANG", "fr_FR.UTF-8");
    CHECK(profile_interface_language(db) == "fr");
    env.set("LANG", "C.UTF-8");
    CHECK(profile_interface_language(db) == "en");

    // The Profile screen's choice wins over the system, both ways.
    ProfileModel profile(&db, shipped_banks());
    profile.set_language("fr");
    CHECK(profile_interface_language(db) == "fr");
    init_translations();
    set_interface_language(profile_interface_language(db));
    CHECK(tr("Home") == "Accueil");
    env.set("LANG", "fr_FR.UTF-8");
    profile.set_language("en");
    CHECK(profile_interface_language(db) == "en");
    set_interface_language(profile_interface_language(db));
    CHECK(tr("Home") == "Home");
}
