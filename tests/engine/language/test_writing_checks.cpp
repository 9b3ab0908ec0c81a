// The checks beyond spelling, each on texts that must be flagged and texts
// that must not.
#include "engine/language/text_checker.h"
#include "engine/language/writing_checks.h"

#include <doctest/doctest.h>

using namespace rapport;

namespace {

std::vector<TextIssue> writing(std::string_view text, bool english = true) {
    WordTokenizer tokenizer;
    return writing_issues(text, tokenizer.tokens(text), english);
}

// "kind:word | kind:word" in text order: readable in a failure message.
std::string kinds(std::string_view text, bool english = true) {
    std::string out;
    for (const auto& issue : writing(text, english))
        out += (out.empty() ? "" : " | ") + std::string(issue_kind_name(issue.kind)) + ":" + issue.word;
    return out;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " | ") + w;
    return out;
}

}  // namespace

TEST_CASE("word tokens: apostrophes stay inside words, hyphens split, links and numbers skipped") {
    WordTokenizer tokenizer;
    const std::string text = "l’entreprise d'Hydro-Québec, don't 2025 3rd www.x.org a@b.co e.g";
    std::vector<std::string> words, skipped;
    for (const auto& t : tokenizer.tokens(text))
        (t.skipped ? skipped : words).push_back(std::string(t.text(text)));
    CHECK(joined(words) == "l’entreprise | d'Hydro | Québec | don't");
    CHECK(joined(skipped) == "2025 | 3rd | www.x.org | a@b.co | e.g");
}

TEST_CASE("repeated words") {
    CHECK(kinds("I hope to to meet you.") == "repeat:to to");
    CHECK(kinds("Thanks for the\nthe advice.") == "repeat:the\nthe");
    CHECK(kinds("It was The the best.") == "repeat:The the");
    CHECK(kinds("She said that that plan had had its day.") == "");
    CHECK(kinds("Nous nous verrons lundi.", false) == "");
    CHECK(kinds("Le le métier.", false) == "repeat:Le le");
    CHECK(kinds("Bye, bye. Very, very good.") == "");  // punctuation between
    const auto issue = writing("Go to to lunch")[0];
    CHECK(joined(issue.suggestions) == "to");
    CHECK(replace_span("Go to to lunch", issue, issue.suggestions[0]) == "Go to lunch");
}

TEST_CASE("a and an follow the sound, not the letter") {
    CHECK(kinds("It was a interesting talk.") == "article:a");
    CHECK(kinds("It was an useful talk.") == "article:an");
    CHECK(kinds("I spent a hour there.") == "article:a");
    CHECK(kinds("An university degree.") == "article:An");
    CHECK(kinds("I have a MBA.") == "article:a");
    CHECK(kinds("An UX designer.") == "article:An");
    const char* fine[] = {
        "An hour, an honest answer, a university, a European firm, a one-off call.",
        "An MBA, an HR lead, an SQL test, a UX role, a URL, an FAQ, an NGO.",
        "A NASA team and an NASA team are both left alone.",
        "An uninformed guess, an umbrella, a user, a unique role, an idea.",
        "Plan A is fine. Option A includes training.",
        "A 20-minute call and an 8-week course are not checked.",
    };
    for (const char* text : fine) {
        INFO(std::string(text));
        CHECK(kinds(text) == "");
    }
    CHECK(kinds("J'ai a faire un appel.", false) == "");  // "a" is a French verb
    const auto issue = writing("Thanks for a insightful chat.")[0];
    CHECK(joined(issue.suggestions) == "an");
    CHECK(issue.reason.find("vowel sound") != std::string::npos);
}

TEST_CASE("a sentence starting in lower case") {
    CHECK(kinds("thanks again. it helped.") == "capital:thanks | capital:it");
    CHECK(kinds("Hi Zoë,\n\nthank you!") == "capital:thank");
    CHECK(kinds("Is it you? yes.") == "capital:yes");
    CHECK(kinds("Then i think i'm ready, and i’ll write.") == "capital:i | capital:i'm | capital:i’ll");
    CHECK(kinds("Merci, i think.", false) == "");
    const char* fine[] = {
        "We met, e.g. at the fair, and talked etc. about data.",
        "Mr. and Dr. titles, J. Smith, p. 4 and no. 5 are not ends.",
        "I waited... then wrote.",
        "Steps:\n- ask early\n- listen",
        "My iPhone. iPhone users know. eBay too.",
        "See https://example.org/a. And more.",
        "1. ask\n2. listen",
    };
    for (const char* text : fine) {
        INFO(std::string(text));
        CHECK(kinds(text) == "");
    }
    CHECK(joined(writing("Ok. école")[0].suggestions) == "École");
}

