#include "engine/pitch/advice.h"

namespace rapport {
namespace {

std::string quoted(const std::string& text) { return "\u201C" + text + "\u201D"; }

// The example sentence for a missing component, from the profile's field when known.
std::string example_for(PitchComponent c, const PitchCues& cues, const PitchProfileHints& profile) {
    const ComponentSuggestion& s = cues.suggestions[static_cast<std::size_t>(c)];
    if (!profile.field.empty() && !s.with_field.empty()) {
        std::string text = s.with_field;
        const std::string mark = "{field}";
        if (const auto at = text.find(mark); at != std::string::npos)
            text.replace(at, mark.size(), profile.field);
        return text;
    }
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
    const std::string name(component_name(c));
    std::string message = "Add your " + name + ": say " + std::string(component_description(c)) + ".";
    if (const std::string example = example_for(c, cues, profile); !example.empty())
        message += " For example: " + quoted(example);
    if (const std::string goals = own_goals(profile); c == PitchComponent::goals && !goals.empty())
        message += " Your profile says you hope for: " + quoted(goals) + ".";
    return {"missing-" + name, message};
}

PitchAdvice maybe_advice(const ComponentCoverage& c) {
    const std::string name(component_name(c.component));
    return {"maybe-" + name,
            "Make your " + name + " clearer: " + quoted(c.evidence.front().sentence) +
                " only hints at " + std::string(component_description(c.component)) + "."};
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
    switch (c) {
        case PitchComponent::interest: return "which field you want to learn about and why";
        case PitchComponent::skills: return "what you can do, with a tool or method you use";
        case PitchComponent::knowledge: return "what you know well that matters in the field";
        case PitchComponent::education: return "what you study or studied, and where";
        case PitchComponent::experience: return "what you have done (jobs, internships, volunteering)";
        case PitchComponent::strengths: return "what you are good at, or what others rely on you for";
        case PitchComponent::accomplishments: return "a result you are proud of, with a number or an award";
        case PitchComponent::goals: return "what you are aiming for next";
    }
    return "";
}

std::vector<PitchAdvice> rank_advice(const PitchAnalysis& a, const PitchCues& cues,
                                     const PitchProfileHints& profile) {
    std::vector<PitchAdvice> advice;
    for (const PitchAsk& ask : a.asks)
        if (ask.kind == AskKind::job)
            advice.push_back({"job-ask", "Take out " + quoted(ask.sentence) +
                                             ": it asks for a job or to push an application, "
                                             "which puts the listener on the spot. Ask to learn, "
                                             "and for people worth meeting, instead."});
    const std::vector<PitchComponent> missing = with_status(a, ComponentStatus::missing);
    const std::vector<PitchComponent> maybe = with_status(a, ComponentStatus::maybe);
    // The first component advice comes before the length; the others wait for "more".
    std::size_t missing_shown = 0, maybe_shown = 0;
    if (!missing.empty()) {
        advice.push_back(missing_advice(missing.front(), cues, profile));
        missing_shown = 1;
    } else if (!maybe.empty()) {
        advice.push_back(maybe_advice(a.coverage(maybe.front())));
        maybe_shown = 1;
    }
    advice.push_back({"length", length_summary(a)});
    for (std::size_t i = missing_shown; i < missing.size(); ++i)
        advice.push_back(missing_advice(missing[i], cues, profile));
    for (std::size_t i = maybe_shown; i < maybe.size(); ++i)
        advice.push_back(maybe_advice(a.coverage(maybe[i])));
    add_warnings(advice, a, "filler-words");
    add_warnings(advice, a, "long-sentence");
    for (const PitchAsk& ask : a.asks)
        if (ask.kind == AskKind::introduction)
            advice.push_back({"introduction", "Good ask, keep it: " + quoted(ask.sentence) +
                                                  " asks to meet people to learn from, which "
                                                  "is what these conversations are for."});
    return advice;
}

}  // namespace rapport
