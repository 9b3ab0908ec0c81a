#include "engine/settings.h"

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

}  // namespace rapport
