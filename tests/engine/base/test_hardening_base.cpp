// Bad input at the base layer (issue 19): JSON that used to crash or exhaust
// memory, UTF-8 checks and decoding, the year range, capped file reads.
#include "engine/base/error.h"
#include "engine/base/json_source.h"
#include "engine/base/local_time.h"
#include "engine/base/utf8.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <string>

using namespace rapport;
using rapport::test::TempDir;

TEST_CASE("a key repeated in one JSON object is a file:line error, also while streaming") {
    const std::string text = "{\"lang\":\"en\",\n\"questions\":[{\"id\":\"a\",\n\"id\":\"b\"}]}";
    CHECK_THROWS_WITH_AS(parse_json_source(text, "bank.json"),
                         "bank.json:3: key \"id\" appears twice in this object", Error);
    // Streaming used to read a freed pointer here (heap use-after-free).
    int items = 0;
    CHECK_THROWS_WITH_AS(stream_json_source(text, "bank.json", "/questions",
                                            [&](const nlohmann::json&, size_t, const JsonSource&) {
                                                ++items;
                                            }),
                         "bank.json:3: key \"id\" appears twice in this object", Error);
    CHECK(items == 0);
    // The same key in two different objects is fine.
    CHECK_NOTHROW(parse_json_source("[{\"id\":1},{\"id\":2}]", "ok.json"));
}

TEST_CASE("a number too big for a double is a file:line:column error, not an abort") {
    CHECK_THROWS_WITH_AS(parse_json_source("{\"minutes\":\n  1e400}", "bank.json"),
                         doctest::Contains("bank.json:2:"), Error);
    CHECK_THROWS_WITH_AS(parse_json_source("[-1e400]", "x.json"),
                         doctest::Contains("x.json:1:"), Error);
    CHECK_THROWS_WITH_AS(parse_json_source("[1e400]", "x.json"), doctest::Contains("overflow"),
                         Error);
}

TEST_CASE("nesting is bounded, so memory stays in proportion to the file") {
    const auto nested = [](size_t depth) {
        return std::string(depth, '[') + std::string(depth, ']');
    };
    CHECK_NOTHROW(parse_json_source(nested(kMaxJsonDepth), "ok.json"));
    CHECK_THROWS_WITH_AS(parse_json_source(nested(kMaxJsonDepth + 1), "deep.json"),
                         "deep.json:1: nested deeper than 64 levels", Error);
    // 20,000 levels used to take close to a gigabyte; now it stops at once.
    CHECK_THROWS_AS(parse_json_source(nested(20000), "deep.json"), Error);
}

TEST_CASE("JSON output never fails on text that is not UTF-8") {
    nlohmann::ordered_json doc{{"name", std::string("Zo\xeb")}};
    CHECK(json_text(doc) == "{\"name\":\"Zo\xEF\xBF\xBD\"}");
}

TEST_CASE("UTF-8 is checked with the field named, and Latin-1 decoded") {
    CHECK(is_valid_utf8("Zoë Ångström 🚀"));
    CHECK_FALSE(is_valid_utf8("Zo\xeb"));
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));  // overlong
    CHECK_FALSE(is_valid_utf8(std::string(80, '\x80')));
    CHECK_THROWS_WITH_AS(require_utf8("ab\xff", "notes"), "notes: not valid UTF-8 text (byte 3)",
                         Error);
    CHECK(utf8_or_windows1252("Zo\xeb \xc5ngstr\xf6m") == "Zoë Ångström");
    CHECK(utf8_or_windows1252("Zoë") == "Zoë");
    CHECK(decode_to_utf8("Fran\xe7ois", "ISO-8859-1") == "François");
    CHECK_THROWS_AS(decode_to_utf8("x", "no-such-charset"), Error);
    CHECK(utf8_with_replacements("a\xff" "b") == "a\xEF\xBF\xBD" "b");
}

TEST_CASE("years outside 1900-2200 are refused; stored dates are padded and read back") {
    CHECK_THROWS_WITH_AS(parse_local_date_time("0999-03-14T09:30Z", "--at"),
                         doctest::Contains("outside the years 1900 to 2200"), Error);
    CHECK_THROWS_WITH_AS(parse_local_date_time("9999-12-31T23:59Z", "--at"),
                         doctest::Contains("outside the years 1900 to 2200"), Error);
    CHECK(parse_local_date_time("1900-01-01T00:00Z", "at").year == 1900);
    CHECK(parse_local_date_time("2200-12-31T23:59Z", "at").year == 2200);
    // What an older version stored stays readable, and is written padded.
    const LocalDateTime old = parse_stored_date_time("999-03-14T09:30+00:00", "at_local");
    CHECK(old.year == 999);
    CHECK(old.iso() == "0999-03-14T09:30+00:00");
    CHECK(parse_stored_date_time("0042-01-02T03:04Z", "at").date() == "0042-01-02");
}

TEST_CASE("reading a file is capped, so a device that never ends gets a message") {
    TempDir tmp;
    rapport::test::write_file(tmp / "big.json", std::string(2048, ' '));
    CHECK_THROWS_WITH_AS(read_text_file(tmp / "big.json", 1024),
                         doctest::Contains("larger than"), Error);
    CHECK_THROWS_WITH_AS(read_text_file("/dev/zero", 1 << 20), doctest::Contains("/dev/zero"),
                         Error);
}
