// Reading checked fields from a JSON data file, collecting Problems.
//
// Loaders of data files (question banks, tags, preparation checklists…)
// read every field through a FieldReader: a missing field, a wrong type, an
// empty string or an out-of-range number is recorded as "file:line: message"
// with the line of the offending value, and reading goes on so one run shows
// every mistake. clean() tells whether this file added any problem.
#pragma once

#include "engine/base/json_source.h"
#include "engine/base/problem.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rapport {

class FieldReader {
public:
    using json = nlohmann::json;

    FieldReader(const JsonSource& src, std::vector<Problem>& problems)
        : src_(src), problems_(problems), problems_before_(problems.size()) {}

    bool clean() const { return problems_.size() == problems_before_; }
    const JsonSource& source() const { return src_; }
    void report(const std::string& pointer, std::string message);

    // value itself when it is an object, else nullptr (reported as "what must be…").
    const json* object(const json& value, const std::string& pointer, const std::string& what);
    // obj[key] when it is an array, else nullptr (reported).
    const json* array(const json& obj, const std::string& pointer, const char* key);
    // A string field; a required one must be present, and any must be non-blank.
    std::string text(const json& obj, const std::string& pointer, const char* key,
                     bool required = true);
    // An integer field in lo..hi; returns lo when reported.
    int integer(const json& obj, const std::string& pointer, const char* key, int lo, int hi);
    // A non-empty list of strings.
    std::vector<std::string> string_list(const json& obj, const std::string& pointer,
                                         const char* key);

private:
    const JsonSource& src_;
    std::vector<Problem>& problems_;
    size_t problems_before_;
};

// Parses a file, or records its read or syntax error ("file:line:column")
// and returns nullopt. With on_item, the array at stream_pointer is streamed
// to it (see stream_json_source()).
std::optional<JsonSource> parse_or_report(const std::filesystem::path& file,
                                          std::vector<Problem>& problems,
                                          const std::string& stream_pointer = "",
                                          const JsonItemHandler& on_item = nullptr);

}  // namespace rapport
