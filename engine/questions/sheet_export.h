// A question sheet written out for people and programs.
//
//   txt   plain text for an email body: a header, then numbered questions
//         grouped by stage, each with its minutes.
//   md    a Markdown checklist ("- [ ] question") under one "##" heading per
//         stage, ready to print or paste; user strings are escaped so a
//         company name cannot turn into markup (backslashes; no HTML
//         entity for a plain "&").
//   html  one self-contained printable page (inline CSS, no outside
//         resources); every string is HTML-escaped.
//   json  {"questions":[{"id","text","stage","minutes","why":[…]}…],
//          "total_minutes":N} — the contract scripts rely on.
// Headings and labels come from the sheet's phrases (the language's tags
// file, English for any missing key).
#pragma once

#include "engine/questions/tailor.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace rapport {

std::string sheet_to_text(const Sheet& sheet);
std::string sheet_to_markdown(const Sheet& sheet);
std::string sheet_to_html(const Sheet& sheet);
nlohmann::json sheet_to_json(const Sheet& sheet);

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(std::string_view text);
// Escapes Markdown punctuation with backslashes; '&' and '<' become
// entities only where they would otherwise start an entity or a tag, so the
// file never shows "&amp;" for a plain "&".
std::string markdown_escape(std::string_view text);

}  // namespace rapport
