// TypoMender: slips read as the known word one edit away, real words left alone.
#include "engine/language/typo_mender.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using rapport::language::one_edit_apart;
using rapport::language::TypoMender;

namespace {

TypoMender french_words() {
    return TypoMender({{"salaire", 40}, {"stage", 30}, {"combien", 50}, {"votre", 90}, {"vote", 3},
                       {"moment", 12}, {"locaux", 5}, {"recrutez", 8}, {"slaire", 1}, {"cv", 60},
                       {"poste", 20}, {"postes", 25}});
}

}  // namespace

TEST_CASE("one_edit_apart: one letter missing, extra, wrong, or two neighbours swapped") {
    CHECK(one_edit_apart("slaire", "salaire"));    // missing
    CHECK(one_edit_apart("locaaux", "locaux"));    // extra
    CHECK(one_edit_apart("salaure", "salaire"));   // wrong
    CHECK(one_edit_apart("satge", "stage"));       // swapped
    CHECK(one_edit_apart("cobmien", "combien"));   // swapped
    CHECK_FALSE(one_edit_apart("stage", "stage"));  // equal is not a slip
    CHECK_FALSE(one_edit_apart("sgate", "stage"));  // two letters wrong
    CHECK_FALSE(one_edit_apart("salaire", "salariee"));
    CHECK_FALSE(one_edit_apart("ab", "abcd"));
}

TEST_CASE("a slip is read as the known word one edit away, the one seen most often") {
    const TypoMender mender = french_words();
    CHECK(mender.mend("slaire") == "salaire");
    CHECK(mender.mend("satge") == "stage");
    CHECK(mender.mend("cobmien") == "combien");
    CHECK(mender.mend("comien") == "combien");
    CHECK(mender.mend("mmoent") == "moment");
    CHECK(mender.mend("locaaux") == "locaux");
    CHECK(mender.mend("rercutez") == "recrutez");
    CHECK(mender.mend("vtre") == "votre");       // votre (90) and vote (3) are both one edit away
    CHECK(mender.mend("postse") == "postes");
}

TEST_CASE("known words, short words, words with digits and far words are left alone") {
    const TypoMender mender = french_words();
    CHECK(mender.mend("salaire").empty());
    CHECK(mender.knows("salaire"));
    CHECK(mender.mend("poste").empty());   // a word of its own, not a slip of "postes"
    CHECK(mender.mend("cvs").empty());     // under four letters: one edit reaches too much
    CHECK(mender.mend("stage3").empty());  // digits: a code or a figure, not a slip
    CHECK(mender.mend("urbanisme").empty());
    CHECK(mender.mend("").empty());
    // Seen once or twice: a slip in the training data itself, neither known nor a target.
    CHECK_FALSE(mender.knows("slaire"));
    CHECK(mender.mend("slaire") == "salaire");
    CHECK(mender.mend("vot").empty());
}
