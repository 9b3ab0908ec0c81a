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
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace rapport {

// Question id -> "file:line" where it is defined.
using QuestionIdIndex = std::unordered_map<std::string, std::string>;

// The file's questions when it follows every rule (no id of it in
// accepted_ids, the tags of its language in banks); their ids with where
// each is defined replace file_ids. nullopt when in any doubt (file_ids is
// then left as it was).
std::optional<std::vector<Question>> read_questions_fast(const std::filesystem::path& file,
                                                         const Banks& banks,
                                                         const QuestionIdIndex& accepted_ids,
                                                         QuestionIdIndex& file_ids);

// For tests and benchmarks: turns the fast path off (true) or on again
// (RAPPORT_BANK_SLOW=1 in the environment turns it off from the start).
void set_bank_fast_path_disabled(bool disabled);
bool bank_fast_path_disabled();

}  // namespace rapport
