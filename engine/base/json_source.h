// JSON files with line numbers, for data files users and contributors edit.
//
// nlohmann::json does not keep positions, so this loader records, for every
// value, the line it starts on (keyed by its JSON pointer). Linters and
// loaders use where() to report "file:line: message"; a syntax error is
// reported as "file:line:column: message".
//
// Refused as errors, like syntax errors: a key repeated in one object
// ("file:line: key "id" appears twice in this object"), a number too big for a
// double (1e400), and nesting deeper than kMaxJsonDepth (so memory stays in
// proportion to the file: each value's pointer is at most that deep).
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rapport {

// Objects and arrays nested deeper than this are refused; real data files
// use a handful of levels.
inline constexpr std::size_t kMaxJsonDepth = 64;

struct JsonSource {
    std::filesystem::path path;
    nlohmann::json root;
    std::unordered_map<std::string, int> lines;  // JSON pointer -> 1-based line
    // How far the parser has read, in bytes: while a streamed element is
    // handed over, up to its end (a measure of progress); afterwards, all.
    std::size_t bytes_read = 0;

    // Line where the value at pointer ("" is the root, "/questions/3/id") starts;
    // falls back to the nearest enclosing value, then to line 1.
    int line_of(const std::string& pointer) const;
    // "path:line" for messages.
    std::string where(const std::string& pointer) const;
};

// Parses text; name is used in messages. Throws rapport::Error
// "name:line:column: message" on a syntax error.
JsonSource parse_json_source(std::string_view text, const std::filesystem::path& name);

// Called once for each element of a streamed array, in order: item is the
// element; while the call lasts, source.lines also holds the lines of the
// element's values ("/questions/7/id"), so source.where() works as usual.
// source.root holds what was parsed before the array (e.g. "lang" when it
// comes first), not the array's elements.
using JsonItemHandler =
    std::function<void(const nlohmann::json& item, size_t index, const JsonSource& source)>;

// Like parse_json_source(), but the elements of the array at array_pointer
// ("/questions") go to on_item one at a time and are then dropped: that
// array stays empty in the result. For files too big to hold as one
// document with a line for every value. Throws like parse_json_source().
JsonSource stream_json_source(std::string_view text, const std::filesystem::path& name,
                              const std::string& array_pointer, const JsonItemHandler& on_item);

// Like stream_json_source(), for several arrays ("/contacts", "/meetings"):
// on_item also gets the pointer of the array the element belongs to.
// Elements come in the order of the text.
using JsonArrayItemHandler =
    std::function<void(const std::string& array_pointer, const nlohmann::json& item, size_t index,
                       const JsonSource& source)>;
JsonSource stream_json_arrays(std::string_view text, const std::filesystem::path& name,
                              const std::vector<std::string>& array_pointers,
                              const JsonArrayItemHandler& on_item);

// Reads and parses a file. Throws rapport::Error naming the file when it
// cannot be read or is not valid JSON.
JsonSource load_json_source(const std::filesystem::path& path);

// The document as text (indent < 0: one line). Text that is not valid UTF-8
// is written with U+FFFD rather than failing: output must never abort.
template <class Json>
std::string json_text(const Json& document, int indent = -1) {
    return document.dump(indent, ' ', false, Json::error_handler_t::replace);
}

// The largest data file read whole (banks, imports, vCards): far above a
// real one (a 100,000-question bank is 21 MB), far below what would exhaust
// memory (a device such as /dev/zero never ends).
inline constexpr std::size_t kMaxTextFileBytes = std::size_t{256} << 20;

// Reads a whole file as bytes. Throws rapport::Error naming the file, also
// when it is larger than max_bytes.
std::string read_text_file(const std::filesystem::path& path,
                           std::size_t max_bytes = kMaxTextFileBytes);

// Reads a stream to its end (standard input); name is used in messages.
std::string read_text_stream(std::istream& in, const std::string& name,
                             std::size_t max_bytes = kMaxTextFileBytes);

}  // namespace rapport
