// The window's text goes through gettext so that it can be shown in French.
//
// _("Save")            marks a string for xgettext and translates it now.
// N_("Save")           only marks it (a table of labels translated later with _()).
// P_("%d attempt", "%d attempts", n)   picks the plural form of the language.
//
// Build sentences from one translated template with placeholders
// (printf style, so the French word order can differ), never by gluing
// translated pieces together: format(_("%d of %d minutes"), a, b).
// Without a bound catalogue gettext returns the English text unchanged, so
// code using these works before the catalogue loads (and in model tests).
//
// How the language is chosen and switched: gui/i18n.cpp.
#pragma once

#include <libintl.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#define _(text) ::gettext(text)
#define N_(text) text

namespace rapport::gui {

inline const char* P_(const char* one, const char* many, unsigned long n) {
    return ::ngettext(one, many, n);
}

// The interface languages: English (the msgids) and French (po/fr.po).
inline constexpr const char* kInterfaceLanguages[] = {"en", "fr"};

// Where rapport.mo files live: <build>/locale when the app runs from the
// build tree, <prefix>/share/locale once installed.
std::filesystem::path shipped_locale_dir();

// Binds the "rapport" text domain to `locale_dir` (UTF-8 output) and takes
// the messages locale from the environment. Call once, before any _().
void init_translations(const std::filesystem::path& locale_dir = shipped_locale_dir());

// "fr" or "en" from the system's locale variables, in gettext's order of
// precedence: LANGUAGE, LC_ALL, LC_MESSAGES, LANG. Anything not French is "en".
std::string system_language();

// The interface language: the profile's when the user chose one, else the
// system's. (The profile's choice is read from the database by
// profile_interface_language(), gui/models/profile_model.h: this header
// stays free of the database, so anything may include it.)
std::string choose_interface_language(const std::optional<std::string>& profile_language);

// Switches every later _() / P_() to `language` ("en" or "fr") at once.
void set_interface_language(const std::string& language);
// The language set last ("en" before any).
const std::string& interface_language();

// How a meeting's stored mode or status ("in-person", "planned", see
// engine/records/meetings.h) reads in the interface language; an unknown
// value is shown as it is.
std::string meeting_value_label(std::string_view value);

// printf into a std::string: format(_("%d of %d minutes"), used, budget).
// GCC checks the arguments against the English template (gettext keeps the
// format_arg attribute), and msgfmt --check-format the French one.
std::string format(const char* templ, ...) __attribute__((format(printf, 1, 2)));

// A number with `digits` decimals as the window's language writes it: "35.6"
// in English, "35,6" in French (printf itself stays in the C locale);
// with_sign adds "+" to a positive number ("+2.5", for an offset).
std::string decimal(double value, int digits, bool with_sign = false);

}  // namespace rapport::gui
