// Full-text search over contacts, meetings (with their question sheets) and
// debriefs (notes, answers, referrals).
//
// SQLite FTS5 with the unicode61 tokenizer, which folds case and removes
// accents on both sides: "zoe angstrom" finds "Zoë Ångström". The index is
// kept by triggers in the schema, so every write is searchable at once.
// The user's text is never passed to FTS5 as query syntax: it is split into
// words, each quoted; all words are required. Whole-word matches come first;
// when they are fewer than the limit, matches where the last word is
// unfinished (a prefix: "ang" finds "Ångström") follow, so results follow
// the typing.
//
// Ranking (rapport_rank, see search.cpp: BM25-like, titles weigh more)
// costs time for every match, so it covers
// the newest kRankedWindow matches: any search finishes in milliseconds even
// for a word found in every one of 100,000 meetings, and a rarer query is
// ranked over all its matches.
#pragma once

#include "engine/records/database.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

struct SearchHit {
    std::string kind;  // "contact", "meeting" or "debrief" (id is then the meeting's)
    std::int64_t id = 0;
    std::string title;
    std::string snippet;  // a few words around the match, matches between the markers
    double score = 0;     // higher is better
};

inline constexpr int kRankedWindow = 1000;

struct SearchOptions {
    int limit = 20;
    std::string mark_begin = "[";
    std::string mark_end = "]";
};

// Best hits first; titles weigh more than bodies. Empty when the query has
// no words.
std::vector<SearchHit> search(Database& db, std::string_view query, const SearchOptions& options = {});

// How many contacts and meetings (a meeting or its debrief) match in all,
// whatever the limit of search(): lists say "50 of 4,969".
struct SearchCounts {
    std::int64_t contacts = 0;
    std::int64_t meetings = 0;
};
SearchCounts count_search_matches(Database& db, std::string_view query);

// The FTS5 expression for the user's text: "zoë ång" -> "\"zoë\" \"ång\""
// or, with last_word_prefix, "\"zoë\" \"ång\"*". Empty when there are no
// words.
std::string fts_query_from_user_text(std::string_view text, bool last_word_prefix);

}  // namespace rapport
