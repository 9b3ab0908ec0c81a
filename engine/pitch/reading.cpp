#include "engine/pitch/reading.h"

#include "engine/base/error.h"
#include "engine/base/text.h"

#include <algorithm>
#include <string>
#include <vector>

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

// The clauses of a long sentence: cut where it turns to a second thing.
std::vector<std::string_view> clauses_of(std::string_view sentence) {
    static const std::array<std::string_view, 13> kCuts = {
        " and I ", " and I'm ", ", and ", ", but ", ", so ", ", where ", ", which ", ", while ",
        "; ",     ": ",     " - ",  " \u2013 ",  " \u2014 "};
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start < sentence.size()) {
        std::size_t best = std::string_view::npos, len = 0;
        for (std::string_view cut : kCuts) {
            const std::size_t at = sentence.find(cut, start);
            if (at < best) best = at, len = cut.size();
        }
        if (best == std::string_view::npos) {
            out.push_back(sentence.substr(start));
            break;
        }
        out.push_back(sentence.substr(start, best - start));
        start = best + len;
    }
    return out;
}

std::size_t words_in(std::string_view text) {
    std::size_t n = 0;
    bool in = false;
    for (char ch : text) {
        const bool space = ch == ' ' || ch == '\t' || ch == '\n';
        if (!space && !in) ++n;
        in = !space;
    }
    return n;
}

// A long sentence that says two things ("I'm a third-year geology student,
// and what I love is groundwater") can read as neither when taken whole. So
// each clause of kMinClauseWords words or more is read too, and its most
// confident component counts, lowered by kClausePenalty: a clause is short
// and out of context, so only a clause the model is sure of adds to the
// sentence.
void read_clauses(const language::Classifier& model, std::string_view sentence,
                  SentenceReading& reading) {
    const std::vector<std::string_view> clauses = clauses_of(sentence);
    if (clauses.size() < 2) return;
    for (std::string_view clause : clauses) {
        if (words_in(clause) < kMinClauseWords) continue;
        SentenceReading part;
        read_components(model, clause, part);
        lower_second_components(part);
        const auto top = std::max_element(part.confidence.begin(), part.confidence.end());
        double& slot = reading.confidence[static_cast<std::size_t>(top - part.confidence.begin())];
        slot = std::max(slot, *top - kClausePenalty);
    }
}

}  // namespace

PitchModels shipped_pitch_models(std::string_view language) {
    const auto lang = language_from_code(language);
    if (!lang) throw Error("no pitch models for the language \"" + std::string(language) + "\"");
    const std::string code(language);
    return {std::make_shared<language::Classifier>(language::model_path("pitch." + code), *lang),
            std::make_shared<language::Classifier>(language::model_path("pitch-ask." + code), *lang),
            clause_reading_helps(*lang)};
}

bool clause_reading_helps(Language language) { return language == Language::english; }

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
        if (models.read_clauses) read_clauses(*models.components, sentence, reading);
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
