#include "engine/records/record_checks.h"

namespace rapport {

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

void require_text(std::string_view field, std::string_view value) {
    if (trimmed(value).empty()) throw Error(std::string(field) + ": must not be empty");
}

std::int64_t next_id(Database& db, const char* table) {
    Statement st = db.prepare(std::string("SELECT coalesce(max(id), 0) + 1 FROM ") + table);
    st.step();
    return st.column_int(0);
}

void require_one_of(std::string_view field, std::string_view value,
                    std::span<const std::string_view> allowed) {
    std::string names;
    for (auto a : allowed) {
        if (a == value) return;
        names += (names.empty() ? "" : ", ") + std::string(a);
    }
    throw Error(std::string(field) + ": '" + std::string(value) + "' is not one of " + names);
}

}  // namespace rapport
