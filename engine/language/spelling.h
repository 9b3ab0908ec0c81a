// Hunspell dictionaries for the spelling check: which languages, where the
// Debian packages put them, and one loaded dictionary per language, cached.
//
// A dictionary loads on first use (en: ~30 ms, fr: ~110 ms, ~15 MB each) and
// stays for the life of the program. A missing dictionary is a rapport::Error
// that names the Debian package to install; nothing else depends on it, so
// the rest of the app keeps working.
//
// Hunspell's spell() takes a few microseconds; suggest() takes 50-300 ms a
// word, so suggestions are asked for only when someone wants them, and are
// remembered.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

class Hunspell;

namespace rapport {

enum class SpellLanguage { en_us, en_ca, en_gb, fr };

struct SpellLanguageInfo {
    SpellLanguage language;
    std::string_view code;            // what --lang takes: "en", "en-ca", "en-gb", "fr"
    std::string_view name;            // "English (US)"
    std::string_view dictionary;      // file stem: en_US.dic / en_US.aff
    std::string_view debian_package;  // the package that installs it
    bool english;
};

std::span<const SpellLanguageInfo> spell_languages();
const SpellLanguageInfo& spell_language_info(SpellLanguage language);
// "en", "en-us", "en-ca", "en-gb", "fr" (any case, '_' or '-'); nullopt otherwise.
std::optional<SpellLanguage> spell_language_from_code(std::string_view code);

// The folders searched for <stem>.dic/.aff: $RAPPORT_DICTIONARY_DIR when set,
// else /usr/share/hunspell then /usr/share/myspell/dicts.
std::vector<std::filesystem::path> dictionary_dirs();

class Dictionary {
public:
    // Loads a new instance from the first folder holding both files. Throws
    // rapport::Error naming the files and the Debian package when none does.
    static std::unique_ptr<Dictionary> load(SpellLanguage language,
                                            const std::vector<std::filesystem::path>& dirs);
    // The process-wide instance for a language and the current
    // dictionary_dirs(), loaded on first call. Thread-safe; the first call
    // for a language takes 30-200 ms (the app makes it off the UI thread).
    static std::shared_ptr<Dictionary> shared(SpellLanguage language);

    ~Dictionary();
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;

    SpellLanguage language() const { return language_; }
    // Both are thread-safe (one lock per dictionary).
    bool spell(std::string_view word);
    // Up to `limit` corrections, best first; remembered per word.
    std::vector<std::string> suggest(std::string_view word, std::size_t limit = 5);
    // Only the remembered suggestions (nullopt when never asked): never slow.
    std::optional<std::vector<std::string>> cached_suggestions(std::string_view word);

private:
    Dictionary(SpellLanguage language, std::unique_ptr<Hunspell> hunspell);

    SpellLanguage language_;
    std::unique_ptr<Hunspell> hunspell_;
    std::mutex mutex_;
    std::map<std::string, std::vector<std::string>, std::less<>> suggestions_;
};

}  // namespace rapport
