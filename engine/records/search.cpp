#include "engine/records/search.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <vector>

namespace rapport {
namespace {

// Bytes of multi-byte UTF-8 sequences count as word characters, so accented
// and non-Latin words stay whole; ASCII punctuation separates words (the
// tokenizer splits there too).
bool is_word_byte(unsigned char c) { return c >= 0x80 || std::isalnum(c); }

const char* kind_of_document(std::int64_t rowid) {
    switch (rowid % 4) {
        case 1: return "contact";
        case 2: return "meeting";
        default: return "debrief";
    }
}

// ---------------------------------------------------------------------------
// Ranking. FTS5's bm25() weighs each word by how rare it is in the whole
// index, which means reading every match of the word (170,000 of them for a
// word found in most of 100,000 meetings). rapport_rank scores only the row
// at hand: matches in the title count five times, each column's count of
// matches saturates as in BM25 and is damped by the column's length against
// a typical title or body length. Higher is better.
// ---------------------------------------------------------------------------

constexpr double kTitleWeight = 5.0;
constexpr double kTypicalLength[] = {4.0, 30.0};  // tokens in a typical title, body
constexpr double kSaturation = 1.2;      // BM25's k1
constexpr double kLengthEffect = 0.75;   // BM25's b

void rapport_rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int,
                  sqlite3_value**) {
    int instances = 0;
    if (api->xInstCount(fts, &instances) != SQLITE_OK) {
        sqlite3_result_error(result, "rapport_rank: cannot read matches", -1);
        return;
    }
    const int columns = api->xColumnCount(fts);
    std::vector<int> per_column(static_cast<size_t>(columns), 0);
    for (int i = 0; i < instances; ++i) {
        int phrase = 0, column = 0, offset = 0;
        if (api->xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK && column < columns)
            ++per_column[static_cast<size_t>(column)];
    }
    double score = 0;
    for (int c = 0; c < columns; ++c) {
        const double hits = per_column[static_cast<size_t>(c)];
        if (hits == 0) continue;
        int length = 0;
        api->xColumnSize(fts, c, &length);
        const double typical = kTypicalLength[c == 0 ? 0 : 1];
        const double norm = 1 - kLengthEffect + kLengthEffect * length / typical;
        const double weight = c == 0 ? kTitleWeight : 1.0;
        score += weight * hits * (kSaturation + 1) / (hits + kSaturation * norm);
    }
    sqlite3_result_double(result, score);
}

fts5_api* fts5_interface(Database& db) {
    fts5_api* api = nullptr;
    Statement st = db.prepare("SELECT fts5(?1)");
    sqlite3_bind_pointer(st.handle(), 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    st.step();
    return api;
}

// Registers rapport_rank on this connection the first time it is needed.
void ensure_rank_function(Database& db) {
    sqlite3_stmt* probe = nullptr;
    const int rc = sqlite3_prepare_v2(
        db.handle(), "SELECT rapport_rank(search_index) FROM search_index", -1, &probe, nullptr);
    sqlite3_finalize(probe);
    if (rc == SQLITE_OK) return;
    fts5_api* api = fts5_interface(db);
    if (!api || api->xCreateFunction(api, "rapport_rank", nullptr, rapport_rank, nullptr) != SQLITE_OK)
        throw Error(db.error_message("cannot set up search ranking"));
}

// The rowid from which the newest kRankedWindow matches start (0 when there
// are fewer): ranking is limited to them, which bounds the cost of a word
// found in nearly every record.
std::int64_t window_start(Database& db, const std::string& expression) {
    Statement st = db.prepare("SELECT rowid FROM search_index WHERE search_index MATCH ?1 "
                              "ORDER BY rowid DESC LIMIT 1 OFFSET ?2");
    st.bind(1, expression).bind(2, kRankedWindow - 1);
    return st.step() ? st.column_int(0) : 0;
}

// Title and snippet of one matching record, asked for only for the hits
// shown: in the ranking query SQLite would build them for every candidate.
void describe_hit(Statement& st, const std::string& expression, const SearchOptions& options,
                  SearchHit& hit, std::int64_t rowid) {
    st.reset();
    st.bind(1, expression).bind(2, options.mark_begin).bind(3, options.mark_end).bind(4, rowid);
    if (!st.step()) return;
    hit.title = st.column_text(0);
    // Empty fields leave runs of spaces in a record's text.
    std::string snippet;
    for (char c : st.column_text(1))
        if (c != ' ' || (!snippet.empty() && snippet.back() != ' ')) snippet += c;
    while (!snippet.empty() && snippet.back() == ' ') snippet.pop_back();
    hit.snippet = snippet;
}

void ranked_hits(Database& db, const std::string& expression, const SearchOptions& options,
                 std::vector<SearchHit>& hits, std::vector<std::int64_t>& seen) {
    Statement st = db.prepare(
        "SELECT rowid, rapport_rank(search_index) AS score FROM search_index "
        "WHERE search_index MATCH ?1 AND rowid >= ?3 ORDER BY score DESC, rowid DESC LIMIT ?2");
    st.bind(1, expression).bind(2, options.limit).bind(3, window_start(db, expression));
    Statement describe = db.prepare(
        "SELECT title, snippet(search_index, -1, ?2, ?3, '…', 12) FROM search_index "
        "WHERE search_index MATCH ?1 AND rowid = ?4");
    while (st.step() && static_cast<int>(hits.size()) < options.limit) {
        const std::int64_t rowid = st.column_int(0);
        if (std::find(seen.begin(), seen.end(), rowid) != seen.end()) continue;
        seen.push_back(rowid);
        SearchHit hit{kind_of_document(rowid), rowid / 4, "", "", st.column_double(1)};
        describe_hit(describe, expression, options, hit, rowid);
        hits.push_back(std::move(hit));
    }
}

}  // namespace

std::string fts_query_from_user_text(std::string_view text, bool last_word_prefix) {
    std::vector<std::string> words(1);
    for (unsigned char c : text) {
        if (is_word_byte(c)) words.back() += static_cast<char>(c);
        else if (!words.back().empty()) words.emplace_back();
    }
    if (words.back().empty()) words.pop_back();
    std::string query;
    for (size_t i = 0; i < words.size(); ++i) {
        const bool prefix = last_word_prefix && i + 1 == words.size();
        query += (i ? " \"" : "\"") + words[i] + (prefix ? "\"*" : "\"");
    }
    return query;
}

SearchCounts count_search_matches(Database& db, std::string_view query) {
    // The prefix form matches everything the exact form does.
    const std::string expression = fts_query_from_user_text(query, true);
    if (expression.empty()) return {};
    Statement st = db.prepare(
        "SELECT count(CASE WHEN rowid % 4 = 1 THEN 1 END), "
        "count(DISTINCT CASE WHEN rowid % 4 IN (2, 3) THEN rowid / 4 END) "
        "FROM search_index WHERE search_index MATCH ?1");
    st.bind(1, expression);
    if (!st.step()) return {};
    return {st.column_int(0), st.column_int(1)};
}

std::vector<SearchHit> search(Database& db, std::string_view query, const SearchOptions& options) {
    const std::string exact = fts_query_from_user_text(query, false);
    if (exact.empty() || options.limit <= 0) return {};
    ensure_rank_function(db);
    std::vector<SearchHit> hits;
    std::vector<std::int64_t> seen;
    ranked_hits(db, exact, options, hits, seen);
    if (static_cast<int>(hits.size()) < options.limit)
        ranked_hits(db, fts_query_from_user_text(query, true), options, hits, seen);
    return hits;
}

}  // namespace rapport
