// The whole database as one JSON document, and back.
//
// export_all() writes settings (the profile among them), contacts, meetings
// with their sheets and debriefs, and outreach requests, in id order, so two exports of the same data
// are the same text apart from "exported_at". import_all() loads such a
// document in one transaction: every field is checked first and any problem
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

namespace rapport {

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
    bool ids_kept = false;
};

ImportSummary import_all(Database& db, const JsonSource& document);

}  // namespace rapport
