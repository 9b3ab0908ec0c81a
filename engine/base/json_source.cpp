#include "engine/base/json_source.h"

#include "engine/base/error.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <unordered_set>
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

// Builds the DOM with nlohmann's own SAX builder and records the line of
// every value under its JSON pointer. When streaming, each element of one
// array is built into a document of its own, handed to the handler and
// dropped, so the whole file never sits in memory as one big document.
class LineRecordingSax {
public:
    using Builder = nlohmann::detail::json_sax_dom_parser<json>;

    LineRecordingSax(JsonSource& source, std::string_view text, const char** furthest)
        : source_(source),
          text_(text),
          builder_(source.root, true),
          furthest_(furthest),
          counted_to_(text.data()) {}

    // Elements of the arrays at stream_pointers ("/questions") go to handler.
    void stream(const std::vector<std::string>& stream_pointers, const JsonArrayItemHandler* handler) {
        stream_pointers_ = stream_pointers;
        handler_ = handler;
    }

    bool null() { return scalar([](Builder& b) { return b.null(); }); }
    bool boolean(bool v) { return scalar([v](Builder& b) { return b.boolean(v); }); }
    bool number_integer(json::number_integer_t v) {
        return scalar([v](Builder& b) { return b.number_integer(v); });
    }
    bool number_unsigned(json::number_unsigned_t v) {
        return scalar([v](Builder& b) { return b.number_unsigned(v); });
    }
    bool number_float(json::number_float_t v, const std::string& s) {
        return scalar([v, &s](Builder& b) { return b.number_float(v, s); });
    }
    bool string(std::string& v) { return scalar([&v](Builder& b) { return b.string(v); }); }
    bool binary(json::binary_t& v) { return scalar([&v](Builder& b) { return b.binary(v); }); }

