// The fastText settings as command-line options, shared by the trainer and
// the cross-validation tool so both read the same flags the same way.
#pragma once

#include "engine/language/classifier.h"

#include <CLI/CLI.hpp>

namespace rapport::tools {

inline void add_training_options(CLI::App& app, language::TrainingOptions& options) {
    app.add_option("--loss", options.loss, "softmax or ova");
    app.add_option("--epochs", options.epochs);
    app.add_option("--lr", options.learning_rate);
    app.add_option("--dim", options.dim);
    app.add_option("--word-ngrams", options.word_ngrams);
    app.add_option("--minn", options.min_char_ngram);
    app.add_option("--maxn", options.max_char_ngram);
    app.add_option("--buckets", options.buckets);
    app.add_option("--seed", options.seed);
    app.add_option("--openings", options.openings, "openings file: copies of examples with one before them");
    app.add_option("--opening-every", options.opening_every, "one copy with an opening every N examples (0: none)");
}

}  // namespace rapport::tools
