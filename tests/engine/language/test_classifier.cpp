// The shared learned layer: reading examples, training deterministically,
// predicting with the real fastText library on a small model made here.
#include "engine/base/error.h"
#include "engine/language/classifier.h"
#include "tests/support/test_support.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace rapport;
using namespace rapport::language;
using rapport::test::TempDir;
using rapport::test::read_file;
using rapport::test::write_file;

namespace {

const std::vector<std::string> kTopics = {"money", "travel"};

// Two topics with little vocabulary in common, a dozen lines each.
const char* kTopicExamples =
    "# topics, for the layer's own tests\n"
    "money\tHow much does the account charge each month?\n"
    "money\tThe bank raised its fees again.\n"
    "money\tI saved a little from every paycheck.\n"
    "money\tCan I pay the invoice by card?\n"
    "money\tInterest rates went up this year.\n"
    "money\tShe keeps a budget for groceries and rent.\n"
    "money\tThe loan is paid off at last.\n"
    "money\tHow much cash should I keep at home?\n"
    "money\tHe put his savings into a pension fund.\n"
    "money\tThe refund reached my account on Monday.\n"
    "\n"
    "travel\tThe train to Lyon leaves at noon.\n"
    "travel\tWe booked a cabin by the lake for the summer.\n"
    "travel\tWhich platform does the night bus use?\n"
    "travel\tMy flight was delayed by two hours.\n"
    "travel\tShe packed a small suitcase for the weekend trip.\n"
    "travel\tThe hotel is a short walk from the station.\n"
    "travel\tDo I need a visa to visit the islands?\n"
    "travel\tThe ferry crosses the bay twice a day.\n"
    "travel\tThey hiked along the coast for a week.\n"
    "travel\tOur luggage went to the wrong airport.\n";

TrainingOptions small_options() {
    TrainingOptions options;
    options.epochs = 60;
    options.learning_rate = 0.8;
    options.dim = 10;
    options.buckets = 20000;
    return options;
}

}  // namespace

TEST_CASE("classifier_input is the normalized words joined by spaces") {
    CHECK(classifier_input("  What's YOUR salary?! ", Language::english) == "what is your salary");
    CHECK(classifier_input("Qu’est-ce que l’entreprise fait ?", Language::french) ==
          "que est ce que l entreprise fait");
}

