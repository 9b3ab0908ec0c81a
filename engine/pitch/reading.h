// How one sentence of a pitch is read: the learned models and the cue phrases
// (cues.h) together.
//
// Components. The component model (models/pitch.<lang>.ftz, one-vs-all, trained
// on question-banks/training/pitch.<lang>.tsv; labels: the eight components and
// "none") gives each sentence a probability per component. On sentences it has
// not seen, such a model is cautious: the right component is often its most
// probable label at 0.25-0.5 rather than above 0.5 (measured by cross-validation
// on the training sentences). So a sentence's confidence for a component is the
// largest of:
//   - the model's probability;
//   - that probability + kTopLabelBonus, when the component is the sentence's
//     most probable label (above "none" too);
//   - kCueConfidence, when one of the component's cue phrases matches in the
//     sentence (cues are written to be precise: they hardly ever match where
//     the component is not said).
// A sentence mostly says one thing, so before the cues are added the model's
// confidence in every component but the sentence's most confident one is
// lowered by kSecondComponentPenalty (cross-validation: +0.8 point precision
// for -0.7 recall in English, +1.2 / -0.3 in French). In English, each clause
// of a long sentence is read on its own as well (read_clauses below): a
// clause's most confident component counts at its confidence minus
// kClausePenalty (so a clause alone makes a component present only from 0.8).
// The analysis calls a component present from kPresentConfidence and
// "maybe" from kMaybeConfidence. Two rules come after: a question (it ends
// with "?") says nothing about the speaker, so it shows no component; and a
// sentence read as a job ask ("I'd love to work here") shows no interest and
// no goal (wanting a post at the listener's is neither).
//
// Asks. The ask model (models/pitch-ask.<lang>.ftz, softmax; labels
// introduction, job-ask, none) and the cues decide together:
//   - an introduction-request cue ("introduce me to", "me mettre en contact")
//     with no job-request cue makes an introduction ask, unless the model is
//     sure (>= kSureJobAsk) it is a job ask ("introduce me to the hiring
//     manager"): the model alone is unsure between the two on short asks;
//   - otherwise a job ask when the model says so (>= kAskConfidence), or when a
//     job-request cue matches and the model does not call it an introduction;
//   - otherwise an introduction ask when the model says so.
// Without an ask model, a job-request cue alone makes a job ask.
#pragma once

#include "engine/language/classifier.h"
#include "engine/pitch/cues.h"

#include <array>
#include <memory>
#include <optional>
#include <string_view>

namespace rapport {

inline constexpr double kTopLabelBonus = 0.25;
inline constexpr double kCueConfidence = 0.9;
inline constexpr double kSecondComponentPenalty = 0.1;
inline constexpr double kPresentConfidence = 0.5;
inline constexpr double kMaybeConfidence = 0.3;
inline constexpr double kAskConfidence = 0.5;
inline constexpr double kSureJobAsk = 0.9;
inline constexpr double kClausePenalty = 0.3;
inline constexpr std::size_t kMinClauseWords = 4;

// The learned models of one language. Either may be null (cues only).
// read_clauses: also read each clause of a long sentence on its own.
struct PitchModels {
    std::shared_ptr<const language::Classifier> components;
    std::shared_ptr<const language::Classifier> asks;
    bool read_clauses = false;
};

// Whether reading clauses on their own is used for a language: English only.
// Grouped cross-validation (pitch6 round): English recall +0.9 point with
// precision unchanged (0.770/0.821 -> 0.779/0.821; the cuts at ", where", ", which",
// ", while", " and I" added +0.4 / -0.2 more); French +0.3 / -0.1 and two
// false components on the seen French pitches, so French reads whole sentences.
bool clause_reading_helps(Language language);

// The shipped models of a language ("en" or "fr"): pitch.<lang> and
// pitch-ask.<lang> in language::shipped_models_dir(). Nothing is read until
// the first analysis; a missing file is reported then, naming it. Throws
// rapport::Error for a language with no models.
PitchModels shipped_pitch_models(std::string_view language);

enum class AskKind { introduction, job };
std::string_view ask_kind_name(AskKind kind);  // "introduction", "job"

// The cue phrases found in one sentence (null: none).
struct SentenceCues {
    std::array<const CuePhrase*, kPitchComponentCount> components{};
    const CuePhrase* job_request = nullptr;
    const CuePhrase* introduction_request = nullptr;
};

struct SentenceReading {
    std::array<double, kPitchComponentCount> confidence{};  // per component, 0 to 1
    std::optional<AskKind> ask;
    double ask_confidence = 0;
};

// Reads one sentence (its text as written). Throws rapport::Error when a
// model file cannot be read.
SentenceReading read_sentence(const PitchModels& models, std::string_view sentence,
                              const SentenceCues& cues);

}  // namespace rapport
