// Small helpers the record modules (contacts, meetings, debriefs, import)
// share: text trimming, required fields and new ids. Internal to the engine.
#pragma once

#include "engine/records/database.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <initializer_list>
#include <utility>
#include <vector>

namespace rapport {

// Without leading and trailing ASCII whitespace.
std::string trimmed(std::string_view text);

// Throws rapport::Error "FIELD: not valid UTF-8 text (byte N)" for the first
// field whose text is not valid UTF-8 (name, value pairs).
void require_utf8_fields(
    std::initializer_list<std::pair<std::string_view, std::string_view>> fields);
// The same for a list: "FIELD 2: …" names the item (1-based).
void require_utf8_list(std::string_view field, const std::vector<std::string>& values);

// Throws rapport::Error "FIELD: must not be empty" for blank text.
void require_text(std::string_view field, std::string_view value);

// The id the next record of `table` gets (one past the largest). table is a
// constant from the engine, never user text.
std::int64_t next_id(Database& db, const char* table);

// Stores a new record: in one transaction, gives it the next id of table and
// today's created/updated stamps, and inserts it with insert(db, record).
template <class Record, class Insert>
std::int64_t insert_new_record(Database& db, const char* table, Record record, Insert insert) {
    return db.transaction([&] {
        record.id = next_id(db, table);
        record.created_at = record.updated_at = now_utc_iso();
        insert(db, record);
        return record.id;
    });
}

// Throws rapport::Error "FIELD: 'VALUE' is not one of a, b, c".
void require_one_of(std::string_view field, std::string_view value,
                    std::span<const std::string_view> allowed);

}  // namespace rapport