TEST_CASE("read_examples reads labels and text, and names the file and line of a bad example") {
    TempDir tmp;
    write_file(tmp / "ok.tsv", kTopicExamples);
    const auto examples = read_examples(tmp / "ok.tsv", kTopics);
    REQUIRE(examples.size() == 20);
    CHECK(examples[0].labels == std::vector<std::string>{"money"});
    CHECK(examples[0].line == 2);
    CHECK(examples[10].labels == std::vector<std::string>{"travel"});

    write_file(tmp / "multi.tsv", "money, travel\tA cheap ticket abroad\n");
    CHECK(read_examples(tmp / "multi.tsv", kTopics)[0].labels ==
          std::vector<std::string>{"money", "travel"});

    const auto error_of = [&](const std::string& text) {
        write_file(tmp / "bad.tsv", text);
        try {
            read_examples(tmp / "bad.tsv", kTopics);
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(error_of("money\tfine\nno tab here\n") == (tmp / "bad.tsv").string() + ":2: expected 'label<TAB>text'");
    CHECK(error_of("weather\tIt rains\n").find(":1: unknown label 'weather'") != std::string::npos);
    CHECK(error_of("money,\tIt rains\n").find(":1: empty label") != std::string::npos);
    CHECK(error_of("money\t   \n").find(":1: empty text") != std::string::npos);
    CHECK_THROWS_AS(read_examples(tmp / "missing.tsv", kTopics), Error);
}

TEST_CASE("a trained model predicts unseen sentences, and the same data gives the same model") {
    TempDir tmp;
    write_file(tmp / "topics.tsv", kTopicExamples);
    const auto examples = read_examples(tmp / "topics.tsv", kTopics);
    train_model(examples, tmp / "a.ftz", small_options());
    train_model(examples, tmp / "b.ftz", small_options());
    CHECK(read_file(tmp / "a.ftz") == read_file(tmp / "b.ftz"));
    CHECK_FALSE(fs::exists(tmp / "a.ftz.partial"));
    CHECK_FALSE(fs::exists(tmp / "a.ftz.train.txt"));

    const Classifier classifier(tmp / "a.ftz", Language::english);
    const auto scores = classifier.scores("Is the train station far from the hotel?");
    REQUIRE(scores.size() == 2);
    CHECK(scores[0].label == "travel");
    CHECK(scores[0].probability > scores[1].probability);
    CHECK(scores[0].probability + scores[1].probability == doctest::Approx(1.0).epsilon(0.01));
    CHECK(classifier.probability("The bank charges a fee on my savings account", "money") > 0.5f);
    CHECK(classifier.probability("anything", "weather") == 0.0f);
}

TEST_CASE("a one-vs-all model scores each label on its own") {
    TempDir tmp;
    write_file(tmp / "topics.tsv", std::string(kTopicExamples) +
                                       "money,travel\tThe plane ticket cost half my savings.\n"
                                       "money,travel\tHotels in the capital charge a lot per night.\n");
    TrainingOptions options = small_options();
    options.loss = "ova";
    train_model(read_examples(tmp / "topics.tsv", kTopics), tmp / "ova.ftz", options);
    const Classifier classifier(tmp / "ova.ftz", Language::english);
    CHECK(classifier.probability("The ferry leaves from the station", "travel") > 0.5f);
    CHECK(classifier.probability("The ferry leaves from the station", "money") < 0.5f);
}

TEST_CASE("a missing or damaged model is an error naming the file, raised on first use") {
    TempDir tmp;
    const Classifier missing(tmp / "none.ftz", Language::english);  // constructing reads nothing
    try {
        missing.scores("hello");
        FAIL("expected an error");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find((tmp / "none.ftz").string()) != std::string::npos);
    }
    write_file(tmp / "junk.ftz", "not a model");
    const Classifier junk(tmp / "junk.ftz", Language::english);
    CHECK_THROWS_AS(junk.scores("hello"), Error);
}

TEST_CASE("the built models live in the build tree when the programs run from it") {
    CHECK(model_path("avoid.en").filename() == "avoid.en.ftz");
    CHECK(shipped_models_dir().filename() == "models");
}

TEST_CASE("openings: copies of every n-th example with an opening before it, in turn, and a clear error for a bad file") {
    TempDir tmp;
    write_file(tmp / "openings.txt", "# polite openings\n\nThanks for your time.\r\nSorry to ramble.\n");
    const auto openings = read_openings(tmp / "openings.txt");
    REQUIRE(openings == std::vector<std::string>{"Thanks for your time.", "Sorry to ramble."});

    const std::vector<Example> examples = {{{"pay"}, "a", 1}, {{"fine"}, "b", 2}, {{"fine"}, "c", 3},
                                           {{"job-request"}, "d", 4}, {{"fine"}, "e", 5}};
    const auto out = with_openings(examples, openings, 2);
    REQUIRE(out.size() == 8);  // the five, then copies of a, c, e
    CHECK(out[4].text == "e");
    CHECK(out[5].text == "Thanks for your time. a");
    CHECK(out[6].text == "Sorry to ramble. c");
    CHECK(out[7].text == "Thanks for your time. e");
    CHECK(out[5].labels == std::vector<std::string>{"pay"});
    CHECK(out[5].line == 1);
    CHECK(with_openings(examples, openings, 0).size() == 5);

    write_file(tmp / "empty.txt", "# nothing but a comment\n");
    CHECK_THROWS_WITH_AS(read_openings(tmp / "empty.txt"), doctest::Contains("empty.txt: no opening sentence"), Error);
    CHECK_THROWS_WITH_AS(read_openings(tmp / "missing.txt"), doctest::Contains("missing.txt"), Error);

    // Training with openings gives the same model from the same files.
    write_file(tmp / "topics.tsv", kTopicExamples);
    auto options = small_options();
    options.openings = tmp / "openings.txt";
    options.opening_every = 2;
    const auto topics = read_examples(tmp / "topics.tsv", kTopics);
    train_model(topics, tmp / "a.ftz", options);
    train_model(topics, tmp / "b.ftz", options);
    CHECK(read_file(tmp / "a.ftz") == read_file(tmp / "b.ftz"));
    train_model(topics, tmp / "plain.ftz", small_options());
    CHECK(read_file(tmp / "a.ftz") != read_file(tmp / "plain.ftz"));
}
