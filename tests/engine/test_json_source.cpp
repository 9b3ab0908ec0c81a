#include "engine/error.h"
#include "engine/json_source.h"

#include <doctest/doctest.h>

using namespace rapport;

TEST_CASE("every value remembers the line it starts on") {
    const char* text =
        "{\n"
        "  \"lang\": \"en\",\n"
        "  \"questions\": [\n"
        "    { \"id\": \"a\",\n"
        "      \"minutes\": 3 },\n"
        "    {\n"
        "      \"id\": \"b/c\"\n"
        "    }\n"
        "  ]\n"
        "}\n";
    JsonSource src = parse_json_source(text, "bank.json");
    CHECK(src.root["questions"][1]["id"] == "b/c");
    CHECK(src.line_of("/lang") == 2);
    CHECK(src.line_of("/questions/0") == 4);
    CHECK(src.line_of("/questions/0/minutes") == 5);
    CHECK(src.line_of("/questions/1") == 6);
    CHECK(src.line_of("/questions/1/id") == 7);
    CHECK(src.line_of("/questions/1/missing") == 6);  // falls back to the parent
    CHECK(src.where("/questions/0/minutes") == "bank.json:5");
}

TEST_CASE("a syntax error names the file, line and column") {
    const char* text = "{\n  \"a\": 1,\n  \"b\": [1, 2,, 3]\n}\n";
    CHECK_THROWS_WITH_AS(parse_json_source(text, "bad.json"), doctest::Contains("bad.json:3:"),
                         Error);
}

TEST_CASE("an unreadable file is an error naming it") {
    CHECK_THROWS_WITH_AS(load_json_source("/nonexistent/rapport/bank.json"),
                         doctest::Contains("/nonexistent/rapport/bank.json"), Error);
}
