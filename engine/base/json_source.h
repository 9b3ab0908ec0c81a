// JSON files with line numbers, for data files users and contributors edit.
//
// nlohmann::json does not keep positions, so this loader records, for every
// value, the line it starts on (keyed by its JSON pointer). Linters and
// loaders use where() to report "file:line: message"; a syntax error is
// reported as "file:line:column: message".
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace rapport {

struct JsonSource {
    std::filesystem::path path;
    nlohmann::json root;
    std::unordered_map<std::string, int> lines;  // JSON pointer -> 1-based line

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

// Reads and parses a file. Throws rapport::Error naming the file when it
// cannot be read or is not valid JSON.
JsonSource load_json_source(const std::filesystem::path& path);

// Reads a whole file as bytes. Throws rapport::Error naming the file.
std::string read_text_file(const std::filesystem::path& path);

}  // namespace rapport
