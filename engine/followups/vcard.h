// Contacts to and from vCard files, so they move to and from address books.
//
// Writing produces vCard 3.0 (RFC 2426): CRLF line ends, text escaped
// (backslash, comma, semicolon, newline), lines folded at 75 octets without
// splitting a UTF-8 character. FN carries the full name; N splits it as
// "family = last word, given = the rest" (address books need N; the full
// name is never lost). Reading accepts vCard 3.0 and 4.0: folded lines,
// grouped properties (item1.EMAIL), parameters, escapes; it keeps FN (or N),
// ORG, TITLE, EMAIL, TEL, URL, NOTE and CATEGORIES, ignoring the rest.
#pragma once

#include "engine/records/contacts.h"
#include "engine/records/database.h"

#include <string>
#include <string_view>
#include <vector>

namespace rapport {

std::string contacts_to_vcard(const std::vector<Contact>& contacts);

// Throws rapport::Error "name:line: …" for a malformed file or a version
// other than 3.0 / 4.0.
std::vector<Contact> contacts_from_vcard(std::string_view text, const std::string& name);

struct VCardImport {
    std::vector<std::int64_t> added;
    int skipped = 0;  // already present: same name and same email
};

// Adds the contacts in one transaction.
VCardImport import_vcard_contacts(Database& db, const std::vector<Contact>& contacts);

}  // namespace rapport
