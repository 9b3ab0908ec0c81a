// rapport-train-classifier: builds one learned model from labelled example
// files, at build time (tools/CMakeLists.txt declares every model). The same
// files always give the same model: fastText runs on one thread with a fixed
// seed. A malformed example stops the build with its file:line.
#include "engine/base/error.h"
#include "engine/language/classifier.h"
#include "tools/training_options.h"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
    using namespace rapport;
    CLI::App app{"Train one of Rapport's text classifiers from labelled TSV files"};
    std::string out, lang = "en";
    std::vector<std::string> data, labels;
    language::TrainingOptions options;
    app.add_option("--out", out, "model file to write (.ftz)")->required();
    app.add_option("--lang", lang, "en or fr");
    app.add_option("--labels", labels, "the labels the data may use, comma-separated")
        ->required()
        ->delimiter(',');
    tools::add_training_options(app, options);
    app.add_option("data", data, "training files (label<TAB>text per line)")->required();
    CLI11_PARSE(app, argc, argv);
    try {
        const auto language = language_from_code(lang);
        if (!language) throw Error("--lang: unknown language '" + lang + "'");
        options.language = *language;
        std::vector<language::Example> examples;
        for (const std::string& file : data) {
            auto more = language::read_examples(file, labels);
            examples.insert(examples.end(), more.begin(), more.end());
        }
        language::train_model(examples, out, options);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "rapport-train-classifier: " << e.what() << '\n';
        return 2;
    }
}
