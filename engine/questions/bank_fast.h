// The fast path of the question-bank loader (internal to engine/questions).
//
// A big bank (100,000 questions, 30 MB) is read in one pass with simdjson's
// On-Demand reader, which builds no document: each question is checked and
// turned into a Question as the reader walks over it, instead of the
// line-recording reader building a JSON pointer and a line for every value.
// The fast reader checks every rule the loader checks (bank.h) and refuses
// anything beyond them as well (a repeated key, an unknown key, a number that
// is not a plain integer, "lang" after the questions); at the first doubt it
// gives up and the caller reads the file again with the line-recording
// reader, which reports each problem with its file:line:col. So the fast path
// changes speed, never results: a file it accepts loads to the same
// questions, with the same "file:line" in Question::where.
#pragma once

#include "engine/questions/bank.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

// The ids of the questions loaded so far, kept as positions in the list of
// questions: adding 100,000 ids allocates nothing per id, and the list may
// grow (and move its questions) without spoiling the index.
class QuestionIdIndex {
public:
    explicit QuestionIdIndex(const std::vector<Question>& questions) : questions_(questions) {}

    bool contains(std::string_view id) const;
    // Adds questions[position].id; false (and nothing added) when the index
    // already holds that id.
    bool add(std::size_t position);
    // Forgets every position from count on (after the list shrank back).
    void truncate(std::size_t count);

private:
    // Makes room for `more` ids (add() asks for one at a time).
    void reserve(std::size_t more);
    // A slot holds a 32-bit hash of the id (high half) and its position + 1
    // (low half; 0: free), so a probe reads a question only when the hashes
    // agree, and growing never reads the questions.
    using Slot = std::uint64_t;
    std::size_t slot_of(std::string_view id, std::uint32_t hash) const;  // its slot, or a free one
    void rebuild(std::size_t slot_count, std::size_t positions);

    const std::vector<Question>& questions_;
    std::vector<Slot> slots_;  // size a power of two, at most half full
    std::size_t count_ = 0;
};

// Appends the file's questions to out and adds them to ids when the file
// follows every rule (none of its ids already in ids, the tags of its
// language in tags). False when in any doubt: out and ids are then as they
// were. ids must index out.
bool append_questions_fast(const std::filesystem::path& file,
                           const std::map<std::string, TagSet>& tags, QuestionIdIndex& ids,
                           std::vector<Question>& out);

// For tests and benchmarks: turns the fast path off (true) or on again
// (RAPPORT_BANK_SLOW=1 in the environment turns it off from the start).
void set_bank_fast_path_disabled(bool disabled);
bool bank_fast_path_disabled();

}  // namespace rapport
