#include "engine/base/json_fields.h"

#include "engine/base/error.h"

namespace rapport {

namespace {
std::string quoted(const char* key) { return std::string("\"") + key + "\""; }
}  // namespace

void FieldReader::report(const std::string& pointer, std::string message) {
    problems_.push_back({src_.where(pointer), std::move(message)});
}

const FieldReader::json* FieldReader::object(const json& value, const std::string& pointer,
                                             const std::string& what) {
    if (value.is_object()) return &value;
    report(pointer, what + " must be a JSON object");
    return nullptr;
}

const FieldReader::json* FieldReader::array(const json& obj, const std::string& pointer,
                                            const char* key) {
    auto it = obj.find(key);
    if (it == obj.end()) {
        report(pointer, "missing " + quoted(key) + " (a list)");
        return nullptr;
    }
    if (!it->is_array()) {
        report(pointer + "/" + key, quoted(key) + " must be a list");
        return nullptr;
    }
    return &*it;
}

std::string FieldReader::text(const json& obj, const std::string& pointer, const char* key,
                              bool required) {
    auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) report(pointer, "missing " + quoted(key));
        return "";
    }
    if (!it->is_string()) {
        report(pointer + "/" + key, quoted(key) + " must be a string");
        return "";
    }
    const std::string& value = it->get_ref<const std::string&>();
    if (value.find_first_not_of(" \t\r\n") == std::string::npos) {
        report(pointer + "/" + key, quoted(key) + " is empty");
        return "";
    }
    return value;
}

int FieldReader::integer(const json& obj, const std::string& pointer, const char* key, int lo,
                         int hi) {
    auto it = obj.find(key);
    if (it == obj.end()) {
        report(pointer, "missing " + quoted(key));
        return lo;
    }
    if (!it->is_number_integer() || it->get<long long>() < lo || it->get<long long>() > hi) {
        report(pointer + "/" + key, quoted(key) + " must be an integer in " + std::to_string(lo) +
                                        ".." + std::to_string(hi) + ", not " + it->dump());
        return lo;
    }
    return it->get<int>();
}

std::vector<std::string> FieldReader::string_list(const json& obj, const std::string& pointer,
                                                  const char* key) {
    std::vector<std::string> out;
    const json* list = array(obj, pointer, key);
    if (!list) return out;
    if (list->empty()) report(pointer + "/" + key, quoted(key) + " is empty");
    for (size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        if (!item.is_string()) {
            report(pointer + "/" + key + "/" + std::to_string(i), quoted(key) + " must hold strings");
            continue;
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::optional<JsonSource> parse_or_report(const std::filesystem::path& file,
                                          std::vector<Problem>& problems,
                                          const std::string& stream_pointer,
                                          const JsonItemHandler& on_item) {
    try {
        if (on_item) return stream_json_source(read_text_file(file), file, stream_pointer, on_item);
        return load_json_source(file);
    } catch (const Error& e) {
        // The message starts with "file:line:column: " for syntax errors and
        // with "file: " when the file cannot be read.
        const std::string what = e.what();
        const std::string name = file.string();
        const size_t split = what.find(": ", name.size());
        if (what.rfind(name, 0) == 0 && split != std::string::npos) {
            std::string where = what.substr(0, split);
            if (where == name) where += ":1";
            problems.push_back({where, what.substr(split + 2)});
        } else {
            problems.push_back({name + ":1", what});
        }
        return std::nullopt;
    }
}

}  // namespace rapport
