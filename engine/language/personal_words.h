// Words the spelling checker accepts for this user although no dictionary
// has them: the names of their contacts, companies, roles and places, and the
// words they added ("Add to my words"). Where those come from is the records'
// business (engine/records/word_list.h); this is only the lookup.
//
// Phrases are split into words the way texts are ("Hydro-Québec" -> Hydro,
// Québec) and compared case-insensitively, so "Zoë Ångström" makes "Zoë",
// "Ångström", "Zoë's" and "d'Ångström" known.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace rapport {

class PersonalWords {
public:
    PersonalWords() = default;
    explicit PersonalWords(const std::vector<std::string>& phrases);

    void add_phrase(std::string_view phrase);
    // True for a known word, also with an English possessive ('s) or a
    // French elision (l', d', qu'…) around it.
    bool contains(std::string_view word) const;
    std::size_t size() const { return folded_.size(); }

private:
    std::unordered_set<std::string> folded_;
};

}  // namespace rapport
