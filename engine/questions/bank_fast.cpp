#include "engine/questions/bank_fast.h"

#include "engine/base/json_source.h"
#include "engine/base/placeholders.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace rapport {
namespace {

namespace dom = simdjson::dom;
namespace fs = std::filesystem;

// RAPPORT_BANK_SLOW=1 in the environment: for bench/bank_load.sh.
std::atomic<bool> fast_path_disabled{std::getenv("RAPPORT_BANK_SLOW") != nullptr};

// Far below kMaxJsonDepth: a bank is three levels deep; anything deeper
// goes to the careful reader.
constexpr std::size_t kFastMaxDepth = 16;

bool blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

bool valid_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

// No object anywhere repeats a key (the careful reader refuses that).
bool keys_unique(dom::element value) {
    dom::array array;
    if (!value.get_array().get(array)) {
        for (dom::element item : array)
            if (!keys_unique(item)) return false;
        return true;
    }
    dom::object object;
    if (value.get_object().get(object)) return true;  // a scalar
    // Compared pairwise: a question has about ten keys; a big object (rare
    // in a bank) is left to the careful reader.
    std::array<std::string_view, 32> keys;
    std::size_t count = 0;
    for (dom::key_value_pair field : object) {
        if (count == keys.size()) return false;
        if (std::find(keys.begin(), keys.begin() + count, field.key) != keys.begin() + count)
            return false;
        keys[count++] = field.key;
        if (!keys_unique(field.value)) return false;
    }
    return true;
}

bool read_text(dom::element value, std::string& out) {
    std::string_view text;
    if (value.get_string().get(text) || blank(text)) return false;
    out.assign(text);
    return true;
}

bool read_text_with_placeholders(dom::element value, std::string& out) {
    return read_text(value, out) && placeholder_problems(out).empty();
}

bool read_int(dom::element value, int lo, int hi, int& out) {
    std::int64_t n = 0;
    if (value.is_int64()) n = value.get_int64().value_unsafe();
    else if (value.is_uint64()) return false;  // beyond any range we accept
    else return false;                          // a float, even 3.0, is not an integer
    if (n < lo || n > hi) return false;
    out = static_cast<int>(n);
    return true;
}

// A non-empty list of tag ids known for the language, or "*".
bool read_tags(dom::element value, const TagSet& tags, bool industry,
               std::vector<std::string>& out) {
    dom::array list;
    if (value.get_array().get(list) || list.size() == 0) return false;
    for (dom::element item : list) {
        std::string_view id;
        if (item.get_string().get(id)) return false;
        const bool known = id == kAnyTag || (industry ? tags.find_industry(id) != nullptr
                                                      : tags.find_goal(id) != nullptr);
        if (!known) return false;
        out.emplace_back(id);
    }
    return true;
}

bool read_audience(dom::element value, Audience& out) {
    std::string_view name;
    if (value.get_string().get(name)) return false;
    if (name.empty()) return true;  // the default: any
    const auto audience = parse_audience(name);
    if (audience) out = *audience;
    return audience.has_value();
}

// One question object, checked as read_question() in bank.cpp checks it.
bool read_question(dom::element value, const TagSet& tags, Question& q) {
    dom::object item;
    if (value.get_object().get(item)) return false;
    bool id = false, text = false, stage = false, industries = false, goals = false,
         minutes = false, priority = false;
    for (dom::key_value_pair field : item) {
        const std::string_view key = field.key;
        bool ok = true;
        if (key == "id") ok = id = read_text(field.value, q.id) && valid_id(q.id);
        else if (key == "text") ok = text = read_text_with_placeholders(field.value, q.text);
        else if (key == "generic_text") ok = read_text_with_placeholders(field.value, q.generic_text);
        else if (key == "stage") {
            std::string_view name;
            const auto parsed = field.value.get_string().get(name) ? std::nullopt : parse_stage(name);
            ok = stage = parsed.has_value();
            if (parsed) q.stage = *parsed;
        } else if (key == "industries") ok = industries = read_tags(field.value, tags, true, q.industries);
        else if (key == "goals") ok = goals = read_tags(field.value, tags, false, q.goals);
        else if (key == "minutes") ok = minutes = read_int(field.value, 1, 15, q.minutes);
        else if (key == "priority") ok = priority = read_int(field.value, 1, 3, q.priority);
        else if (key == "group") ok = read_text(field.value, q.group) && (q.group.empty() || valid_id(q.group));
        else if (key == "audience") ok = read_audience(field.value, q.audience);
        else if (key == "excluded_industries")
            ok = read_tags(field.value, tags, true, q.excluded_industries);
        else ok = false;  // a key this reader does not know: the careful reader decides
        if (!ok) return false;
    }
    for (const std::string& excluded : q.excluded_industries)
        if (excluded == kAnyTag ||
            std::find(q.industries.begin(), q.industries.end(), excluded) != q.industries.end())
            return false;
    return id && text && stage && industries && goals && minutes && priority;
}

// The byte offset where each element of the top-level "questions" array
// starts, found with simdjson's On-Demand reader (the document is already
// known to be valid).
bool question_offsets(const simdjson::padded_string& json, std::vector<std::size_t>& offsets) {
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document doc;
    if (parser.iterate(json).get(doc)) return false;
    simdjson::ondemand::array list;
    if (doc.find_field_unordered("questions").get_array().get(list)) return false;
    for (auto element : list) {
        simdjson::ondemand::value value;
        const char* at = nullptr;
        if (element.get(value) || value.current_location().get(at)) return false;
        offsets.push_back(static_cast<std::size_t>(at - json.data()));
    }
    return true;
}

}  // namespace

