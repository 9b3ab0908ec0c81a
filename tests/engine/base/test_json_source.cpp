#include "engine/base/error.h"
#include "engine/base/json_source.h"

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

TEST_CASE("streaming hands each array element over with its lines, then drops it") {
    const char* text =
        "{\n"
        "  \"lang\": \"en\",\n"
        "  \"questions\": [\n"
        "    {\"id\": \"a\",\n"
        "     \"tags\": [\"x\", \"y\"]},\n"
        "    7,\n"
        "    {\"id\": \"c\"}\n"
        "  ],\n"
        "  \"after\": true\n"
        "}\n";
    std::vector<std::string> seen;
    JsonSource src = stream_json_source(text, "s.json", "/questions",
                                        [&](const nlohmann::json& item, size_t index, const JsonSource& s) {
                                            seen.push_back(std::to_string(index) + " " + item.dump() + " " +
                                                           s.where("/questions/" + std::to_string(index)));
                                            if (index == 0) {
                                                CHECK(s.line_of("/questions/0/tags/1") == 5);
                                                CHECK(s.root["lang"] == "en");
                                            }
                                        });
    CHECK(seen == std::vector<std::string>{"0 {\"id\":\"a\",\"tags\":[\"x\",\"y\"]} s.json:4",
                                           "1 7 s.json:6", "2 {\"id\":\"c\"} s.json:7"});
    CHECK(src.root["questions"].empty());
    CHECK(src.root["after"] == true);
    CHECK(src.line_of("/after") == 9);
    CHECK(src.lines.count("/questions/0/id") == 0);  // dropped with the element
    CHECK_THROWS_WITH_AS(stream_json_source("{\"q\": [1,", "t.json", "/q",
                                            [](const nlohmann::json&, size_t, const JsonSource&) {}),
                         doctest::Contains("t.json:1:"), Error);
}
