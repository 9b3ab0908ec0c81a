// The whole database as one JSON document, and back.
//
// export_all() writes settings (the profile among them), contacts, meetings
// with their sheets and debriefs, outreach requests and the user's own words
// for the spelling check, in id order, so two exports of the same data
// are the same text apart from "exported_at". import_export() loads such a
// document in one transaction: every field is checked and any problem
// ("file:line: /contacts/3/name: must be a non-empty string") leaves the
// database exactly as it was.
//
// Into an empty database, records keep their ids, so export -> import ->
// export gives the same document. Into a database that already holds records,
// the imported ones get new ids (links between them follow), and settings
// already present are kept.
#pragma once

#include "engine/records/contacts.h"
#include "engine/records/database.h"
#include "engine/records/debriefs.h"
#include "engine/records/meetings.h"
#include "engine/records/outreach.h"
#include "engine/base/json_source.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <string_view>

namespace rapport {

// The largest record id an import accepts (about 10^12 records).
inline constexpr std::int64_t kMaxRecordId = std::int64_t{1} << 40;

inline constexpr const char* kExportFormat = "rapport-export";
inline constexpr int kExportFormatVersion = 1;

nlohmann::ordered_json export_all(Database& db);

// The JSON form of each record, shared by the export and the CLI listings.
// meeting_json() leaves out the debrief (export_all() adds it).
nlohmann::ordered_json contact_json(const Contact& contact);
nlohmann::ordered_json meeting_json(const Meeting& meeting);
nlohmann::ordered_json debrief_json(const Debrief& debrief);  // null when not recorded
nlohmann::ordered_json outreach_json(const Outreach& outreach);

struct ImportSummary {
    int contacts = 0;
    int meetings = 0;
    int debriefs = 0;
    int settings = 0;
    int outreach = 0;
    int personal_words = 0;  // new to this database (words already there are kept once)
    bool ids_kept = false;
};

// How far an import has gone: bytes of the file read, and records loaded.
struct ImportProgress {
    std::size_t bytes_read = 0;
    std::size_t bytes_total = 0;
    int contacts = 0;
    int meetings = 0;
};
// Called about every 1 % of the file and once at the end; an exception it
// throws cancels the import (nothing is written).
using ImportProgressHandler = std::function<void(const ImportProgress&)>;

// Loads the export in text (name is used in messages) in one transaction,
// reading it one record at a time: memory stays far below the file's size
// as a document, and any problem leaves the database as it was.
ImportSummary import_export(Database& db, std::string_view text, const std::filesystem::path& name,
                            const ImportProgressHandler& progress = nullptr);
ImportSummary import_export_file(Database& db, const std::filesystem::path& file,
                                 const ImportProgressHandler& progress = nullptr);

}  // namespace rapport