void set_bank_fast_path_disabled(bool disabled) { fast_path_disabled = disabled; }
bool bank_fast_path_disabled() { return fast_path_disabled; }

bool append_questions_fast(const fs::path& file, const std::map<std::string, TagSet>& all_tags,
                           QuestionIdSet& accepted_ids, std::vector<Question>& out) {
    if (fast_path_disabled) return false;
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec || size > kMaxTextFileBytes) return false;
    simdjson::padded_string json;
    if (simdjson::padded_string::load(file.string()).get(json)) return false;

    dom::parser parser;
    dom::element root;
    if (parser.allocate(json.size(), kFastMaxDepth) || parser.parse(json).get(root)) return false;
    if (!keys_unique(root)) return false;
    dom::object top;
    if (root.get_object().get(top)) return false;
    std::string lang;
    dom::element lang_value;
    dom::array list;
    if (top["lang"].get(lang_value) || !read_text(lang_value, lang)) return false;
    if (top["questions"].get_array().get(list)) return false;
    const auto tags = all_tags.find(lang);
    if (tags == all_tags.end()) return false;

    std::vector<std::size_t> offsets;
    if (!question_offsets(json, offsets) || offsets.size() != list.size()) return false;

    const std::size_t before = out.size();
    out.reserve(before + list.size());
    QuestionIdSet ids;  // joins accepted_ids only when the whole file passed
    ids.reserve(list.size());
    const std::string prefix = file.string() + ":";
    int line = 1;
    std::size_t counted_to = 0;
    std::size_t index = 0;
    for (dom::element value : list) {
        Question& q = out.emplace_back();
        q.lang = lang;
        const bool ok = read_question(value, tags->second, q) && !accepted_ids.count(q.id) &&
                        ids.insert(q.id).second;
        if (!ok) {
            out.resize(before);
            return false;
        }
        // Lines counted forward only, as the careful reader counts them.
        const std::size_t at = offsets[index++];
        line += static_cast<int>(std::count(json.data() + counted_to, json.data() + at, '\n'));
        counted_to = at;
        q.where = prefix + std::to_string(line);
    }
    accepted_ids.merge(ids);  // moves the nodes, no copies
    return true;
}

}  // namespace rapport
