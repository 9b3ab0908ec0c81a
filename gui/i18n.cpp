// Language set-up for gettext (glibc's libintl).
//
// Why LANGUAGE and C.UTF-8: the app switches language at run time, without a
// restart and without needing a French system locale (test machines and many
// containers have only C.UTF-8). gettext picks catalogues from the LANGUAGE
// variable, but glibc ignores LANGUAGE while the messages locale is "C" or
// "POSIX"; C.UTF-8 is not "C" for that check, so when the environment gives
// no real locale the messages category is set to C.UTF-8. Only LC_MESSAGES
// is taken from the environment: numbers and character classes keep the C
// locale, so "%.1f" stays "35.6" wherever the engine writes or reads it, and
// gettext's output is UTF-8 through bind_textdomain_codeset().
// A switch sets LANGUAGE and bumps _nl_msg_cat_cntr, which is how GNU gettext
// is told that catalogues changed (it invalidates its cache of lookups).
#include "gui/i18n.h"

#include "engine/base/paths.h"

#include <rapport/build_config.h>

#include <clocale>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <utility>

extern "C" int _nl_msg_cat_cntr;  // glibc's catalogue generation counter

namespace rapport::gui {
namespace {

constexpr const char* kDomain = "rapport";

std::string& current_language() {
    static std::string language = "en";
    return language;
}

bool is_plain_c(const char* locale) {
    return !locale || std::strcmp(locale, "C") == 0 || std::strcmp(locale, "POSIX") == 0;
}

}  // namespace

std::filesystem::path shipped_locale_dir() {
    // Installed: <prefix>/share/rapport is the data folder, the catalogues
    // are in <prefix>/share/locale. From the build tree: <build>/locale.
    const std::filesystem::path data = shipped_data_dir();
    if (data != std::filesystem::path(RAPPORT_SOURCE_DIR)) {
        const std::filesystem::path installed = data.parent_path() / "locale";
        std::error_code ec;
        if (std::filesystem::is_directory(installed, ec)) return installed;
    }
    return std::filesystem::path(RAPPORT_BUILD_DIR) / "locale";
}

void init_translations(const std::filesystem::path& locale_dir) {
    if (is_plain_c(std::setlocale(LC_MESSAGES, ""))) std::setlocale(LC_MESSAGES, "C.UTF-8");
    ::bindtextdomain(kDomain, locale_dir.c_str());
    ::bind_textdomain_codeset(kDomain, "UTF-8");
    ::textdomain(kDomain);
}

std::string system_language() {
    for (const char* variable : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(variable);
        if (!value || !*value) continue;
        // LANGUAGE is a list ("fr:en"); the others one locale ("fr_CA.UTF-8").
        return std::strncmp(value, "fr", 2) == 0 ? "fr" : "en";
    }
    return "en";
}

std::string choose_interface_language(const std::optional<std::string>& profile_language) {
    if (profile_language)
        for (const char* known : kInterfaceLanguages)
            if (*profile_language == known) return known;
    return system_language();
}

void set_interface_language(const std::string& language) {
    current_language() = language == "fr" ? "fr" : "en";
    // English is the msgids: no catalogue for "en", gettext returns them.
    ::setenv("LANGUAGE", current_language().c_str(), 1);
    ++_nl_msg_cat_cntr;
}

const std::string& interface_language() { return current_language(); }

std::string meeting_value_label(std::string_view value) {
    static constexpr std::pair<std::string_view, const char*> kLabels[] = {
        {"in-person", N_("in person")}, {"phone", N_("phone")},   {"video", N_("video")},
        {"email", N_("email")},         {"planned", N_("planned")}, {"done", N_("done")},
        {"cancelled", N_("cancelled")}};
    for (const auto& [stored, label] : kLabels)
        if (value == stored) return _(label);
    return std::string(value);
}

std::string decimal(double value, int digits, bool with_sign) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, with_sign ? "%+.*f" : "%.*f", digits, value);  // i18n: decimal() itself
    std::string text = buffer;
    if (interface_language() == "fr")
        for (char& c : text)
            if (c == '.') c = ',';
    return text;
}

std::string format(const char* templ, ...) {
    va_list args;
    va_start(args, templ);
    va_list again;
    va_copy(again, args);
    const int length = std::vsnprintf(nullptr, 0, templ, args);
    va_end(args);
    std::string text(length > 0 ? static_cast<size_t>(length) : 0, '\0');
    if (length > 0) std::vsnprintf(text.data(), text.size() + 1, templ, again);
    va_end(again);
    return text;
}

}  // namespace rapport::gui
