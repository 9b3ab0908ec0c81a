#include "engine/records/settings.h"

namespace rapport {

std::optional<std::string> get_setting(Database& db, std::string_view key) {
    Statement st = db.prepare("SELECT value FROM settings WHERE key = ?1");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return st.column_text(0);
}

void set_setting(Database& db, std::string_view key, std::string_view value) {
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
