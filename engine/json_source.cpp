#include "engine/json_source.h"

#include "engine/error.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

namespace rapport {
namespace {

using json = nlohmann::json;

// An input iterator over the text that remembers how far the parser has read,
// so SAX events can be mapped back to a line.
struct TrackingIterator {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* position = nullptr;
    const char** furthest = nullptr;

    reference operator*() const {
        if (position > *furthest) *furthest = position;
        return *position;
    }
    TrackingIterator& operator++() {
        ++position;
        return *this;
    }
    TrackingIterator operator++(int) {
        TrackingIterator old = *this;
        ++position;
        return old;
    }
    bool operator==(const TrackingIterator& other) const { return position == other.position; }
    bool operator!=(const TrackingIterator& other) const { return position != other.position; }
};

// Builds the DOM with nlohmann's own SAX builder and records the line of
// every value under its JSON pointer.
class LineRecordingSax {
public:
    LineRecordingSax(json& root, std::string_view text, const char** furthest,
                     std::unordered_map<std::string, int>& lines)
        : builder_(root, true), text_(text), furthest_(furthest), lines_(lines) {
        for (size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') newline_offsets_.push_back(i);
    }

    bool null() { return begin_value(), builder_.null(); }
    bool boolean(bool v) { return begin_value(), builder_.boolean(v); }
    bool number_integer(json::number_integer_t v) {
        return begin_value(), builder_.number_integer(v);
    }
    bool number_unsigned(json::number_unsigned_t v) {
        return begin_value(), builder_.number_unsigned(v);
    }
    bool number_float(json::number_float_t v, const std::string& s) {
        return begin_value(), builder_.number_float(v, s);
    }
    bool string(std::string& v) { return begin_value(), builder_.string(v); }
    bool binary(json::binary_t& v) { return begin_value(), builder_.binary(v); }

    bool start_object(std::size_t n) {
        frames_.push_back({false, 0, begin_value(), {}});
        return builder_.start_object(n);
    }
    bool key(std::string& k) {
        frames_.back().key = k;
        return builder_.key(k);
    }
    bool end_object() {
        frames_.pop_back();
        return builder_.end_object();
    }
    bool start_array(std::size_t n) {
        frames_.push_back({true, 0, begin_value(), {}});
        return builder_.start_array(n);
    }
    bool end_array() {
        frames_.pop_back();
        return builder_.end_array();
    }
    template <class Exception>
    bool parse_error(std::size_t position, const std::string& token, const Exception& ex) {
        return builder_.parse_error(position, token, ex);
    }

private:
    struct Frame {
        bool is_array;
        size_t index;
        std::string pointer;
        std::string key;
    };

    static std::string escape_token(const std::string& token) {
        std::string out;
        for (char c : token) {
            if (c == '~') out += "~0";
            else if (c == '/') out += "~1";
            else out += c;
        }
        return out;
    }

    int current_line() const {
        size_t offset = static_cast<size_t>(*furthest_ - text_.data());
        auto it = std::lower_bound(newline_offsets_.begin(), newline_offsets_.end(), offset);
        return static_cast<int>(it - newline_offsets_.begin()) + 1;
    }

    std::string pointer_of_current_value() const {
        if (frames_.empty()) return "";
        const Frame& f = frames_.back();
        return f.pointer + "/" + (f.is_array ? std::to_string(f.index) : escape_token(f.key));
    }

    // Records the line of the value starting now and returns its pointer;
    // an enclosing array moves on to its next index.
    std::string begin_value() {
        std::string pointer = pointer_of_current_value();
        lines_.emplace(pointer, current_line());
        if (!frames_.empty() && frames_.back().is_array) ++frames_.back().index;
        return pointer;
    }

    nlohmann::detail::json_sax_dom_parser<json> builder_;
    std::string_view text_;
    const char** furthest_;
    std::unordered_map<std::string, int>& lines_;
    std::vector<size_t> newline_offsets_;
    std::vector<Frame> frames_;
};

std::pair<int, int> line_and_column(std::string_view text, size_t byte) {
    byte = std::min(byte, text.size());
    int line = 1, column = 1;
    for (size_t i = 0; i < byte; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

}  // namespace

int JsonSource::line_of(const std::string& pointer) const {
    std::string p = pointer;
    while (true) {
        if (auto it = lines.find(p); it != lines.end()) return it->second;
        if (p.empty()) return 1;
        p.erase(p.rfind('/'));
    }
}

std::string JsonSource::where(const std::string& pointer) const {
    return path.string() + ":" + std::to_string(line_of(pointer));
}

JsonSource parse_json_source(std::string_view text, const std::filesystem::path& name) {
    JsonSource source;
    source.path = name;
    const char* furthest = text.data();
    TrackingIterator first{text.data(), &furthest};
    TrackingIterator last{text.data() + text.size(), &furthest};
    LineRecordingSax sax(source.root, text, &furthest, source.lines);
    try {
        json::sax_parse(first, last, &sax);
    } catch (const json::parse_error& e) {
        auto [line, column] = line_and_column(text, e.byte > 0 ? e.byte - 1 : 0);
        std::string what = e.what();
        // nlohmann prefixes "[json.exception.parse_error.101] parse error at line L, column C: ".
        if (auto colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
        throw Error(name.string() + ":" + std::to_string(line) + ":" + std::to_string(column) +
                    ": invalid JSON: " + what);
    }
    return source;
}

std::string read_text_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string() + ": cannot read file");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw Error(path.string() + ": read error");
    return buffer.str();
}

JsonSource load_json_source(const std::filesystem::path& path) {
    return parse_json_source(read_text_file(path), path);
}

}  // namespace rapport
