// Placeholder grammar: articles, French elision and contraction, agreement
// of joined values, first names, and the checks on placeholder syntax.
#include "engine/base/placeholders.h"

#include <doctest/doctest.h>

using namespace rapport;

namespace {

Grammar english() {
    Grammar g;
    g.lang = "en";
    g.an_before = {"hour", "honest", "heir"};
    g.a_before = {"uni", "use", "euro", "one"};
    g.plural_verbs = {{"is", "are"}, {"has", "have"}};
    return g;
}

Grammar french() {
    Grammar g;
    g.lang = "fr";
    g.aspirated_h = {"haut", "hasard"};
    g.plural_verbs = {{"est", "sont"}, {"évolue", "évoluent"}};
    return g;
}

std::string fill(std::string_view text, const std::map<std::string, PlaceholderValue>& values,
                 const Grammar& g) {
    auto out = fill_placeholders(text, values, g);
    REQUIRE(out);
    return *out;
}

}  // namespace

TEST_CASE("English articles follow the first sound, not the first letter") {
    const Grammar g = english();
    CHECK(indefinite_article("engineer", g) == "an");
    CHECK(indefinite_article("nurse", g) == "a");
    CHECK(indefinite_article("UX designer", g) == "a");     // "you-ex"
    CHECK(indefinite_article("HR manager", g) == "an");     // "aitch-ar"
    CHECK(indefinite_article("MBA student", g) == "an");
    CHECK(indefinite_article("university lecturer", g) == "a");
    CHECK(indefinite_article("hourly worker", g) == "an");
    CHECK(indefinite_article("honest broker", g) == "an");
    CHECK(indefinite_article("European buyer", g) == "a");
    CHECK(indefinite_article("analyst", g) == "an");
    CHECK(indefinite_article("Engineer", g) == "an");
    CHECK(with_form("a", "architect", g) == "an architect");
    CHECK(with_form("a", "data scientist", g) == "a data scientist");
}

TEST_CASE("French de, à and le elide before a vowel or mute h and contract with le/les") {
    const Grammar g = french();
    CHECK(with_form("de", "infirmière", g) == "d'infirmière");
    CHECK(with_form("de", "architecte", g) == "d'architecte");
    CHECK(with_form("de", "analyste", g) == "d'analyste");
    CHECK(with_form("de", "éducatrice", g) == "d'éducatrice");
    CHECK(with_form("de", "hôtesse", g) == "d'hôtesse");            // mute h
    CHECK(with_form("de", "haut fonctionnaire", g) == "de haut fonctionnaire");  // aspirated h
    CHECK(with_form("de", "cheffe de projet", g) == "de cheffe de projet");
    CHECK(with_form("de", "le droit", g) == "du droit");
    CHECK(with_form("de", "les médias", g) == "des médias");
    CHECK(with_form("de", "la santé", g) == "de la santé");
    CHECK(with_form("de", "l'énergie", g) == "de l'énergie");
    CHECK(with_form("à", "le commerce", g) == "au commerce");
    CHECK(with_form("à", "les médias", g) == "aux médias");
    CHECK(with_form("à", "la finance", g) == "à la finance");
    CHECK(with_form("le", "architecte", g) == "l'architecte");
    CHECK(with_form("le", "droit", g) == "le droit");
    CHECK(elides("Yves", g) == false);
    CHECK(elides("Émilie", g));
}

TEST_CASE("placeholders take forms and verbs; joined values agree in the plural") {
    const Grammar en = english();
    PlaceholderValue two;
    two.parts = {"technology", "healthcare"};
    PlaceholderValue one("technology");
    CHECK(fill("What is the biggest challenge {industry:is} facing?", {{"industry", two}}, en) ==
          "What is the biggest challenge technology and healthcare are facing?");
    CHECK(fill("What is the biggest challenge {industry:is} facing?", {{"industry", one}}, en) ==
          "What is the biggest challenge technology is facing?");
    CHECK(fill("Your work as {a role}?", {{"role", PlaceholderValue("engineer")}}, en) ==
          "Your work as an engineer?");
    CHECK(fill("Being {a role}?", {{"role", PlaceholderValue("UX designer")}}, en) == "Being a UX designer?");

    const Grammar fr = french();
    PlaceholderValue sectors;
    sectors.parts = {"la santé", "l'énergie", "le droit"};
    sectors.and_word = "et";
    CHECK(fill("Les recruteurs {de industry}", {{"industry", sectors}}, fr) ==
          "Les recruteurs de la santé, de l'énergie et du droit");
    CHECK(fill("Où {industry:évolue} ?", {{"industry", sectors}}, fr) ==
          "Où la santé, l'énergie et le droit évoluent ?");
    CHECK(fill("votre rôle {de role} ?", {{"role", PlaceholderValue("infirmière")}}, fr) ==
          "votre rôle d'infirmière ?");
    CHECK_FALSE(fill_placeholders("{a role}", {{"role", PlaceholderValue()}}, en));
    // The plain overload knows the forms too (with the built-in rules).
    CHECK(fill_placeholders("as {a role}", {{"role", "engineer"}}) == "as an engineer");
}

TEST_CASE("lists are joined with commas and the language's 'and'") {
    CHECK(join_with_and({"a"}, "and") == "a");
    CHECK(join_with_and({"a", "b"}, "and") == "a and b");
    CHECK(join_with_and({"a", "b", "c"}, "et") == "a, b et c");
    CHECK(join_with_and({"research and academia", "law"}, "and") == "research and academia, and law");
    CHECK(join_with_and({"law", "research and academia"}, "and") == "law, and research and academia");
}

TEST_CASE("spoken lines use the first name") {
    CHECK(first_name("Zoë O'Neil") == "Zoë");
    CHECK(first_name("Jean-Pierre Dupont") == "Jean-Pierre");
    CHECK(first_name("  Ada  ") == "Ada");
    CHECK(first_name("Dr. Ada Lovelace") == "Dr. Lovelace");
    CHECK(first_name("Mme Lefèvre") == "Mme Lefèvre");
    CHECK(first_name("") == "");
}

TEST_CASE("placeholder checks name the unknown name, form or verb") {
    CHECK(placeholder_problems("{industry} {a role} {de role} {industry:is}").empty());
    CHECK(placeholder_problems("{city}").front().find("{city}") != std::string::npos);
    CHECK(placeholder_problems("{the role}").size() == 1);
    CHECK(placeholder_problems("{industry:}").size() == 1);
    CHECK(placeholder_problems("{role").front() == "unmatched '{'");
    const Grammar en = english();
    const Grammar fr = french();
    CHECK(placeholder_problems("{de role}", &en).front().find("form 'de'") != std::string::npos);
    CHECK(placeholder_problems("{a role}", &fr).front().find("form 'a'") != std::string::npos);
    CHECK(placeholder_problems("{industry:grows}", &en).front().find("verb 'grows'") != std::string::npos);
    CHECK(placeholder_problems("{industry:is}", &en).empty());
    CHECK(placeholders_in("{a role} and {industry:is}") == std::vector<std::string>{"role", "industry"});
}
