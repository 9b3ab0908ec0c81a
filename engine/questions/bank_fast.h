// The fast path of the question-bank loader (internal to engine/questions).
//
// A big bank (100,000 questions, 21 MB) is read with simdjson, which parses
// at several GB/s, instead of the line-recording reader that builds a JSON
// pointer and a line for every value. The fast reader checks every rule the
// loader checks (bank.h) and refuses anything beyond them as well (a repeated
// key, nesting past a few levels, a number that is not a plain integer); at
// the first doubt it gives up and the caller reads the file again with the
// line-recording reader, which reports each problem with its file:line. So
// the fast path changes speed, never results: a file it accepts loads to the
// same questions, with the same "file:line" in Question::where.
#pragma once

#include "engine/questions/bank.h"

#include <filesystem>
#include <string>
#include <map>
#include <unordered_set>
#include <vector>

namespace rapport {

// The ids of the questions loaded so far.
using QuestionIdSet = std::unordered_set<std::string>;

// Appends the file's questions to out and their ids to accepted_ids when the
// file follows every rule (none of its ids already accepted, the tags of its
// language in tags). False when in any doubt: out and accepted_ids are then
// as they were. Appending in place spares moving 100,000 questions again.
bool append_questions_fast(const std::filesystem::path& file,
                           const std::map<std::string, TagSet>& tags,
                           QuestionIdSet& accepted_ids, std::vector<Question>& out);

// For tests and benchmarks: turns the fast path off (true) or on again
// (RAPPORT_BANK_SLOW=1 in the environment turns it off from the start).
void set_bank_fast_path_disabled(bool disabled);
bool bank_fast_path_disabled();

}  // namespace rapport
