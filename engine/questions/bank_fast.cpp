#include "engine/questions/bank_fast.h"

#include "engine/base/json_source.h"
#include "engine/base/placeholders.h"

#include <simdjson.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <functional>
#include <utility>

namespace rapport {
namespace {

namespace od = simdjson::ondemand;
namespace fs = std::filesystem;

// RAPPORT_BANK_SLOW=1 in the environment: for bench/bank_load.sh.
std::atomic<bool> fast_path_disabled{std::getenv("RAPPORT_BANK_SLOW") != nullptr};

// Far below kMaxJsonDepth: a bank is three levels deep; anything deeper
// goes to the careful reader.
constexpr std::size_t kFastMaxDepth = 16;

// The fewest bytes a question takes in a file, comma included:
// {"id":"a","text":"b","stage":"advice","industries":["*"],"goals":["*"],"minutes":1,"priority":1},
constexpr std::size_t kSmallestQuestionBytes = 96;

bool blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

bool valid_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

// A string value's text. Without a backslash the bytes between its quotes
// are the text (simdjson's first pass has checked the UTF-8 and that no
// control character is raw), so the text is read in place; with one, simdjson
// unescapes it into its buffer.
bool read_string(od::value& value, std::string_view& out) {
    const std::string_view token = value.raw_json_token();  // "…" and the spaces after it
    const std::size_t end = token.find_last_of('"');
    if (token.empty() || token.front() != '"' || end == 0 || end == std::string_view::npos)
        return false;
    out = token.substr(1, end - 1);
    if (out.find('\\') == std::string_view::npos) return true;
    return !value.get_string().get(out);
}

bool read_text(od::value& value, std::string& out) {
    std::string_view text;
    if (!read_string(value, text) || blank(text)) return false;
    out.assign(text);
    return true;
}

// With the language's grammar, as the careful reader checks: a form or a
// verb the language does not know is a problem too.
bool read_text_with_placeholders(od::value& value, const TagSet& tags, std::string& out) {
    return read_text(value, out) && placeholder_problems(out, &tags.grammar).empty();
}

// A plain integer in lo..hi: a float, even 3.0, or a number too big for
// 64 bits makes get_int64 fail.
bool read_int(od::value& value, int lo, int hi, int& out) {
    std::int64_t n = 0;
    if (value.get_int64().get(n) || n < lo || n > hi) return false;
    out = static_cast<int>(n);
    return true;
}

// A non-empty list of tag ids known for the language, or "*".
bool read_tags(od::value& value, const TagSet& tags, bool industry, std::vector<std::string>& out) {
    od::array list;
    if (value.get_array().get(list)) return false;
    for (auto element : list) {
        od::value item;
        std::string_view id;
        if (element.get(item) || !read_string(item, id)) return false;
        const bool known = id == kAnyTag || (industry ? tags.find_industry(id) != nullptr
                                                      : tags.find_goal(id) != nullptr);
        if (!known) return false;
        out.emplace_back(id);
    }
    return !out.empty();
}

bool read_stage(od::value& value, Stage& out) {
    std::string_view name;
    if (!read_string(value, name)) return false;
    const auto stage = parse_stage(name);
    if (stage) out = *stage;
    return stage.has_value();
}

bool read_audience(od::value& value, Audience& out) {
    std::string_view name;
    if (!read_string(value, name)) return false;
    if (name.empty()) return true;  // the default: any
    const auto audience = parse_audience(name);
    if (audience) out = *audience;
    return audience.has_value();
}

// The keys of a question, in the bits of a mask.
enum QuestionKey : unsigned {
    kId = 1U << 0, kText = 1U << 1, kGenericText = 1U << 2, kStage = 1U << 3,
    kIndustries = 1U << 4, kGoals = 1U << 5, kMinutes = 1U << 6, kPriority = 1U << 7,
    kGroup = 1U << 8, kAudience = 1U << 9, kExcludedIndustries = 1U << 10,
};
constexpr unsigned kRequiredKeys = kId | kText | kStage | kIndustries | kGoals | kMinutes | kPriority;

// The key as written, compared without unescaping: a key spelt with an
// escape is one this reader does not know.
unsigned question_key(od::raw_json_string key) {
    static constexpr std::pair<std::string_view, QuestionKey> keys[] = {
        {"id", kId}, {"text", kText}, {"generic_text", kGenericText}, {"stage", kStage},
        {"industries", kIndustries}, {"goals", kGoals}, {"minutes", kMinutes},
        {"priority", kPriority}, {"group", kGroup}, {"audience", kAudience},
        {"excluded_industries", kExcludedIndustries}};
    for (const auto& [name, bit] : keys)
        if (key == name) return bit;
    return 0;  // a key this reader does not know: the careful reader decides
}

bool read_field(unsigned key, od::value& value, const TagSet& tags, Question& q) {
    switch (key) {
    case kId: return read_text(value, q.id) && valid_id(q.id);
    case kText: return read_text_with_placeholders(value, tags, q.text);
    case kGenericText: return read_text_with_placeholders(value, tags, q.generic_text);
    case kStage: return read_stage(value, q.stage);
    case kIndustries: return read_tags(value, tags, true, q.industries);
    case kGoals: return read_tags(value, tags, false, q.goals);
    case kMinutes: return read_int(value, 1, 15, q.minutes);
    case kPriority: return read_int(value, 1, 3, q.priority);
    case kGroup: return read_text(value, q.group) && valid_id(q.group);
    case kAudience: return read_audience(value, q.audience);
    case kExcludedIndustries: return read_tags(value, tags, true, q.excluded_industries);
    default: return false;
    }
}

// One question object, checked as read_question() in bank.cpp checks it;
// a repeated key is a doubt too.
bool read_question(od::value& value, const TagSet& tags, Question& q) {
    od::object item;
    if (value.get_object().get(item)) return false;
    unsigned seen = 0;
    for (auto element : item) {
        od::field field;
        if (std::move(element).get(field)) return false;
        const unsigned key = question_key(field.key());
        if (key == 0 || (seen & key) != 0) return false;
        seen |= key;
        if (!read_field(key, field.value(), tags, q)) return false;
    }
    for (const std::string& excluded : q.excluded_industries)
        if (excluded == kAnyTag ||
            std::find(q.industries.begin(), q.industries.end(), excluded) != q.industries.end())
            return false;
    return (seen & kRequiredKeys) == kRequiredKeys;
}

// A file's bytes and simdjson's padding after them, in memory mapped and
// filled with pages in one call (MAP_POPULATE): for a 30 MB bank that halves
// the cost of reading, which is otherwise a page fault every 4 KB.
class FileBytes {
public:
    FileBytes() = default;
    FileBytes(const FileBytes&) = delete;
    FileBytes& operator=(const FileBytes&) = delete;
    ~FileBytes() {
        if (data_) munmap(data_, capacity_);
    }

