#include "engine/pitch/reading.h"

#include "engine/base/error.h"
#include "engine/base/text.h"

#include <algorithm>
#include <string>

namespace rapport {
namespace {

constexpr std::string_view kNoneLabel = "none";
constexpr std::string_view kJobAskLabel = "job-ask";
constexpr std::string_view kIntroductionLabel = "introduction";

void read_components(const language::Classifier& model, std::string_view sentence,
                     SentenceReading& reading) {
    const std::vector<language::LabelScore> scores = model.scores(sentence);
    if (scores.empty()) return;
    const std::string& top = scores.front().label;  // scores come highest first
    for (const language::LabelScore& s : scores) {
        if (s.label == kNoneLabel) continue;
        const auto component = component_from_name(s.label);
        if (!component) continue;
        double confidence = s.probability;
        if (s.label == top) confidence = std::min(1.0, confidence + kTopLabelBonus);
        double& slot = reading.confidence[static_cast<std::size_t>(*component)];
        slot = std::max(slot, confidence);
    }
}

void read_ask(const PitchModels& models, std::string_view sentence, const SentenceCues& cues,
              SentenceReading& reading) {
    if (!models.asks) {
        if (cues.job_request) {
            reading.ask = AskKind::job;
            reading.ask_confidence = kCueConfidence;
        }
        return;
    }
    double job = 0, introduction = 0;
    for (const language::LabelScore& s : models.asks->scores(sentence)) {
        if (s.label == kJobAskLabel) job = s.probability;
        if (s.label == kIntroductionLabel) introduction = s.probability;
    }
    if (cues.introduction_request && !cues.job_request && job < kSureJobAsk) {
        reading.ask = AskKind::introduction;
        reading.ask_confidence = std::max(introduction, kCueConfidence);
    } else if (job >= kAskConfidence || (cues.job_request && introduction < kAskConfidence)) {
        reading.ask = AskKind::job;
        reading.ask_confidence = cues.job_request ? std::max(job, kCueConfidence) : job;
    } else if (introduction >= kAskConfidence) {
        reading.ask = AskKind::introduction;
        reading.ask_confidence = introduction;
    }
}

// A sentence mostly says one thing: the model's other components need more
// to count (cue phrases, added after, are not lowered).
void lower_second_components(SentenceReading& reading) {
    const auto top = std::max_element(reading.confidence.begin(), reading.confidence.end());
    for (auto it = reading.confidence.begin(); it != reading.confidence.end(); ++it)
        if (it != top) *it = std::max(0.0, *it - kSecondComponentPenalty);
}

// A question ends with "?", maybe followed by a closing quote or bracket
// (French puts a space before it). '?' is one byte that never occurs inside
// a multi-byte character, so trimming bytes of the set below is safe.
bool is_question(std::string_view sentence) {
    const std::size_t last =
        sentence.find_last_not_of(" \t\n\r\"')\u00A0\u202F\u00BB\u201D\u2019");
    return last != std::string_view::npos && sentence[last] == '?';
}

}  // namespace

PitchModels shipped_pitch_models(std::string_view language) {
    const auto lang = language_from_code(language);
    if (!lang) throw Error("no pitch models for the language \"" + std::string(language) + "\"");
    const std::string code(language);
    return {std::make_shared<language::Classifier>(language::model_path("pitch." + code), *lang),
            std::make_shared<language::Classifier>(language::model_path("pitch-ask." + code),
                                                   *lang)};
}

std::string_view ask_kind_name(AskKind kind) {
    return kind == AskKind::job ? "job" : "introduction";
}

SentenceReading read_sentence(const PitchModels& models, std::string_view sentence,
                              const SentenceCues& cues) {
    SentenceReading reading;
    read_ask(models, sentence, cues, reading);
    // A question asks about the listener: it says nothing about the speaker.
    if (is_question(sentence)) return reading;
    if (models.components) {
        read_components(*models.components, sentence, reading);
        lower_second_components(reading);
    }
    for (std::size_t c = 0; c < kPitchComponentCount; ++c)
        if (cues.components[c]) reading.confidence[c] = std::max(reading.confidence[c], kCueConfidence);
    // "I'd love to work here" wants a job at the listener's; it is neither an
    // interest in a field nor a goal of the speaker's own.
    if (reading.ask == AskKind::job) {
        reading.confidence[static_cast<std::size_t>(PitchComponent::interest)] = 0;
        reading.confidence[static_cast<std::size_t>(PitchComponent::goals)] = 0;
    }
    return reading;
}

}  // namespace rapport
