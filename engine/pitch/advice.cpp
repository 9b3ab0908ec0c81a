#include "engine/pitch/advice.h"

#include "engine/pitch/wording.h"

namespace rapport {
namespace {

std::size_t slot(PitchComponent c) { return static_cast<std::size_t>(c); }

std::string quoted(const PitchWording& w, const std::string& text) {
    return w.open_quote + text + w.close_quote;
}

// The example sentence for a missing component, from the profile's field when known.
std::string example_for(PitchComponent c, const PitchCues& cues, const PitchProfileHints& profile) {
    const ComponentSuggestion& s = cues.suggestions[slot(c)];
    const std::string field = field_in_sentence(profile.field);
    if (!field.empty() && !s.with_field.empty()) return fill(s.with_field, {{"field", field}});
    return s.plain;
}

// The goals the user wrote in their own words (tags like "change-careers" have no space).
std::string own_goals(const PitchProfileHints& profile) {
    std::string goals;
    for (const std::string& g : profile.goals)
        if (g.find(' ') != std::string::npos) goals += (goals.empty() ? "" : "; ") + g;
    return goals;
}

PitchAdvice missing_advice(PitchComponent c, const PitchCues& cues,
                           const PitchProfileHints& profile) {
    const PitchWording& w = pitch_wording(cues.language);
    std::string message = fill(w.add_missing, {{"your", w.yours[slot(c)]},
                                               {"description", w.descriptions[slot(c)]}});
    if (const std::string example = example_for(c, cues, profile); !example.empty())
        message += fill(w.for_example, {{"example", quoted(w, example)}});
    if (const std::string goals = own_goals(profile); c == PitchComponent::goals && !goals.empty())
        message += fill(w.profile_goals, {{"goals", quoted(w, goals)}});
    return {"missing-" + std::string(component_name(c)), message};
}

PitchAdvice maybe_advice(const PitchWording& w, const ComponentCoverage& c) {
    return {"maybe-" + std::string(component_name(c.component)),
            fill(w.maybe, {{"your", w.yours[slot(c.component)]},
                           {"sentence", quoted(w, c.evidence.front().sentence)},
                           {"description", w.descriptions[slot(c.component)]}})};
}

std::vector<PitchComponent> with_status(const PitchAnalysis& a, ComponentStatus status) {
    std::vector<PitchComponent> found;
    for (PitchComponent c : kComponentImportance)
        if (a.coverage(c).status == status) found.push_back(c);
    return found;
}

void add_warnings(std::vector<PitchAdvice>& advice, const PitchAnalysis& a, std::string_view code) {
    for (const PitchWarning& w : a.warnings)
        if (w.code == code) advice.push_back({w.code, w.message});
}

}  // namespace

std::string_view component_description(PitchComponent c) {
    return pitch_wording("en").descriptions[slot(c)];
}

std::vector<PitchAdvice> rank_advice(const PitchAnalysis& a, const PitchCues& cues,
                                     const PitchProfileHints& profile) {
    const PitchWording& w = pitch_wording(cues.language);
    std::vector<PitchAdvice> advice;
    for (const PitchAsk& ask : a.asks)
        if (ask.kind == AskKind::job)
            advice.push_back({"job-ask", fill(w.job_ask, {{"sentence", quoted(w, ask.sentence)}})});
    const std::vector<PitchComponent> missing = with_status(a, ComponentStatus::missing);
    const std::vector<PitchComponent> maybe = with_status(a, ComponentStatus::maybe);
    // The first component advice comes before the length; the others wait for "more".
    std::size_t missing_shown = 0, maybe_shown = 0;
    if (!missing.empty()) {
        advice.push_back(missing_advice(missing.front(), cues, profile));
        missing_shown = 1;
    } else if (!maybe.empty()) {
        advice.push_back(maybe_advice(w, a.coverage(maybe.front())));
        maybe_shown = 1;
    }
    advice.push_back({"length", length_summary(a)});
    for (std::size_t i = missing_shown; i < missing.size(); ++i)
        advice.push_back(missing_advice(missing[i], cues, profile));
    for (std::size_t i = maybe_shown; i < maybe.size(); ++i)
        advice.push_back(maybe_advice(w, a.coverage(maybe[i])));
    add_warnings(advice, a, "filler-words");
    add_warnings(advice, a, "long-sentence");
    for (const PitchAsk& ask : a.asks)
        if (ask.kind == AskKind::introduction)
            advice.push_back({"introduction", fill(w.introduction, {{"sentence", quoted(w, ask.sentence)}})});
    return advice;
}

}  // namespace rapport
