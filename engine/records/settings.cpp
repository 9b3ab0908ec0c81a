#include "engine/records/settings.h"

#include "engine/base/utf8.h"
#include "engine/records/profile.h"
#include "engine/records/record_checks.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

namespace rapport {

std::optional<std::string> get_setting(Database& db, std::string_view key) {
    Statement st = db.prepare("SELECT value FROM settings WHERE key = ?1");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return st.column_text(0);
}

void check_setting(std::string_view key, std::string_view value) {
    require_utf8(key, "setting name");
    require_utf8(value, key);
    if (key.empty()) throw Error("setting name: must not be empty");
    if (key == "profile.language") {
        require_one_of(key, value, kProfileLanguages);
    } else if (key == "profile.english_spelling") {
        require_one_of(key, value, kProfileEnglishSpellings);
    } else if (key == "profile.goals") {
        const auto goals = nlohmann::json::parse(value, nullptr, false);
        const bool strings = goals.is_array() && std::all_of(goals.begin(), goals.end(), [](
                                                      const auto& g) { return g.is_string(); });
        if (!strings) throw Error(std::string(key) + ": must be a JSON list of goal ids");
    } else if (key.starts_with("avoid.rule.")) {
        static constexpr std::array<std::string_view, 2> kChoices = {"off", "caution"};
        require_one_of(key, value, kChoices);
    }
}

void set_setting(Database& db, std::string_view key, std::string_view value) {
    check_setting(key, value);
    db.transaction([&] {
        db.prepare("INSERT INTO settings(key, value) VALUES(?1, ?2) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .bind(1, key)
            .bind(2, value)
            .run();
    });
}

void erase_setting(Database& db, std::string_view key) {
    db.transaction([&] { db.prepare("DELETE FROM settings WHERE key = ?1").bind(1, key).run(); });
}

std::vector<std::pair<std::string, std::string>> settings_with_prefix(Database& db,
                                                                      std::string_view prefix) {
    Statement st = db.prepare(
        "SELECT key, value FROM settings WHERE substr(key, 1, length(?1)) = ?1 ORDER BY key");
    st.bind(1, prefix);
    std::vector<std::pair<std::string, std::string>> found;
    while (st.step()) found.emplace_back(st.column_text(0), st.column_text(1));
    return found;
}

}  // namespace rapport
