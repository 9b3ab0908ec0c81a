#include "engine/language/classifier.h"

#include "engine/base/error.h"
#include "engine/base/paths.h"

#include <rapport/build_config.h>

#include <fasttext/fasttext.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <cmath>

namespace rapport::language {
namespace {

constexpr std::string_view kLabelPrefix = "__label__";

WordSplitter& splitter_for(Language language) {
    // WordSplitter keeps buffers and ICU state: one per thread and language.
    thread_local WordSplitter english(Language::english);
    thread_local WordSplitter french(Language::french);
    return language == Language::french ? french : english;
}

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r");
    return std::string(s.substr(first, last - first + 1));
}

std::vector<std::string> split_labels(std::string_view field) {
    std::vector<std::string> labels;
    size_t start = 0;
    while (start <= field.size()) {
        const size_t comma = std::min(field.find(',', start), field.size());
        labels.push_back(trim(field.substr(start, comma - start)));
        start = comma + 1;
    }
    return labels;
}

std::string where(const fs::path& file, int line) {
    return file.string() + ":" + std::to_string(line) + ": ";
}

// fastText reads its training data from a file: one line per example, the
// labels first with their prefix, then the normalized words.
void write_fasttext_input(std::span<const Example> examples, Language language,
                          const fs::path& file) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    for (const Example& example : examples) {
        for (const std::string& label : example.labels) out << kLabelPrefix << label << ' ';
        out << classifier_input(example.text, language) << '\n';
    }
    out.close();
    if (!out) throw Error("cannot write training file " + file.string());
}

fasttext::Args fasttext_args(const TrainingOptions& options, const fs::path& input,
                             const fs::path& output) {
    fasttext::Args args;
    args.input = input.string();
    args.output = output.string();
    args.model = fasttext::model_name::sup;
    if (options.loss == "softmax")
        args.loss = fasttext::loss_name::softmax;
    else if (options.loss == "ova")
        args.loss = fasttext::loss_name::ova;
    else
        throw Error("unknown loss '" + options.loss + "' (softmax or ova)");
    args.epoch = options.epochs;
    args.lr = options.learning_rate;
    args.dim = options.dim;
    args.wordNgrams = options.word_ngrams;
    args.minn = options.min_char_ngram;
    args.maxn = options.max_char_ngram;
    args.bucket = options.buckets;
    args.minCount = 1;
    args.seed = options.seed;
    args.thread = 1;  // one thread: the same data always gives the same model
    args.verbose = 0;
    return args;
}

// Words joined by single spaces: the form the models are trained and asked on.
std::string joined_words(std::span<const std::string_view> words) {
    std::string joined;
    for (std::string_view word : words) {
        if (!joined.empty()) joined += ' ';
        joined += word;
    }
    return joined;
}

}  // namespace

std::string classifier_input(std::string_view text, Language language) {
    return joined_words(splitter_for(language).split(text));
}

std::vector<Example> read_examples(const fs::path& file, std::span<const std::string> known_labels) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error("cannot read training file " + file.string());
    std::vector<Example> examples;
    std::string text;
    for (int line = 1; std::getline(in, text); ++line) {
        if (!text.empty() && text.back() == '\r') text.pop_back();
        const std::string trimmed = trim(text);
        if (trimmed.empty() || trimmed[0] == '#') continue;
        const auto tab = text.find('\t');
        if (tab == std::string::npos)
            throw Error(where(file, line) + "expected 'label<TAB>text'");
        Example example{split_labels(std::string_view(text).substr(0, tab)),
                        trim(std::string_view(text).substr(tab + 1)), line};
        for (const std::string& label : example.labels) {
            if (label.empty()) throw Error(where(file, line) + "empty label");
            if (std::find(known_labels.begin(), known_labels.end(), label) == known_labels.end())
                throw Error(where(file, line) + "unknown label '" + label + "'");
        }
        if (example.text.empty()) throw Error(where(file, line) + "empty text");
        examples.push_back(std::move(example));
    }
    if (in.bad()) throw Error("cannot read training file " + file.string());
    return examples;
}

std::vector<std::string> read_openings(const fs::path& file) {
    std::ifstream in(file);
    if (!in) throw Error("cannot read openings file " + file.string());
    std::vector<std::string> openings;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        openings.push_back(std::move(line));
    }
    if (openings.empty()) throw Error(file.string() + ": no opening sentence");
    return openings;
}

std::vector<Example> with_openings(std::span<const Example> examples, std::span<const std::string> openings,
                                   int every) {
    std::vector<Example> out(examples.begin(), examples.end());
    if (every <= 0 || openings.empty()) return out;
    const auto step = static_cast<std::size_t>(every);
    for (std::size_t i = 0; i < examples.size(); i += step) {
        Example copy = examples[i];
        copy.text = openings[(i / step) % openings.size()] + " " + copy.text;
        out.push_back(std::move(copy));
    }
    return out;
}

