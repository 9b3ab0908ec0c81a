// The user's word list for the spelling check (engine/language/).
//
// Two sources: the words the user added ("Add to my words", stored in the
// personal_words table, exported and imported with the rest), and the names
// the records already hold — contacts' names, companies and roles, meeting
// places, referrals' names and companies, the profile's name and field — so
// "Zoë Ångström", "Hydro-Québec" or "Nordlys" are never flagged.
#pragma once

#include "engine/records/database.h"

#include <string>
#include <string_view>
#include <vector>

namespace rapport {

// Sorted.
std::vector<std::string> list_personal_words(Database& db);

// Adds one word (trimmed); false when it was already there. Throws
// rapport::Error for an empty word, one with a space inside, or one longer
// than 100 bytes.
bool add_personal_word(Database& db, std::string_view word);

// False when the word was not in the list.
bool remove_personal_word(Database& db, std::string_view word);

// The added words and every name from the records, as phrases (a contact's
// full name is one entry); see engine/language/personal_words.h.
std::vector<std::string> personal_word_sources(Database& db);

}  // namespace rapport
