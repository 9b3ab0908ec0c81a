// rapport-pitch-cv: grouped cross-validation of the pitch component model
// (engine/pitch/reading.h), used to choose its training sentences and
// settings without looking at any held-out pitch.
//
// Sentences written from the same mould ("I'm studying ...", "Je suis en
// ...") would make a plain random split look better than it is: a fold would
// test on near-copies of its training sentences. So sentences are grouped by
// their first three words (as the model sees them) and each group goes to
// one fold whole. Every fold trains a model on the other folds with the
// shipped settings, then reads each of its sentences through the whole
// analysis (cues + model + thresholds) and counts, per component, the
// sentences called present against the labels.
//
//   rapport-pitch-cv --lang en --banks question-banks question-banks/training/pitch.en.tsv
#include "engine/base/error.h"
#include "engine/base/text.h"
#include "engine/language/classifier.h"
#include "engine/pitch/analysis.h"
#include "engine/pitch/cues.h"
#include "engine/pitch/reading.h"
#include "tools/training_options.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>

namespace {

using namespace rapport;
namespace fs = std::filesystem;

struct Counts {
    int tp = 0, fp = 0, fn = 0;
    double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1; }
    double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1; }
};

std::string group_of(const language::Example& e, Language language) {
    std::istringstream words(language::classifier_input(e.text, language));
    std::string group, word;
    for (int i = 0; i < 3 && words >> word; ++i) group += word + ' ';
    return group;
}

void print(const std::string& name, const Counts& c) {
    std::printf("  %-16s recall %.3f (%d/%d)  precision %.3f (%d/%d)\n", name.c_str(), c.recall(),
                c.tp, c.tp + c.fn, c.precision(), c.tp, c.tp + c.fp);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Grouped cross-validation of the pitch component model"};
    std::string lang = "en", banks = "question-banks";
    std::vector<std::string> data;
    int folds = 5;
    language::TrainingOptions options;
    options.loss = "ova";
    options.epochs = 50;
    options.dim = 24;
    app.add_option("--lang", lang);
    app.add_option("--banks", banks, "folder of pitch-cues.<lang>.json");
    app.add_option("--folds", folds);
    // Defaults: the shipped pitch.<lang> settings (tools/CMakeLists.txt).
    tools::add_training_options(app, options);
    app.add_option("data", data)->required();
    CLI11_PARSE(app, argc, argv);
    try {
        const auto language = language_from_code(lang);
        if (!language) throw Error("--lang: unknown language '" + lang + "'");
        options.language = *language;
        std::vector<std::string> labels{"none"};
        for (PitchComponent c : kPitchComponents) labels.emplace_back(component_name(c));
        std::vector<language::Example> examples;
        for (const std::string& file : data) {
            auto more = language::read_examples(file, labels);
            examples.insert(examples.end(), more.begin(), more.end());
        }
        const PitchCues cues = load_pitch_cues(pitch_cues_file(banks, lang));
        const fs::path dir = fs::temp_directory_path() / ("rapport-pitch-cv-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        std::map<std::string, Counts> per_label;
        Counts pooled;
        std::vector<std::string> misses;
        for (int fold = 0; fold < folds; ++fold) {
            std::vector<language::Example> train, test;
            for (const language::Example& e : examples)
                (std::hash<std::string>{}(group_of(e, *language)) % folds == std::size_t(fold) ? test : train)
                    .push_back(e);
            const fs::path model = dir / ("fold" + std::to_string(fold) + ".ftz");
            language::train_model(train, model, options);
            PitchAnalyzer analyzer(cues, {std::make_shared<language::Classifier>(model, *language), nullptr,
                                          clause_reading_helps(*language)});
            for (const language::Example& e : test) {
                const PitchAnalysis a = analyzer.analyze(e.text, {});
                for (PitchComponent c : kPitchComponents) {
                    const std::string name(component_name(c));
                    const bool marked = std::find(e.labels.begin(), e.labels.end(), name) != e.labels.end();
                    const bool found = a.coverage(c).status == ComponentStatus::present;
                    for (Counts* k : {&per_label[name], &pooled}) {
                        k->tp += marked && found;
                        k->fp += !marked && found;
                        k->fn += marked && !found;
                    }
                    if (marked != found)
                        misses.push_back((marked ? "missed " : "extra  ") + name + "\t" + e.text);
                }
            }
        }
        fs::remove_all(dir);
        std::printf("Grouped %d-fold cross-validation, %s (%zu sentences):\n", folds, lang.c_str(),
                    examples.size());
        for (PitchComponent c : kPitchComponents) print(std::string(component_name(c)), per_label[std::string(component_name(c))]);
        print("all", pooled);
        for (const std::string& m : misses) std::fprintf(stderr, "%s\n", m.c_str());
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "rapport-pitch-cv: " << e.what() << '\n';
        return 2;
    }
}
