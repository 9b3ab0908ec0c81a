#include "engine/questions/sheet_export.h"

#include "engine/base/placeholders.h"

#include <cctype>
#include <sstream>

namespace rapport {

namespace {

std::string phrase(const Sheet& sheet, const std::string& key,
                   const std::map<std::string, std::string>& values = {}) {
    auto it = sheet.phrases.find(key);
    const std::string pattern = it == sheet.phrases.end() ? key : it->second;
    return fill_placeholders(pattern, values).value_or(pattern);
}

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}

// The header lines as (label, value) pairs; empty values are left out.
std::vector<std::pair<std::string, std::string>> header_fields(const Sheet& sheet) {
    std::vector<std::pair<std::string, std::string>> fields;
    auto add = [&](const char* key, const std::string& value) {
        if (!value.empty()) fields.emplace_back(phrase(sheet, key), value);
    };
    add("contact", sheet.contact);
    add("company", sheet.company);
    add("role", sheet.role);
    add("industries", join(sheet.industry_labels));
    add("goals", join(sheet.goal_labels));
    return fields;
}

// The header and the footer give the same planned minutes: the questions on
// the sheet (own questions included), not the budget, which the footer names.
std::string meeting_line(const Sheet& sheet) {
    return phrase(sheet, "meeting",
                  {{"minutes", std::to_string(sheet.meeting_minutes)},
                   {"planned", std::to_string(sheet.total_minutes)}});
}

// Over the budget the footer says by how much ("18 of 16 minutes" read as a
// typo); a tags file without "total_over" keeps its "total" wording.
std::string total_line(const Sheet& sheet) {
    const bool over = sheet.total_minutes > sheet.budget_minutes && sheet.phrases.count("total_over");
    return phrase(sheet, over ? "total_over" : "total",
                  {{"total", std::to_string(sheet.total_minutes)},
                   {"budget", std::to_string(sheet.budget_minutes)},
                   {"over", std::to_string(sheet.total_minutes - sheet.budget_minutes)}});
}

std::string minutes_label(const Sheet& sheet, int minutes) {
    return std::to_string(minutes) + " " + phrase(sheet, "minutes_short");
}

// Calls on_stage when a new stage starts, then on_item for each item.
template <class OnStage, class OnItem>
void for_each_grouped(const Sheet& sheet, OnStage on_stage, OnItem on_item) {
    for (size_t i = 0; i < sheet.items.size(); ++i) {
        if (i == 0 || sheet.items[i].stage != sheet.items[i - 1].stage)
            on_stage(sheet.items[i].stage_label);
        on_item(sheet.items[i], i + 1);
    }
}

const char* kHtmlStyle = R"(
  body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 46em; margin: 2em auto;
         padding: 0 1em; color: #1d2330; line-height: 1.45; }
  h1 { font-size: 1.5em; margin-bottom: 0.3em; }
  h2 { font-size: 1.1em; margin: 1.4em 0 0.4em; border-bottom: 1px solid #c9cfdb;
       text-transform: uppercase; letter-spacing: 0.04em; color: #3b4a6b; }
  dl { display: grid; grid-template-columns: max-content auto; gap: 0.15em 1em; margin: 0; }
  dt { font-weight: bold; }
  dd { margin: 0; }
  .meeting { color: #555; margin: 0.6em 0 0; }
  ul.questions { list-style: none; padding: 0; margin: 0; }
  ul.questions li { display: flex; gap: 0.6em; padding: 0.45em 0; break-inside: avoid;
                    border-bottom: 1px dotted #d5d9e2; }
  .box { flex: none; width: 0.95em; height: 0.95em; border: 1.5px solid #3b4a6b;
         border-radius: 2px; margin-top: 0.2em; }
  .q { flex: 1; }
  .minutes { flex: none; color: #555; font-size: 0.9em; white-space: nowrap; }
  .why { display: block; color: #6b7385; font-size: 0.8em; }
  .notes { display: block; height: 2.2em; }
  .total { margin-top: 1.2em; color: #555; }
  @media print { body { margin: 0; max-width: none; } .why { display: none; } }
)";

// Appends the HTML entity for c and returns true when c needs one.
bool append_entity(char c, std::string& out) {
    switch (c) {
        case '&': out += "&amp;"; return true;
        case '<': out += "&lt;"; return true;
        case '>': out += "&gt;"; return true;
        case '"': out += "&quot;"; return true;
        case '\'': out += "&#39;"; return true;
        default: return false;
    }
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text)
        if (!append_entity(c, out)) out += c;
    return out;
}

namespace {

// True when text[i] = '&' starts an entity ("&copy;", "&#38;") a Markdown
// reader would turn into a character.
bool starts_entity(std::string_view text, size_t i) {
    size_t j = i + 1;
    if (j < text.size() && text[j] == '#') ++j;
    const size_t first = j;
    while (j < text.size() && std::isalnum(static_cast<unsigned char>(text[j]))) ++j;
    return j > first && j < text.size() && text[j] == ';';
}

// True when text[i] = '<' starts an HTML tag, comment or autolink.
bool starts_tag(std::string_view text, size_t i) {
    if (i + 1 >= text.size()) return false;
    const char next = text[i + 1];
    return std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!' || next == '?';
}

}  // namespace

std::string markdown_escape(std::string_view text) {
    // The file is read as plain text too, where "&amp;" would show: an
    // entity only where the raw character would turn into markup, so
    // "R&D", "Acme & Sons" and "a < b" stay as written.
    static constexpr std::string_view kMarkdownPunctuation = "\\`*_[]#|";
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '&' && starts_entity(text, i)) out += "&amp;";
        else if (c == '<' && starts_tag(text, i)) out += "&lt;";
        else {
            if (kMarkdownPunctuation.find(c) != std::string_view::npos) out += '\\';
            out += c;
        }
    }
    return out;
}

std::string sheet_to_text(const Sheet& sheet) {
    std::ostringstream out;
    out << phrase(sheet, "title") << "\n\n";
    const std::string separator = phrase(sheet, "label_separator");
    for (const auto& [label, value] : header_fields(sheet)) out << label << separator << value << "\n";
    out << meeting_line(sheet) << "\n";
    for_each_grouped(
        sheet, [&](const std::string& stage) { out << "\n" << stage << "\n"; },
        [&](const SheetItem& item, size_t number) {
            out << "  " << number << ". " << item.text << " (" << minutes_label(sheet, item.minutes)
                << ")\n";
        });
    out << "\n" << total_line(sheet) << "\n";
    return out.str();
}

std::string sheet_to_markdown(const Sheet& sheet) {
    std::ostringstream out;
    out << "# " << markdown_escape(phrase(sheet, "title")) << "\n\n";
    const std::string separator = phrase(sheet, "label_separator");
    for (const auto& [label, value] : header_fields(sheet))
        out << "- **" << markdown_escape(label) << "**" << markdown_escape(separator)
            << markdown_escape(value) << "\n";
    out << "- " << markdown_escape(meeting_line(sheet)) << "\n";
    for_each_grouped(
        sheet, [&](const std::string& stage) { out << "\n## " << markdown_escape(stage) << "\n\n"; },
        [&](const SheetItem& item, size_t) {
            out << "- [ ] " << markdown_escape(item.text) << " *("
                << markdown_escape(minutes_label(sheet, item.minutes)) << ")*\n";
        });
    out << "\n*" << markdown_escape(total_line(sheet)) << "*\n";
    return out.str();
}

std::string sheet_to_html(const Sheet& sheet) {
    std::ostringstream out;
    const std::string title = html_escape(phrase(sheet, "title"));
    out << "<!DOCTYPE html>\n<html lang=\"" << html_escape(sheet.lang) << "\">\n<head>\n"
        << "<meta charset=\"utf-8\">\n<title>" << title;
    if (!sheet.contact.empty()) out << " — " << html_escape(sheet.contact);
    out << "</title>\n<style>" << kHtmlStyle << "</style>\n</head>\n<body>\n<h1>" << title
        << "</h1>\n<dl>\n";
    for (const auto& [label, value] : header_fields(sheet))
        out << "  <dt>" << html_escape(label) << "</dt><dd>" << html_escape(value) << "</dd>\n";
    out << "</dl>\n<p class=\"meeting\">" << html_escape(meeting_line(sheet)) << "</p>\n";
    bool open_list = false;
    for_each_grouped(
        sheet,
        [&](const std::string& stage) {
            if (open_list) out << "</ul>\n";
            out << "<h2>" << html_escape(stage) << "</h2>\n<ul class=\"questions\">\n";
            open_list = true;
        },
        [&](const SheetItem& item, size_t) {
            out << "  <li><span class=\"box\"></span><span class=\"q\">" << html_escape(item.text)
                << "<span class=\"why\">" << html_escape(join(item.why))
                << "</span><span class=\"notes\"></span></span><span class=\"minutes\">"
                << html_escape(minutes_label(sheet, item.minutes)) << "</span></li>\n";
        });
    if (open_list) out << "</ul>\n";
    out << "<p class=\"total\">" << html_escape(total_line(sheet)) << "</p>\n</body>\n</html>\n";
    return out.str();
}

nlohmann::json sheet_to_json(const Sheet& sheet) {
    nlohmann::json questions = nlohmann::json::array();
    for (const auto& item : sheet.items)
        questions.push_back({{"id", item.id},
                             {"text", item.text},
                             {"stage", std::string(stage_id(item.stage))},
                             {"minutes", item.minutes},
                             {"why", item.why}});
    return {{"questions", questions}, {"total_minutes", sheet.total_minutes}};
}

}  // namespace rapport
