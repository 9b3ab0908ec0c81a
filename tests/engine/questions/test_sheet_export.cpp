// Sheet exports: Markdown read back by a real Markdown parser, HTML that
// escapes every user string and needs nothing from outside, text and JSON.
#include "engine/questions/sheet_export.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace rapport;
using namespace rapport::test;

namespace {

Sheet sample_sheet(const std::string& company = "Acme & Sons") {
    BankLoad load = load_banks({source_dir() / "question-banks"});
    REQUIRE(load.problems.empty());
    SheetRequest r;
    r.industries = {"technology"};
    r.goals = {"change-careers", "company-culture"};
    r.minutes = 30;
    r.company = company;
    r.contact = "Zoë *Ångström*";
    r.role = "UX_lead";
    return build_sheet(load.banks, r);
}

size_t count(const std::string& text, const std::string& needle) {
    size_t n = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

// Renders Markdown with Python-Markdown (Debian python3-markdown).
std::string markdown_to_html(const std::string& markdown) {
    CommandOptions options;
    options.stdin_text = markdown;
    auto result = run_command("/usr/bin/python3",
                              {"-c", "import sys, markdown; "
                                     "sys.stdout.write(markdown.markdown(sys.stdin.read()))"},
                              options);
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    return result.out;
}

}  // namespace

TEST_CASE("Markdown export is a checklist a real Markdown parser reads") {
    Sheet sheet = sample_sheet();
    const std::string md = sheet_to_markdown(sheet);
    const std::string html = markdown_to_html(md);
    INFO(md);
    INFO(html);
    // Header list (contact, company, role, industries, goals, meeting) + one item per question.
    CHECK(count(html, "<li>") == sheet.items.size() + 6);
    CHECK(count(html, "<li>[ ] ") == sheet.items.size());
    CHECK(count(html, "<h1>") == 1);
    std::vector<std::string> stages;
    for (const auto& item : sheet.items)
        if (stages.empty() || stages.back() != item.stage_label) stages.push_back(item.stage_label);
    CHECK(count(html, "<h2>") == stages.size());
    for (const auto& stage : stages) CHECK(html.find("<h2>" + stage + "</h2>") != std::string::npos);
    // Each question survives as its own list item, with its minutes in emphasis.
    for (const auto& item : sheet.items) {
        std::string text;  // the parser writes a literal & as &amp;
        for (char c : item.text) text += c == '&' ? std::string("&amp;") : std::string(1, c);
        CHECK_MESSAGE(html.find("<li>[ ] " + text + " <em>(" + std::to_string(item.minutes) +
                                " min)</em></li>") != std::string::npos,
                      text);
    }
    // User strings stay literal: no emphasis from *…*, no subscript from _.
    CHECK(html.find("Zoë *Ångström*") != std::string::npos);
    CHECK(html.find("UX_lead") != std::string::npos);
    CHECK(html.find("Acme &amp; Sons") != std::string::npos);
    CHECK(html.find("<strong>Company</strong>") != std::string::npos);
}

TEST_CASE("HTML export escapes every user string and is self-contained") {
    Sheet sheet = sample_sheet("<script>alert(1)</script>&\"'");
    const std::string html = sheet_to_html(sheet);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;") != std::string::npos);
    CHECK(html.find("<style>") != std::string::npos);
    for (const char* outside : {"src=", "href=", "@import", "url(", "http:", "https:", "<link"})
        CHECK_MESSAGE(html.find(outside) == std::string::npos, outside);
    CHECK(count(html, "<li>") == sheet.items.size());
    CHECK(html.find("<html lang=\"en\">") != std::string::npos);
    CHECK(html_escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;");
}

TEST_CASE("text export numbers the questions for an email body") {
    Sheet sheet = sample_sheet();
    const std::string text = sheet_to_text(sheet);
    for (size_t i = 0; i < sheet.items.size(); ++i)
        CHECK(text.find("  " + std::to_string(i + 1) + ". " + sheet.items[i].text + " (") !=
              std::string::npos);
    CHECK(text.find("Company: Acme & Sons") != std::string::npos);
    CHECK(text.find("30-minute meeting, about " + std::to_string(sheet.total_minutes) +
                    " minutes of questions") != std::string::npos);
    CHECK(text.find("Planned: " + std::to_string(sheet.total_minutes) + " of 24 minutes") !=
          std::string::npos);
    CHECK(text.find_first_of("{}<>") == std::string::npos);
}

// The app adds the user's own questions on top of the engine's choice; the
// header used to give the budget ("about 16 minutes") while the footer gave
// the sum ("18 of 16").
TEST_CASE("the header and the footer give the same planned minutes, in every format") {
    for (const char* lang : {"en", "fr"}) {
        BankLoad load = load_banks({source_dir() / "question-banks"});
        SheetRequest r;
        r.lang = lang;
        r.industries = {lang == std::string("en") ? "technology" : "healthcare"};
        r.goals = {"change-careers"};
        r.minutes = 20;
        Sheet sheet = build_sheet(load.banks, r);
        REQUIRE(sheet.budget_minutes == 16);
        SheetItem own;
        own.id = "custom-1";
        own.text = "What would you do differently?";
        own.stage = sheet.items.back().stage;
        own.minutes = sheet.budget_minutes - sheet.total_minutes + 2;  // two minutes over
        sheet.items.push_back(own);
        sheet.total_minutes += own.minutes;
        REQUIRE(sheet.total_minutes == 18);
        INFO(lang);
        for (const std::string& out : {sheet_to_text(sheet), sheet_to_markdown(sheet), sheet_to_html(sheet)}) {
            INFO(out);
            CHECK(out.find("16 minutes de questions") == std::string::npos);
            CHECK(out.find("about 16 minutes") == std::string::npos);
            CHECK(out.find("18 of 16") == std::string::npos);
            CHECK(out.find("18 minutes sur 16") == std::string::npos);
        }
        const std::string text = sheet_to_text(sheet);
        if (lang == std::string("en")) {
            CHECK(text.find("20-minute meeting, about 18 minutes of questions") != std::string::npos);
            CHECK(text.find("Planned: 18 minutes, 2 more than the 16 the meeting leaves for questions") !=
                  std::string::npos);
        } else {
            CHECK(text.find("Rencontre de 20 minutes, environ 18 minutes de questions") != std::string::npos);
            CHECK(text.find("Prévu : 18 minutes, 2 de plus que les 16") != std::string::npos);
        }
        // Within the budget the footer keeps its "N of M" form, N as in the header.
        sheet.items.pop_back();
        sheet.total_minutes -= own.minutes;
        const std::string within = sheet_to_text(sheet);
        const std::string n = std::to_string(sheet.total_minutes);
        CHECK(within.find(lang == std::string("en") ? "about " + n + " minutes" : "environ " + n + " minutes") !=
              std::string::npos);
        CHECK(within.find(lang == std::string("en") ? "Planned: " + n + " of 16 minutes"
                                                    : "Prévu : " + n + " minutes sur 16") != std::string::npos);
    }
}

TEST_CASE("JSON export follows the contract") {
    Sheet sheet = sample_sheet();
    nlohmann::json j = sheet_to_json(sheet);
    CHECK(j.size() == 2);
    REQUIRE(j["questions"].size() == sheet.items.size());
    int total = 0;
    for (size_t i = 0; i < sheet.items.size(); ++i) {
        const auto& q = j["questions"][i];
        CHECK(q.size() == 5);
        CHECK(q["id"] == sheet.items[i].id);
        CHECK(q["text"] == sheet.items[i].text);
        CHECK(q["stage"] == std::string(stage_id(sheet.items[i].stage)));
        CHECK(q["why"].is_array());
        CHECK_FALSE(q["why"].empty());
        total += q["minutes"].get<int>();
    }
    CHECK(j["total_minutes"] == total);
}

TEST_CASE("a French sheet uses the French wording from its tags file") {
    BankLoad load = load_banks({source_dir() / "question-banks"});
    SheetRequest r;
    r.lang = "fr";
    r.industries = {"healthcare"};
    r.goals = {"change-careers"};
    Sheet sheet = build_sheet(load.banks, r);
    const std::string text = sheet_to_text(sheet);
    CHECK(text.find("Entretien informatif") != std::string::npos);
    CHECK(text.find("Ouverture") != std::string::npos);
    CHECK(text.find("Conclusion") != std::string::npos);
    CHECK(sheet.items.front().why.front() == "ouvre la rencontre");
    CHECK(sheet_to_html(sheet).find("<html lang=\"fr\">") != std::string::npos);
}

TEST_CASE("Markdown shows no HTML entity for a plain & and still keeps markup literal") {
    CHECK(markdown_escape("R&D at Acme & Sons") == "R&D at Acme & Sons");
    CHECK(markdown_escape("a < b") == "a < b");
    CHECK(markdown_escape("&copy; <b>x</b>") == "&amp;copy; &lt;b>x&lt;/b>");
    Sheet sheet = sample_sheet("Smith & Wesson <b>Labs</b>");
    const std::string md = sheet_to_markdown(sheet);
    CHECK(md.find("Smith & Wesson &lt;b>Labs&lt;/b>") != std::string::npos);
    CHECK(md.find("&amp;") == std::string::npos);
    const std::string html = markdown_to_html(md);
    CHECK(html.find("Smith &amp; Wesson &lt;b&gt;Labs&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("<b>") == std::string::npos);
}
