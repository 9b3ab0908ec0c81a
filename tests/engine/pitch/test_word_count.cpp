#include "engine/base/error.h"
#include "engine/base/text.h"
#include "engine/pitch/word_count.h"

#include <doctest/doctest.h>

using namespace rapport;

TEST_CASE("English words: contractions and hyphenated words count once") {
    WordSegmenter en("en");
    CHECK(en.count_words("I'm a well-known, self-taught analyst.") == 5);
    CHECK(en.count_words("Don't stop; it isn't over.") == 5);
    // Curly apostrophe and the non-breaking hyphen behave the same.
    CHECK(en.count_words("Don’t stop; it isn’t over.") == 5);
    CHECK(en.count_words("a self\u2011taught, hands\u2010on person") == 4);
    CHECK(en.count_words("e-mail me") == 2);
}

TEST_CASE("a hyphen between spaced words, or a double hyphen, does not join them") {
    WordSegmenter en("en");
    CHECK(en.count_words("nurse - then designer") == 3);
    CHECK(en.count_words("nurse--then designer") == 3);
    CHECK(en.count_words("-leading and trailing-") == 3);
}

TEST_CASE("French words: elisions and hyphenated words count once") {
    WordSegmenter fr("fr");
    // l'informatique, c'est-à-dire, aujourd'hui, j'ai: one word each (see word_count.h).
    CHECK(fr.count_words("L'informatique, c'est-à-dire aujourd’hui, j'ai envie.") == 5);
    CHECK(fr.count_words("Qu'est-ce que je fais ?") == 4);
}

TEST_CASE("accented words count like any other") {
    WordSegmenter fr("fr");
    CHECK(fr.count_words("Zoë Ångström étudie à Montréal") == 5);
    WordSegmenter en("en");
    CHECK(en.count_words("Zoë Ångström étudie à Montréal") == 5);
}

TEST_CASE("punctuation and emoji never count; numbers do") {
    WordSegmenter en("en");
    CHECK(en.count_words("... !!! — ? « » () ;") == 0);
    CHECK(en.count_words("🚀 👍🏽 🎉 👩‍💻") == 0);
    CHECK(en.count_words("Ship it 🚀 now!") == 3);
    CHECK(en.count_words("10 years, 3.5 stars") == 4);
    CHECK(en.count_words("") == 0);
    CHECK(en.count_words("   \n\t  ") == 0);
}

TEST_CASE("sentences are split, and their words counted") {
    WordSegmenter en("en");
    SegmentedScript s = en.segment("I'm a nurse. I like data! Do you? ");
    REQUIRE(s.sentences.size() == 3);
    CHECK(s.sentences[0].words == 3);
    CHECK(s.sentences[1].words == 3);
    CHECK(s.sentences[2].words == 2);
    CHECK(s.words == 8);
}

TEST_CASE("tokens are folded and keep their byte range in the original text") {
    WordSegmenter fr("fr");
    const std::string text = "Zoë, à Montréal — l’été";
    SegmentedScript s = fr.segment(text);
    REQUIRE(s.sentences.size() == 1);
    const auto& t = s.sentences[0].tokens;
    REQUIRE(t.size() == 6);
    CHECK(t[0].folded == "zoe");
    CHECK(text.substr(t[0].begin, t[0].end - t[0].begin) == "Zoë");
    CHECK(t[1].kind == ScriptToken::Kind::pause);
    CHECK(t[2].folded == "a");
    CHECK(text.substr(t[3].begin, t[3].end - t[3].begin) == "Montréal");
    CHECK(t[4].kind == ScriptToken::Kind::pause);  // the em dash
    CHECK(t[5].folded == "l'ete");
    CHECK(text.substr(t[5].begin, t[5].end - t[5].begin) == "l’été");
}

TEST_CASE("hyphenated parts stay separate tokens, marked as joined") {
    WordSegmenter en("en");
    const auto tokens = en.segment("long-term goal").sentences.at(0).tokens;
    REQUIRE(tokens.size() == 3);
    CHECK(tokens[0].folded == "long");
    CHECK(tokens[1].folded == "term");
    CHECK(tokens[1].hyphen_joined);
    CHECK_FALSE(tokens[2].hyphen_joined);
}

TEST_CASE("folding ignores case, accents, ligatures and curly quotes") {
    CHECK(normalize_for_matching("Straße") == "strasse");
    CHECK(normalize_for_matching("ŒUVRE") == "oeuvre");
    CHECK(normalize_for_matching("Élan CAFÉ") == "elan cafe");
    CHECK(normalize_for_matching("I’M") == "i'm");
    CHECK(normalize_for_matching("«oui» “yes”") == "\"oui\" \"yes\"");
    CHECK(normalize_for_matching("ﬁne") == "fine");  // the fi ligature
    CHECK(normalize_for_matching("e\u0301te\u0301") == normalize_for_matching("été"));  // decomposed input
}

TEST_CASE("invalid UTF-8 is refused with the name and the byte") {
    CHECK_NOTHROW(require_utf8("Zoë 🚀", "x"));
    CHECK_THROWS_WITH_AS(require_utf8("ab\xff" "c", "pitch.txt"),
                         "pitch.txt: not valid UTF-8 text (byte 3)", Error);
}
