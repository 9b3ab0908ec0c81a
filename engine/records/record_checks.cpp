#include "engine/records/record_checks.h"

#include "engine/base/utf8.h"

namespace rapport {

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

void require_utf8_fields(
    std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
    for (const auto& [name, value] : fields) require_utf8(value, name);
}

void require_utf8_list(std::string_view field, const std::vector<std::string>& values) {
    for (std::size_t i = 0; i < values.size(); ++i)
        require_utf8(values[i], std::string(field) + " " + std::to_string(i + 1));
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