    // False when the file cannot be read whole as `size` bytes.
    bool read(const fs::path& file, std::size_t size) {
        capacity_ = size + simdjson::SIMDJSON_PADDING;
        void* memory = mmap(nullptr, capacity_, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
        if (memory == MAP_FAILED) return false;
        data_ = static_cast<char*>(memory);
        const int fd = open(file.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return false;
        while (size_ < size) {
            const ssize_t got = ::read(fd, data_ + size_, size - size_);
            if (got <= 0) break;
            size_ += static_cast<std::size_t>(got);
        }
        char extra = 0;
        const bool whole = size_ == size && ::read(fd, &extra, 1) == 0;  // and not grown since
        close(fd);
        return whole;
    }

    simdjson::padded_string_view view() const {
        return simdjson::padded_string_view(data_, size_, capacity_);
    }
    const char* data() const { return data_; }
    std::size_t size() const { return size_; }

private:
    char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

// Appends the questions of the "questions" array to out, each checked as read.
class QuestionListReader {
public:
    QuestionListReader(const FileBytes& json, const fs::path& file,
                       const std::string& lang, const TagSet& tags)
        : json_(json), prefix_(file.string() + ":"), lang_(lang), tags_(tags) {}

    bool read(od::value& value, QuestionIdIndex& ids, std::vector<Question>& out) {
        od::array list;
        if (value.get_array().get(list)) return false;
        // Room for as many questions as the file could hold (counting them
        // first would cost a pass over the file): the pages of unused room
        // are never touched, so they take no memory.
        const std::size_t at_most = json_.size() / kSmallestQuestionBytes + 1;
        out.reserve(out.size() + at_most);
        for (auto element : list) {
            od::value item;
            const char* at = nullptr;
            if (element.get(item) || item.current_location().get(at)) return false;
            Question& q = out.emplace_back();
            q.lang = lang_;
            if (!read_question(item, tags_, q) || !ids.add(out.size() - 1)) return false;
            q.where = where(at);
        }
        return true;
    }

private:
    // "file:line" of the question starting at `at`; lines are counted
    // forward only, as the careful reader counts them.
    std::string where(const char* at) {
        line_ += static_cast<int>(std::count(json_.data() + counted_to_, at, '\n'));
        counted_to_ = static_cast<std::size_t>(at - json_.data());
        std::string text;
        const std::string number = std::to_string(line_);
        text.reserve(prefix_.size() + number.size());
        return text.append(prefix_).append(number);
    }

    const FileBytes& json_;
    const std::string prefix_;
    const std::string& lang_;
    const TagSet& tags_;
    int line_ = 1;
    std::size_t counted_to_ = 0;
};

// The whole file: {"lang": …, "questions": […]} and nothing else, "lang"
// first (a file that puts it after the questions is left to the careful
// reader, which reads such a file twice anyway).
bool read_bank(const FileBytes& json, const fs::path& file,
               const std::map<std::string, TagSet>& all_tags, QuestionIdIndex& ids,
               std::vector<Question>& out) {
    od::parser parser;
    od::document doc;
    od::object top;
    if (parser.allocate(json.size(), kFastMaxDepth) || parser.iterate(json.view()).get(doc) ||
        doc.get_object().get(top))
        return false;
    std::string lang;
    const TagSet* tags = nullptr;
    bool questions_read = false;
    for (auto field : top) {
        std::string_view key;
        od::value value;
        if (field.unescaped_key().get(key) || field.value().get(value)) return false;
        if (key == "lang" && !tags && !questions_read) {
            if (!read_text(value, lang)) return false;
            const auto found = all_tags.find(lang);
            if (found == all_tags.end()) return false;
            tags = &found->second;
        } else if (key == "questions" && tags && !questions_read) {
            if (!QuestionListReader(json, file, lang, *tags).read(value, ids, out)) return false;
            questions_read = true;
        } else {
            return false;
        }
    }
    // Nothing after the object: only then is there no current location.
    const char* rest = nullptr;
    return questions_read && doc.current_location().get(rest) == simdjson::OUT_OF_BOUNDS;
}

// The hash of an id cut to 32 bits: it picks the slot and is kept in it.
std::uint32_t id_hash(std::string_view id) {
    return static_cast<std::uint32_t>(std::hash<std::string_view>{}(id));
}

}  // namespace

std::size_t QuestionIdIndex::slot_of(std::string_view id, std::uint32_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        const Slot held = slots_[slot];
        if (held == 0) return slot;
        if (held >> 32 == hash && questions_[(held & UINT32_MAX) - 1].id == id) return slot;
    }
}

bool QuestionIdIndex::contains(std::string_view id) const {
    return !slots_.empty() && slots_[slot_of(id, id_hash(id))] != 0;
}

bool QuestionIdIndex::add(std::size_t position) {
    reserve(1);
    const std::string& id = questions_[position].id;
    const std::uint32_t hash = id_hash(id);
    Slot& slot = slots_[slot_of(id, hash)];
    if (slot != 0) return false;
    slot = (Slot{hash} << 32) | (position + 1);
    ++count_;
    return true;
}

void QuestionIdIndex::reserve(std::size_t more) {
    std::size_t size = std::max<std::size_t>(slots_.size(), 64);
    while (size < 2 * (count_ + more)) size *= 2;
    if (size != slots_.size()) rebuild(size, questions_.size());
}

void QuestionIdIndex::truncate(std::size_t count) { rebuild(slots_.size(), count); }

// Moves every position below `positions` into a table of slot_count slots;
// the hash kept in each slot places it without reading the question.
void QuestionIdIndex::rebuild(std::size_t slot_count, std::size_t positions) {
    const std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(slot_count, 0));
    const std::size_t mask = slot_count - 1;
    count_ = 0;
    for (Slot held : old) {
        if (held == 0 || (held & UINT32_MAX) - 1 >= positions) continue;
        std::size_t slot = (held >> 32) & mask;
        while (slots_[slot] != 0) slot = (slot + 1) & mask;
        slots_[slot] = held;
        ++count_;
    }
}

void set_bank_fast_path_disabled(bool disabled) { fast_path_disabled = disabled; }
bool bank_fast_path_disabled() { return fast_path_disabled; }

bool append_questions_fast(const fs::path& file, const std::map<std::string, TagSet>& all_tags,
                           QuestionIdIndex& ids, std::vector<Question>& out) {
    if (fast_path_disabled) return false;
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec || size > kMaxTextFileBytes) return false;
    FileBytes json;
    if (!json.read(file, size)) return false;
    const std::size_t before = out.size();
    if (read_bank(json, file, all_tags, ids, out)) return true;
    out.resize(before);
    ids.truncate(before);
    return false;
}

}  // namespace rapport
