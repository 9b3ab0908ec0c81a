// Contacts: the people a user meets or hopes to meet.
//
// Every function is one transaction. edit_contact() changes only the fields
// it is given, in one UPDATE, so two programs editing different fields of the
// same contact at once never undo each other. A contact with meetings can only
// be removed together with them (remove_contact(..., with_meetings = true)).
#pragma once

#include "engine/records/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rapport {

struct Contact {
    std::int64_t id = 0;
    std::string name;
    std::string company;
    std::string role;
    std::vector<std::string> tags;  // industry tags, sorted, no duplicates
    std::string email;
    std::string phone;
    std::string link;     // a profile page
    std::string how_met;  // free text: "alumni evening", "cold email"…
    std::optional<std::int64_t> referred_by;  // another contact
    std::string notes;
    std::string created_at;  // UTC, set by the engine
    std::string updated_at;
};

// Only the fields that are set change.
struct ContactChanges {
    std::optional<std::string> name, company, role, email, phone, link, how_met, notes;
    std::optional<std::vector<std::string>> tags;
    std::optional<std::optional<std::int64_t>> referred_by;  // nullopt inside: clear it
};

// Adds a contact (its id, created_at and updated_at are chosen here) and
// returns the new id. Throws rapport::Error naming the field for an empty
// name or an unknown referred_by contact.
std::int64_t add_contact(Database& db, const Contact& contact);

// Throws rapport::Error "no contact with id N" when missing.
Contact get_contact(Database& db, std::int64_t id);
std::optional<Contact> find_contact(Database& db, std::int64_t id);

// Ordered by name (case-insensitive), then id.
std::vector<Contact> list_contacts(Database& db);
std::int64_t count_contacts(Database& db);

void edit_contact(Database& db, std::int64_t id, const ContactChanges& changes);

// Throws rapport::Error when the contact has meetings and with_meetings is
// false, saying how many would go.
void remove_contact(Database& db, std::int64_t id, bool with_meetings);

// Writes a complete contact record as given, id and timestamps included
// (used by import). Part of the caller's transaction.
void insert_contact_verbatim(Database& db, const Contact& contact);

}  // namespace rapport
