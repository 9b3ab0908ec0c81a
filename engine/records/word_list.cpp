#include "engine/records/word_list.h"

#include "engine/base/error.h"
#include "engine/records/record_checks.h"

namespace rapport {
namespace {

constexpr std::size_t kLongestWord = 100;

std::string checked_word(std::string_view word) {
    std::string w = trimmed(word);
    if (w.empty()) throw Error("word: must not be empty");
    if (w.find_first_of(" \t\r\n") != std::string::npos)
        throw Error("word: '" + w + "' holds a space; add one word at a time");
    if (w.size() > kLongestWord) throw Error("word: longer than 100 bytes");
    return w;
}

}  // namespace

std::vector<std::string> list_personal_words(Database& db) {
    std::vector<std::string> words;
    Statement st = db.prepare("SELECT word FROM personal_words ORDER BY word");
    while (st.step()) words.push_back(st.column_text(0));
    return words;
}

bool add_personal_word(Database& db, std::string_view word) {
    db.prepare("INSERT INTO personal_words(word) VALUES(?1) ON CONFLICT(word) DO NOTHING")
        .bind(1, checked_word(word))
        .run();
    return db.changes() > 0;
}

bool remove_personal_word(Database& db, std::string_view word) {
    db.prepare("DELETE FROM personal_words WHERE word = ?1").bind(1, trimmed(word)).run();
    return db.changes() > 0;
}

std::vector<std::string> personal_word_sources(Database& db) {
    std::vector<std::string> phrases;
    Statement st = db.prepare(R"sql(
        SELECT word FROM personal_words
        UNION SELECT name FROM contacts UNION SELECT company FROM contacts
        UNION SELECT role FROM contacts UNION SELECT place FROM meetings
        UNION SELECT name FROM referrals UNION SELECT company FROM referrals
        UNION SELECT value FROM settings WHERE key IN ('profile.name', 'profile.field'))sql");
    while (st.step())
        if (std::string phrase = st.column_text(0); !phrase.empty()) phrases.push_back(std::move(phrase));
    return phrases;
}

}  // namespace rapport
