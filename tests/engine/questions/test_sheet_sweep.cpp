// The sweep: every industry x goal x {15, 20, 30} minutes x language, with
// the shipped banks, checked against what a career coach expects of a sheet
// (issue 14): the referral question from 20 minutes on (we ask it from 15),
// varied openers, no look-alikes, few enough questions for follow-ups, and
// no article or elision error when the contact's role is filled in.
#include "engine/questions/tailor.h"
#include "engine/questions/text_similarity.h"
#include "tests/support/bank_fixture.h"

#include <doctest/doctest.h>

#include <cctype>
#include <map>
#include <regex>
#include <set>

using namespace rapport;
using namespace rapport::test;

namespace {

int allowed_questions(int minutes) { return minutes <= 15 ? 6 : minutes <= 20 ? 8 : 10; }

// Roles whose article or elision a careless fill gets wrong.
const std::map<std::string, std::vector<std::string>>& roles_by_lang() {
    static const std::map<std::string, std::vector<std::string>> roles = {
        {"en", {"engineer", "UX designer", "analyst", "architect", "HR manager"}},
        {"fr", {"infirmière", "architecte", "analyste", "ingénieur", "hôtesse d'accueil"}}};
    return roles;
}

// Article and elision mistakes: "a engineer", "an UX designer", "as engineer",
// "de infirmière", "le architecte", "de le", "à les"…
std::string grammar_error(const std::string& lang, const std::string& text, const std::string& role) {
    static const std::regex en_a_vowel(R"(\b[Aa] (engineer|analyst|architect|HR)\b)");
    static const std::regex en_an_consonant(R"(\b[Aa]n (UX|nurse|designer|data)\b)");
    static const std::regex fr_no_elision(
        R"((^|[ '(])(de|le|que|je|ne|se) (a|e|i|o|u|é|è|ê|à|â|î|ô|û|h[^a]))",
        std::regex::icase);
    static const std::regex fr_no_contraction(R"(\b(de|à) (le|les) )");
    if (lang == "en") {
        if (std::regex_search(text, en_a_vowel) || std::regex_search(text, en_an_consonant))
            return "article";
        for (const char* bare : {"as ", "being ", "of "}) {
            const std::string wrong = bare + role;
            for (size_t at = text.find(wrong); at != std::string::npos; at = text.find(wrong, at + 1)) {
                const size_t end = at + wrong.size();
                if (end == text.size() || !std::isalpha(static_cast<unsigned char>(text[end])))
                    return "missing article";  // "as engineer", not "of engineering"
            }
        }
        return "";
    }
    if (std::regex_search(text, fr_no_elision)) return "elision";
    if (std::regex_search(text, fr_no_contraction)) return "contraction";
    return "";
}

}  // namespace

TEST_CASE("sweep: every industry, goal, 15/20/30 minutes and language gives a sheet a coach would sign") {
    const Banks& banks = loaded_shipped_banks();
    size_t sheets = 0;
    for (const std::string lang : {"en", "fr"}) {
        const TagSet& tags = banks.require_tags(lang);
        const auto& roles = roles_by_lang().at(lang);
        std::set<std::string> openers;
        size_t k = 0;
        for (const auto& industry : tags.industries)
            for (const auto& goal : tags.goals)
                for (int minutes : {15, 20, 30}) {
                    SheetRequest r;
                    r.lang = lang;
                    r.industries = {industry.id};
                    r.goals = {goal.id};
                    r.minutes = minutes;
                    r.role = roles[k++ % roles.size()];
                    if (k % 3 == 0) r.contact = "Zoë O'Neil";
                    const Sheet sheet = build_sheet(banks, r);
                    ++sheets;
                    INFO(lang << " " << industry.id << " " << goal.id << " " << minutes << " min, role "
                              << r.role);
                    REQUIRE(sheet.items.size() >= 3);
                    CHECK(static_cast<int>(sheet.items.size()) <= allowed_questions(minutes));
                    CHECK(sheet.total_minutes <= sheet.budget_minutes);
                    CHECK(sheet.items.front().stage == Stage::opening);
                    CHECK(sheet.items.back().stage == Stage::closing);
                    openers.insert(sheet.items.front().id);

                    bool referral = false;
                    std::set<std::string> groups;
                    for (size_t i = 0; i < sheet.items.size(); ++i) {
                        const SheetItem& item = sheet.items[i];
                        const Question* q = banks.find(item.id);
                        REQUIRE(q);
                        if (q->group == kReferralGroup && item.stage == Stage::closing) referral = true;
                        if (!q->group.empty())
                            CHECK_MESSAGE(groups.insert(q->group).second, "two of group " << q->group);
                        CHECK_MESSAGE(q->audience != Audience::student, item.id);
                        if (q->audience == Audience::career_changer) CHECK(goal.id == "change-careers");
                        CHECK_FALSE(q->excludes_industry(industry.id));
                        CHECK_MESSAGE(grammar_error(lang, item.text, r.role).empty(), item.text);
                        CHECK_MESSAGE(item.text.find("O'Neil") == std::string::npos, item.text);
                        for (size_t j = 0; j < i; ++j)
                            CHECK_MESSAGE(!near_repeat(content_words(item.text),
                                                       content_words(sheet.items[j].text)),
                                          item.text << " / " << sheet.items[j].text);
                    }
                    if (minutes >= 20) CHECK_MESSAGE(referral, "no referral question");
                    if (minutes >= kReferralFromMinutes) CHECK(referral);
                }
        INFO(lang << " openers: " << openers.size());
        CHECK(openers.size() >= 3);
        MESSAGE(lang << ": " << openers.size() << " different openers");
    }
    CHECK(sheets == 2 * 15 * 10 * 3);
}

