#include "engine/base/text.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace rapport;

namespace {

// The words as one space-separated string, easy to compare and to read.
std::string joined(std::span<const std::string_view> words) {
    std::string out;
    for (auto w : words) {
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

std::string words_of(std::string_view text, Language language = Language::english) {
    WordSplitter splitter(language);
    return joined(splitter.split(text));
}

}  // namespace

TEST_CASE("normalize_for_matching folds case, accents, quotes, dashes and spaces") {
    CHECK(normalize_for_matching("  What's   YOUR\tsalary? ") == "what's your salary?");
    CHECK(normalize_for_matching("What\u2019s your salary\u00a0?") == "what's your salary ?");
    CHECK(normalize_for_matching("R\u00e9sum\u00e9") == "resume");
    CHECK(normalize_for_matching("Re\u0301sume\u0301") == "resume");  // decomposed accents
    CHECK(normalize_for_matching("\u00c9COLE \u00e0 \u00c7a") == "ecole a ca");
    CHECK(normalize_for_matching("\u201cquoted\u201d \u00abguillemets\u00bb") ==
          "\"quoted\" \"guillemets\"");
    CHECK(normalize_for_matching("long\u2014dash en\u2013dash") == "long-dash en-dash");
    CHECK(normalize_for_matching("\uff37\uff48\uff41\uff54") == "what");  // fullwidth (NFKC)
    CHECK(normalize_for_matching("\ufb01nance") == "finance");             // fi ligature (NFKC)
    CHECK(normalize_for_matching("Stra\u00dfe \u0153uvre") == "strasse oeuvre");  // fold, œ
    CHECK(normalize_for_matching("Qu\u2019est-ce   que VOUS faites\u202f?") ==
          "qu'est-ce que vous faites ?");
    CHECK(normalize_for_matching("") == "");
    CHECK(normalize_for_matching(" \t\n ") == "");
}

TEST_CASE("words: punctuation dropped, case, accents, curly quotes and spaces do not matter") {
    CHECK(words_of("What does your company sell?") == "what does your company sell");
    CHECK(words_of("WHAT   DOES your\u00a0company SELL ???") == "what does your company sell");
    CHECK(words_of("Would you look at my r\u00e9sum\u00e9?") == "would you look at my resume");
    CHECK(words_of("\u201cAny\u201d openings\u2026 on your team!") == "any openings on your team");
    CHECK(words_of("e.g. 3.5 years, 1,000 people; well-known") ==
          "e.g 3.5 years 1,000 people well known");
    CHECK(words_of("") == "");
    CHECK(words_of("?!  ...") == "");
}

TEST_CASE("English contractions are expanded, with straight or curly apostrophes") {
    CHECK(words_of("What's your salary?") == "what is your salary");
    CHECK(words_of("What\u2019s your salary?") == "what is your salary");
    CHECK(words_of("I don't know") == "i do not know");
    CHECK(words_of("Can't, won't, shan't, isn't") == "can not will not shall not is not");
    CHECK(words_of("I'm sure you're right, we've seen it, they'll come, I'd go") ==
          "i am sure you are right we have seen it they will come i would go");
    CHECK(words_of("Your company's products") == "your company 's products");
    CHECK(words_of("Let's talk") == "let us talk");
    CHECK(words_of("It shouldn't've happened") == "it should not have happened");
    CHECK(words_of("whats ur salary, dont u know") == "what is your salary do not you know");
    CHECK(words_of("I cannot") == "i can not");
    CHECK(words_of("five o'clock") == "five o'clock");
}

TEST_CASE("French elisions are split and the euphonic t dropped") {
    const Language fr = Language::french;
    CHECK(words_of("Que fait l'entreprise ?", fr) == "que fait l entreprise");
    CHECK(words_of("Qu\u2019est-ce que vous vendez ?", fr) == "que est ce que vous vendez");
    CHECK(words_of("Y a-t-il des postes ouverts ?", fr) == "y a il des postes ouverts");
    CHECK(words_of("S'il y a un poste, j'aimerais qu'on m'appelle", fr) ==
          "si il y a un poste je aimerais que on me appelle");
    CHECK(words_of("Il s'agit d'un m\u00e9tier jusqu'\u00e0 aujourd'hui", fr) ==
          "il se agit de un metier jusque a aujourd'hui");
    CHECK(words_of("QUEL EST VOTRE SALAIRE\u202f?", fr) == "quel est votre salaire");
}

TEST_CASE("chat spellings read as the words they stand for, so rules and models see one form") {
    CHECK(words_of("idk tbh, pls tell me abt ur mgr b4 friday") ==
          "i do not know to be honest please tell me about your manager before friday");
    CHECK(words_of("wat do ppl like u make, kinda curious") == "what do people like you make kind of curious");
    const Language fr = Language::french;
    CHECK(words_of("c koi ton salaire stp", fr) == "ce est quoi ton salaire si il te plait");
    CHECK(words_of("cest combien, jai besoin de savoir", fr) == "ce est combien je ai besoin de savoir");
    CHECK(words_of("ya tu des jobs chez vous, chui dispo", fr) == "il y a tu des jobs chez vous je suis dispo");
    CHECK(words_of("cb tu gagnes pk tu demandes", fr) == "combien tu gagnes pourquoi tu demandes");
    // Only whole words: a word that merely starts like one is left alone.
    CHECK(words_of("kelvin chuisse yak", fr) == "kelvin chuisse yak");
    // The other language's chat words are ordinary words there.
    CHECK(words_of("c'est koi", Language::english) == "c'est koi");
}

TEST_CASE("the ASCII fast path and the ICU BreakIterator path give the same words") {
    const std::vector<std::string> samples = {
        "What's the best way to apply for roles in this field?",
        "How has your job changed since you started?",
        "Don't you think e.g. 3.5 years, 1,000 people is a lot?",
        "Would you look at my resume -- and tell me what's missing?!",
        "  Mixed   CASE and\ttabs\nand new lines ",
        "Any openings on your team? (asking for a friend)",
        "snake_case words and dotted.names and 12:30",
        "I'd, you'll, we're, they've, I'm, let's, y'all",
    };
    for (Language language : supported_languages()) {
        WordSplitter fast(language);
        WordSplitter icu(language);
        for (const auto& text : samples) {
            CAPTURE(text);
            CHECK(joined(fast.split(text)) == joined(icu.split_with_icu(text)));
        }
    }
}

TEST_CASE("non-Latin text is split into words by ICU") {
    CHECK(words_of("\u041a\u0430\u043a \u0434\u0435\u043b\u0430?") ==
          "\u043a\u0430\u043a \u0434\u0435\u043b\u0430");  // Cyrillic, lower-cased
    CHECK(words_of("What's your salary? \U0001F600") == "what is your salary");
}

TEST_CASE("a splitter can be reused: earlier results do not leak into later ones") {
    WordSplitter splitter(Language::english);
    CHECK(joined(splitter.split("first question here")) == "first question here");
    CHECK(joined(splitter.split("R\u00e9sum\u00e9 two")) == "resume two");
    CHECK(joined(splitter.split("three")) == "three");
}

TEST_CASE("language codes") {
    CHECK(language_from_code("en") == Language::english);
    CHECK(language_from_code("fr") == Language::french);
    CHECK_FALSE(language_from_code("de").has_value());
    CHECK(language_code(Language::french) == "fr");
}
