#include "engine/language/spelling.h"

#include "engine/base/error.h"

#include <hunspell.hxx>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>

namespace rapport {
namespace {

constexpr std::array kLanguages = {
    SpellLanguageInfo{SpellLanguage::en_us, "en", "English (US)", "en_US", "hunspell-en-us", true},
    SpellLanguageInfo{SpellLanguage::en_ca, "en-ca", "English (Canada)", "en_CA", "hunspell-en-ca",
                      true},
    SpellLanguageInfo{SpellLanguage::en_gb, "en-gb", "English (UK)", "en_GB", "hunspell-en-gb", true},
    // hunspell-fr pulls in hunspell-fr-classical, which holds fr_FR.dic.
    SpellLanguageInfo{SpellLanguage::fr, "fr", "French", "fr_FR", "hunspell-fr", false},
};

// Suggestions kept per word; callers ask for at most this many.
constexpr std::size_t kKeptSuggestions = 8;

}  // namespace

std::span<const SpellLanguageInfo> spell_languages() { return kLanguages; }

const SpellLanguageInfo& spell_language_info(SpellLanguage language) {
    return kLanguages[static_cast<std::size_t>(language)];
}

std::optional<SpellLanguage> spell_language_from_code(std::string_view code) {
    std::string lower;
    for (char c : code) lower += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "en-us") return SpellLanguage::en_us;
    for (const auto& info : kLanguages)
        if (info.code == lower) return info.language;
    return std::nullopt;
}

std::vector<std::filesystem::path> dictionary_dirs() {
    if (const char* dir = std::getenv("RAPPORT_DICTIONARY_DIR"); dir && *dir) return {dir};
    return {"/usr/share/hunspell", "/usr/share/myspell/dicts"};
}

Dictionary::Dictionary(SpellLanguage language, std::unique_ptr<Hunspell> hunspell)
    : language_(language), hunspell_(std::move(hunspell)) {}

Dictionary::~Dictionary() = default;

std::unique_ptr<Dictionary> Dictionary::load(SpellLanguage language,
                                             const std::vector<std::filesystem::path>& dirs) {
    const SpellLanguageInfo& info = spell_language_info(language);
    const std::string stem(info.dictionary);
    std::string searched;
    for (const auto& dir : dirs) {
        const auto aff = dir / (stem + ".aff");
        const auto dic = dir / (stem + ".dic");
        std::error_code ec;
        if (std::filesystem::is_regular_file(aff, ec) && std::filesystem::is_regular_file(dic, ec))
            return std::unique_ptr<Dictionary>(new Dictionary(
                language, std::make_unique<Hunspell>(aff.c_str(), dic.c_str())));
        searched += (searched.empty() ? "" : ", ") + dir.string();
    }
    throw Error("no " + std::string(info.name) + " spelling dictionary: " + stem + ".dic and " +
                stem + ".aff are not in " + (searched.empty() ? "any folder" : searched) +
                ". Install the Debian package " + std::string(info.debian_package) +
                " (sudo apt-get install " + std::string(info.debian_package) + ")");
}

std::shared_ptr<Dictionary> Dictionary::shared(SpellLanguage language) {
    static std::mutex mutex;
    // By folders too: $RAPPORT_DICTIONARY_DIR may point elsewhere later.
    static std::map<std::pair<SpellLanguage, std::vector<std::filesystem::path>>,
                    std::shared_ptr<Dictionary>>
        loaded;
    const auto dirs = dictionary_dirs();
    const std::lock_guard lock(mutex);
    auto& slot = loaded[{language, dirs}];
    if (!slot) slot = load(language, dirs);
    return slot;
}

bool Dictionary::spell(std::string_view word) {
    const std::lock_guard lock(mutex_);
    return hunspell_->spell(std::string(word));
}

std::vector<std::string> Dictionary::suggest(std::string_view word, std::size_t limit) {
    const std::lock_guard lock(mutex_);
    auto it = suggestions_.find(word);
    if (it == suggestions_.end()) {
        auto found = hunspell_->suggest(std::string(word));
        if (found.size() > kKeptSuggestions) found.resize(kKeptSuggestions);
        it = suggestions_.emplace(std::string(word), std::move(found)).first;
    }
    const auto& all = it->second;
    return {all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(limit, all.size()))};
}

std::optional<std::vector<std::string>> Dictionary::cached_suggestions(std::string_view word) {
    const std::lock_guard lock(mutex_);
    auto it = suggestions_.find(word);
    if (it == suggestions_.end()) return std::nullopt;
    return it->second;
}

}  // namespace rapport
