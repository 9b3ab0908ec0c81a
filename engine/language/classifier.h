// Learned short-text classifiers (fastText), shared by every judgement that
// has to understand paraphrases: the avoid check, the pitch components, the
// asks in a pitch.
//
// The models are data: labelled examples in question-banks/training/*.tsv,
// trained at build time by tools/train_classifier.cpp (one thread, fixed
// seed: the same data always gives the same model) into <build>/models/, and
// installed to share/rapport/models/. A Classifier reads its file only on the
// first prediction, so starting a program costs nothing.
//
// Training file format, one example per line, UTF-8:
//   label[,label…]<TAB>text          # lines starting with '#' and blank lines are skipped
// Several labels make a multi-label example (for one-vs-all models).
#pragma once

#include "engine/base/text.h"
#include "engine/language/typo_mender.h"

#include <filesystem>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::language {

namespace fs = std::filesystem;

struct LabelScore {
    std::string label;
    float probability = 0;
};

// The text as the model sees it, when training and when predicting: the
// words of WordSplitter (lower case, no accents, contractions expanded,
// elisions split) joined by single spaces. "Qu'est-ce que VOUS gagnez ?" ->
// "que est ce que vous gagnez".
std::string classifier_input(std::string_view text, Language language);

struct Example {
    std::vector<std::string> labels;
    std::string text;
    int line = 0;
};

// Reads a training file. Every label must be one of known_labels. Throws
// rapport::Error("file:line: message") on a malformed line or an unreadable file.
std::vector<Example> read_examples(const fs::path& file, std::span<const std::string> known_labels);

// Openings for training (question-banks/training/openings.<lang>.txt): one
// polite sentence a line ("Thank you so much for your time…"); '#' comments
// and blank lines are skipped. Throws rapport::Error naming the file when it
// cannot be read or holds no sentence.
std::vector<std::string> read_openings(const fs::path& file);

// The examples, then a copy of every `every`-th one with an opening before its
// text (the openings in turn, so the same input gives the same output). The
// model averages every word, so an ask after a long thank-you reads weakly;
// the copies teach it that the opening is neutral and the ask decides, for
// good questions and bad alike.
std::vector<Example> with_openings(std::span<const Example> examples, std::span<const std::string> openings,
                                   int every);

// How a model is trained (see tools/CMakeLists.txt for each model's values).
struct TrainingOptions {
    Language language = Language::english;
    std::string loss = "softmax";  // "softmax" (one label) or "ova" (one-vs-all, multi-label)
    int epochs = 25;
    double learning_rate = 0.5;
    int dim = 24;
    int word_ngrams = 2;
    int min_char_ngram = 2;
    int max_char_ngram = 5;
    int buckets = 100000;
    int seed = 1;
    fs::path openings;      // with_openings() before training, when set
    int opening_every = 0;  // 0: no copies
};

// Trains a model from the examples and writes it to model_file (replaced
// only once the new file is complete). Throws rapport::Error.
void train_model(std::span<const Example> examples, const fs::path& model_file,
                 const TrainingOptions& options);

class Classifier {
public:
    // Nothing is read until the first prediction.
    Classifier(fs::path model_file, Language language);
    ~Classifier();
    Classifier(const Classifier&) = delete;
    Classifier& operator=(const Classifier&) = delete;

    // Every label of the model with its probability, highest first. Loads the
    // model on first use (thread-safe); throws rapport::Error naming the file
    // when it is missing or unreadable.
    std::vector<LabelScore> scores(std::string_view text) const;
    // The same for text already split into words (WordSplitter's words, maybe
    // mended): what scores(text) gives when text splits into these words.
    std::vector<LabelScore> scores_of_words(std::span<const std::string_view> words) const;
    // One label's probability (0 when the model does not know the label).
    float probability(std::string_view text, std::string_view label) const;
    // The words the model was trained on, as a TypoMender: mends a slip
    // ("slaire") into the word it learned ("salaire"). Loads the model.
    const TypoMender& typo_mender() const;
    // Loads the model now (to time it, or to report a missing file early).
    void load() const;

    const fs::path& file() const { return file_; }
    Language language() const { return language_; }

private:
    // Scores of classifier_input()'s form: words joined by single spaces.
    std::vector<LabelScore> scores_of_input(const std::string& input) const;

    struct Model;  // fastText stays out of this header
    fs::path file_;
    Language language_;
    mutable std::once_flag loaded_;
    mutable std::unique_ptr<Model> model_;
};

// The folder of built models: share/rapport/models beside an installed
// program, else <build>/models when it runs from the build tree.
fs::path shipped_models_dir();
// shipped_models_dir() / (name + ".ftz"), e.g. model_path("avoid.en").
fs::path model_path(std::string_view name);

}  // namespace rapport::language