TEST_CASE("double spaces, but not indentation or line ends") {
    CHECK(kinds("Thank you  for the chat.") == "space:  ");
    CHECK(kinds("One.   Two.") == "space:   ");
    CHECK(kinds("  Indented line\nand a line end  \nOK") == "");
    const std::string text = "Thank you  for it.";
    const auto issue = writing(text)[0];
    CHECK(issue.offset == 9);
    CHECK(replace_span(text, issue, " ") == "Thank you for it.");
}

TEST_CASE("French typography: spaces before ? ! ; : and inside guillemets") {
    CHECK(kinds("Pourquoi? Voilà! Bien; enfin: oui.", false) ==
          "typography:? | typography:! | typography:; | typography::");
    CHECK(kinds("«Oui» dit-il.", false) == "typography:« | typography:»");
    const char* fine[] = {
        "Pourquoi ? Voilà ! Bien ; enfin : oui.",
        "Pourquoi\u00A0? Voilà\u202F! « Oui » et «\u00A0non\u00A0».",
        "À 10:30, voir https://exemple.fr/a?b=1 ou écrire :) ?!",
    };
    for (const char* text : fine) {
        INFO(std::string(text));
        CHECK(kinds(text, false) == "");
    }
    const std::string text = "Merci!";
    const auto issue = writing(text, false)[0];
    CHECK(replace_span(text, issue, issue.suggestions[0]) == "Merci\u00A0!");
}

TEST_CASE("English typography: no space before ? ! ; :") {
    CHECK(kinds("Thank you ! Shall we meet ?") == "typography: ! | typography: ?");
    CHECK(kinds("Thank you! Times: 10:30 or 11:00; fine :) ok?").empty());
    const auto issue = writing("Really ?")[0];
    CHECK(replace_span("Really ?", issue, issue.suggestions[0]) == "Really?");
}

TEST_CASE("replace_span refuses a text that changed since the check") {
    const auto issue = writing("a apple")[0];
    CHECK(replace_span("a apple", issue, "an") == "an apple");
    CHECK_FALSE(replace_span("b apple", issue, "an"));
    CHECK_FALSE(replace_span("", issue, "an"));
}

TEST_CASE("lines and offsets are those of the original text") {
    TextChecker checker(SpellLanguage::en_us);
    const std::string text = "Zoë’s note\nsecond line with a mistaak";
    const auto issues = checker.check(text);
    REQUIRE(issues.size() == 2);  // Zoë's (no contact named so here) and "mistaak"
    CHECK(issues[0].word == "Zoë’s");
    CHECK(issues[1].word == "mistaak");
    CHECK(issues[1].line == 2);
    CHECK(text.substr(issues[1].offset, issues[1].length) == "mistaak");
}

TEST_CASE("the reasons are in the text's language") {
    // Each kind a French text can raise, with its reason in French.
    const auto french = writing("Merci merci pour  le café! «Oui»", false);
    REQUIRE(french.size() == 5);
    CHECK(french[0].kind == IssueKind::repeat);
    CHECK(french[0].reason == "\u00AB\u00A0Merci\u00A0\u00BB est \u00E9crit deux fois de suite.");
    const auto reason_of = [&](IssueKind kind) {
        for (const auto& issue : french)
            if (issue.kind == kind) return issue.reason;
        return std::string();
    };
    CHECK(reason_of(IssueKind::space) == "Deux espaces de suite\u00A0: un seul suffit.");
    CHECK(reason_of(IssueKind::typography).starts_with("En fran\u00E7ais, une espace pr\u00E9c\u00E8de"));
    CHECK(french.back().reason.find("guillemets") != std::string::npos);
    for (const auto& issue : french) {
        INFO(issue.reason);
        CHECK(issue.reason.find("In French") == std::string::npos);
        CHECK(issue.reason.find(" is ") == std::string::npos);
    }
    const auto capital = writing("Oui. merci.", false);
    REQUIRE(capital.size() == 1);
    CHECK(capital[0].reason == "Une phrase commence par une majuscule.");

    // The same mistakes in English keep English reasons.
    const auto english = writing("thanks thanks for  the coffee.");
    REQUIRE(english.size() == 3);
    CHECK(english[0].reason == "\u201Cthanks\u201D is written twice in a row.");
    CHECK(english[1].reason == "A sentence starts with a capital letter.");
    CHECK(english[2].reason == "Two spaces in a row: one is enough.");
}