void train_model(std::span<const Example> examples, const fs::path& model_file,
                 const TrainingOptions& options) {
    if (examples.empty()) throw Error("no training examples for " + model_file.string());
    const fs::path input = model_file.string() + ".train.txt";
    const fs::path partial = model_file.string() + ".partial";
    if (!options.openings.empty() && options.opening_every > 0)
        write_fasttext_input(with_openings(examples, read_openings(options.openings), options.opening_every),
                             options.language, input);
    else
        write_fasttext_input(examples, options.language, input);
    try {
        fasttext::FastText model;
        model.train(fasttext_args(options, input, partial));
        model.saveModel(partial.string());
    } catch (const std::exception& e) {
        fs::remove(input);
        fs::remove(partial);
        throw Error("training " + model_file.string() + " failed: " + e.what());
    }
    fs::remove(input);
    fs::rename(partial, model_file);
}

struct Classifier::Model {
    fasttext::FastText fasttext;
    std::vector<std::string> labels;  // by fastText's label id, prefix removed
    TypoMender mender;                // the model's words and how often each was seen
};

namespace {

// The model's own words (not its labels, not the end-of-line token) with the
// number of times each was seen in training.
TypoMender mender_of(const fasttext::Dictionary& dictionary) {
    const std::vector<int64_t> counts = dictionary.getCounts(fasttext::entry_type::word);
    std::vector<std::pair<std::string, std::int64_t>> words;
    words.reserve(counts.size());
    for (int32_t id = 0; id < dictionary.nwords(); ++id) {
        std::string word = dictionary.getWord(id);
        if (word != fasttext::Dictionary::EOS) words.emplace_back(std::move(word), counts[static_cast<std::size_t>(id)]);
    }
    return TypoMender(std::move(words));
}

}  // namespace

Classifier::Classifier(fs::path model_file, Language language)
    : file_(std::move(model_file)), language_(language) {}

Classifier::~Classifier() = default;

void Classifier::load() const {
    std::call_once(loaded_, [this] {
        auto model = std::make_unique<Model>();
        std::error_code ec;
        if (!fs::is_regular_file(file_, ec))
            throw Error("model " + file_.string() + " is missing (it is built with the programs)");
        try {
            model->fasttext.loadModel(file_.string());
        } catch (const std::exception& e) {
            throw Error("cannot read model " + file_.string() + ": " + e.what());
        }
        const auto dictionary = model->fasttext.getDictionary();
        for (int32_t id = 0; id < dictionary->nlabels(); ++id) {
            std::string label = dictionary->getLabel(id);
            if (label.rfind(kLabelPrefix, 0) == 0) label.erase(0, kLabelPrefix.size());
            model->labels.push_back(std::move(label));
        }
        model->mender = mender_of(*dictionary);
        model_ = std::move(model);
    });
}

std::vector<LabelScore> Classifier::scores(std::string_view text) const {
    return scores_of_input(classifier_input(text, language_));
}

std::vector<LabelScore> Classifier::scores_of_words(std::span<const std::string_view> words) const {
    return scores_of_input(joined_words(words));
}

const TypoMender& Classifier::typo_mender() const {
    load();
    return model_->mender;
}

std::vector<LabelScore> Classifier::scores_of_input(const std::string& input) const {
    load();
    // fastText ends every training line with its end-of-sentence token; the
    // newline gives predictions the same token.
    std::istringstream in(input + "\n");
    std::vector<int32_t> words, labels;
    model_->fasttext.getDictionary()->getLine(in, words, labels);
    fasttext::Predictions predictions;
    model_->fasttext.predict(-1, words, predictions, 0.0);
    std::vector<LabelScore> result;
    result.reserve(model_->labels.size());
    for (const auto& [log_probability, id] : predictions)
        result.push_back({model_->labels.at(id), std::exp(log_probability)});
    // Labels the prediction left out (none, with k = -1) still get a score.
    for (const std::string& label : model_->labels) {
        const bool present = std::any_of(result.begin(), result.end(),
                                         [&](const LabelScore& s) { return s.label == label; });
        if (!present) result.push_back({label, 0.0f});
    }
    std::stable_sort(result.begin(), result.end(),
                     [](const LabelScore& a, const LabelScore& b) { return a.probability > b.probability; });
    return result;
}

float Classifier::probability(std::string_view text, std::string_view label) const {
    for (const LabelScore& score : scores(text))
        if (score.label == label) return score.probability;
    return 0.0f;
}

fs::path shipped_models_dir() {
    const fs::path installed = shipped_data_dir() / "models";
    std::error_code ec;
    if (shipped_data_dir() != fs::path(RAPPORT_SOURCE_DIR) && fs::is_directory(installed, ec))
        return installed;
    return fs::path(RAPPORT_BUILD_DIR) / "models";
}

fs::path model_path(std::string_view name) {
    return shipped_models_dir() / (std::string(name) + ".ftz");
}

}  // namespace rapport::language