    bool start_object(std::size_t n) {
        check_depth();
        frames_.push_back({false, 0, begin_value(), {}, {}});
        return target().start_object(n);
    }
    bool key(std::string& k) {
        Frame& object = frames_.back();
        if (!object.keys.insert(k).second)
            fail(current_line(), "key \"" + k + "\" appears twice in this object");
        object.key = k;
        return target().key(k);
    }
    bool end_object() {
        frames_.pop_back();
        bool ok = target().end_object();
        return ok && finish_item_if_complete();
    }
    bool start_array(std::size_t n) {
        check_depth();
        frames_.push_back({true, 0, begin_value(), {}, {}});
        return target().start_array(n);
    }
    bool end_array() {
        frames_.pop_back();
        bool ok = target().end_array();
        return ok && finish_item_if_complete();
    }
    // Every error the parser finds (syntax, or a number out of range) names
    // the file, line and column; nlohmann's own prefix is dropped.
    template <class Exception>
    bool parse_error(std::size_t position, const std::string& /*token*/, const Exception& ex) {
        auto [line, column] = line_and_column(text_, position > 0 ? position - 1 : 0);
        std::string what = ex.what();
        // "[json.exception.parse_error.101] parse error at line L, column C: …"
        if (auto colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
        else if (auto bracket = what.find("] "); bracket != std::string::npos)
            what = what.substr(bracket + 2);
        throw Error(source_.path.string() + ":" + std::to_string(line) + ":" +
                    std::to_string(column) + ": invalid JSON: " + what);
    }

private:
    struct Frame {
        bool is_array;
        size_t index;
        std::string pointer;
        std::string key;
        std::unordered_set<std::string> keys;  // seen in this object
    };

    [[noreturn]] void fail(int line, const std::string& message) const {
        throw Error(source_.path.string() + ":" + std::to_string(line) + ": " + message);
    }

    void check_depth() {
        if (frames_.size() >= kMaxJsonDepth)
            fail(current_line(), "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    }

    static std::string escape_token(const std::string& token) {
        std::string out;
        for (char c : token) {
            if (c == '~') out += "~0";
            else if (c == '/') out += "~1";
            else out += c;
        }
        return out;
    }

    // The parser only moves forward, so newlines are counted once, as it reads.
    int current_line() {
        const char* now = *furthest_;
        if (now > counted_to_) {
            line_ += static_cast<int>(std::count(counted_to_, now, '\n'));
            counted_to_ = now;
        }
        return line_;
    }

    std::string pointer_of_current_value() const {
        if (frames_.empty()) return "";
        const Frame& f = frames_.back();
        return f.pointer + "/" + (f.is_array ? std::to_string(f.index) : escape_token(f.key));
    }

    Builder& target() { return item_builder_ ? *item_builder_ : builder_; }

    // Records the line of the value starting now and returns its pointer;
    // an enclosing array moves on to its next index. A value that starts an
    // element of the streamed array starts a document of its own.
    // The returned reference is the key inside lines: map nodes never move.
    const std::string& begin_value() {
        auto [entry, fresh] = source_.lines.try_emplace(pointer_of_current_value(), 0);
        if (fresh) entry->second = current_line();
        const std::string& pointer = entry->first;
        if (item_builder_) {
            if (fresh) item_pointers_.push_back(&pointer);
        } else if (handler_ && !frames_.empty() && frames_.back().is_array &&
                   is_streamed(frames_.back().pointer)) {
            item_array_ = frames_.back().pointer;
            item_index_ = frames_.back().index;
            item_pointers_.assign(1, &pointer);
            item_.emplace();
            item_builder_.emplace(*item_, true);
            item_depth_ = frames_.size();
        }
        if (!frames_.empty() && frames_.back().is_array) ++frames_.back().index;
        return pointer;
    }

    bool is_streamed(const std::string& array_pointer) const {
        return std::find(stream_pointers_.begin(), stream_pointers_.end(), array_pointer) !=
               stream_pointers_.end();
    }

    template <class Add>
    bool scalar(Add add) {
        begin_value();
        return add(target()) && finish_item_if_complete();
    }

    // Once the element's last value is in, hands it over and forgets it
    // (its lines too: the file can be far larger than memory for lines).
    bool finish_item_if_complete() {
        if (!item_builder_ || frames_.size() != item_depth_) return true;
        source_.bytes_read = static_cast<std::size_t>(*furthest_ - text_.data()) + 1;
        (*handler_)(item_array_, *item_, item_index_, source_);
        for (const std::string* pointer : item_pointers_)
            if (auto it = source_.lines.find(*pointer); it != source_.lines.end())
                source_.lines.erase(it);
        item_builder_.reset();
        item_.reset();
        return true;
    }

    JsonSource& source_;
    std::string_view text_;
    Builder builder_;
    const char** furthest_;
    const char* counted_to_;
    int line_ = 1;
    std::vector<Frame> frames_;
    // Streaming state.
    std::vector<std::string> stream_pointers_;
    const JsonArrayItemHandler* handler_ = nullptr;
    std::string item_array_;
    std::optional<json> item_;
    std::optional<Builder> item_builder_;
    size_t item_depth_ = 0;
    size_t item_index_ = 0;
    std::vector<const std::string*> item_pointers_;  // keys in source_.lines
};


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

namespace {

JsonSource parse_with(std::string_view text, const std::filesystem::path& name,
                      const std::vector<std::string>& stream_pointers,
                      const JsonArrayItemHandler* handler) {
    JsonSource source;
    source.path = name;
    const char* furthest = text.data();
    TrackingIterator first{text.data(), &furthest};
    TrackingIterator last{text.data() + text.size(), &furthest};
    LineRecordingSax sax(source, text, &furthest);
    if (handler) sax.stream(stream_pointers, handler);
    json::sax_parse(first, last, &sax);
    source.bytes_read = text.size();
    return source;
}

}  // namespace

JsonSource parse_json_source(std::string_view text, const std::filesystem::path& name) {
    return parse_with(text, name, {}, nullptr);
}

JsonSource stream_json_source(std::string_view text, const std::filesystem::path& name,
                              const std::string& array_pointer, const JsonItemHandler& on_item) {
    const JsonArrayItemHandler forward = [&on_item](const std::string&, const nlohmann::json& item,
                                                    size_t index, const JsonSource& source) {
        on_item(item, index, source);
    };
    return parse_with(text, name, {array_pointer}, &forward);
}

JsonSource stream_json_arrays(std::string_view text, const std::filesystem::path& name,
                              const std::vector<std::string>& array_pointers,
                              const JsonArrayItemHandler& on_item) {
    return parse_with(text, name, array_pointers, &on_item);
}

std::string read_text_stream(std::istream& in, const std::string& name, std::size_t max_bytes) {
    std::string text;
    char chunk[1 << 16];
    while (in) {
        in.read(chunk, sizeof chunk);
        text.append(chunk, static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_bytes)
            throw Error(name + ": larger than " + std::to_string(max_bytes >> 20) +
                        " MB; not a Rapport file");
    }
    if (in.bad()) throw Error(name + ": read error");
    return text;
}

std::string read_text_file(const std::filesystem::path& path, std::size_t max_bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string() + ": cannot read file");
    return read_text_stream(in, path.string(), max_bytes);
}

JsonSource load_json_source(const std::filesystem::path& path) {
    return parse_json_source(read_text_file(path), path);
}

}  // namespace rapport
