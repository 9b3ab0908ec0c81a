// The advice a coach gives on a pitch, most useful first.
//
// Built from a finished analysis (analysis.h), in this order:
//   1. job-ask            an ask for a job, a referral for a post or a push for
//                         an application: the one thing to take out;
//   2. missing-<c>        the most important missing component (importance:
//                         interest, goals, experience, education, skills,
//                         accomplishments, strengths, knowledge), with an
//                         example sentence in the pitch's language written
//                         from the profile's field when there is one (and,
//                         for goals, the goals the user wrote in their own
//                         words); when nothing is missing, maybe-<c>: the
//                         most important component only hinted at, quoting
//                         its sentence;
//   3. length             the estimate against the target (too long, too
//                         short, or fine); with no target, the estimate alone;
//   then, on demand: the other missing and maybe components, filler-words,
//   long-sentence, and introduction (a good ask, kept).
// The app shows the first kFirstAdvice items and the rest under "more".
#pragma once

#include "engine/pitch/analysis.h"

#include <vector>

namespace rapport {

// The components in the order their absence matters in an informational
// interview pitch.
inline constexpr std::array<PitchComponent, kPitchComponentCount> kComponentImportance = {
    PitchComponent::interest,        PitchComponent::goals,     PitchComponent::experience,
    PitchComponent::education,       PitchComponent::skills,    PitchComponent::accomplishments,
    PitchComponent::strengths,       PitchComponent::knowledge};

// Completes "Say ..." for a component: "which field you want to learn about"...
std::string_view component_description(PitchComponent c);

std::vector<PitchAdvice> rank_advice(const PitchAnalysis& analysis, const PitchCues& cues,
                                     const PitchProfileHints& profile);

}  // namespace rapport