TEST_CASE("the grammar check of the sweep catches the mistakes it looks for") {
    CHECK(grammar_error("en", "What does being a engineer mean?", "engineer") == "article");
    CHECK(grammar_error("en", "Your work as an UX designer?", "UX designer") == "article");
    CHECK(grammar_error("en", "Your role as engineer?", "engineer") == "missing article");
    CHECK(grammar_error("en", "Your work as an engineer?", "engineer").empty());
    CHECK(grammar_error("en", "your part of engineering", "engineer").empty());
    CHECK(grammar_error("fr", "votre rôle de infirmière ?", "infirmière") == "elision");
    CHECK(grammar_error("fr", "le architecte", "architecte") == "elision");
    CHECK(grammar_error("fr", "les métiers de le secteur", "") == "contraction");
    CHECK(grammar_error("fr", "le métier d'analyste et de la santé", "analyste").empty());
}

TEST_CASE("sweep: two industries, two goals and the contact's details keep the same rules") {
    const Banks& banks = loaded_shipped_banks();
    for (const std::string lang : {"en", "fr"}) {
        const TagSet& tags = banks.require_tags(lang);
        const size_t n = tags.industries.size(), m = tags.goals.size();
        const std::string and_word = tags.phrase("and", "and");
        for (size_t i = 0; i < n; ++i)
            for (size_t g = 0; g < m; ++g)
                for (int minutes : {20, 45}) {
                    const Tag& first = tags.industries[i];
                    const Tag& second = tags.industries[(i + 1 + g) % n];
                    SheetRequest r;
                    r.lang = lang;
                    r.industries = {first.id, second.id};
                    r.goals = {tags.goals[g].id, tags.goals[(g + 3) % m].id};
                    r.minutes = minutes;
                    r.company = "Acme & Sons";
                    r.contact = "Zoë O'Neil";
                    r.role = roles_by_lang().at(lang)[(i + g) % roles_by_lang().at(lang).size()];
                    r.audience = g % 2 ? Audience::student : Audience::any;
                    const Sheet sheet = build_sheet(banks, r);
                    INFO(lang << " " << first.id << "+" << second.id << " " << r.goals[0] << "+" << r.goals[1]
                              << " " << minutes << " min");
                    CHECK(static_cast<int>(sheet.items.size()) <= max_questions(minutes));
                    const std::string joined = first.phrase + " " + and_word + " " + second.phrase;
                    std::set<std::string> groups;
                    bool referral = false;
                    int naming_company = 0;
                    for (const auto& item : sheet.items) {
                        const Question* q = banks.find(item.id);
                        if (!q->group.empty()) CHECK(groups.insert(q->group).second);
                        referral = referral || q->group == kReferralGroup;
                        if (r.audience == Audience::student) CHECK(q->audience != Audience::career_changer);
                        CHECK_MESSAGE(grammar_error(lang, item.text, r.role).empty(), item.text);
                        for (const char* singular : {" is ", " has ", " évolue "})
                            CHECK_MESSAGE(item.text.find(joined + singular) == std::string::npos, item.text);
                        naming_company += item.text.find("Acme & Sons") != std::string::npos;
                    }
                    CHECK(referral);
                    CHECK(naming_company <= 3);  // the company, not in every line
                }
    }
}
