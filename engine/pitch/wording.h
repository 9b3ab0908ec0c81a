// The words of the coach, per language: every message of the analysis
// (warnings, length lines) and of the advice is written in the pitch's
// language, English or French. The advice follows the language of the pitch
// (not the interface's): it quotes the pitch's sentences and suggests
// sentences to add to it, so it must be in the same language as the pitch.
//
// Templates have named placeholders ("{target}"), filled by fill(); each
// language writes its own sentence around them, with its own typography
// (French: « » quotes, a no-break space before : ; ? ! and before units).
#pragma once

#include "engine/pitch/cues.h"

#include <array>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace rapport {

struct PitchWording {
    const char* open_quote;   // around a sentence of the pitch or an example
    const char* close_quote;
    const char* plain_open_quote;  // around a word or a few words in a warning
    const char* plain_close_quote;
    const char* seconds_unit;      // " s", "\u00A0s"
    const char* repeat;            // " x{n}": a filler word said n times
    // Length, against the target or without one.
    const char* at_rate;    // {seconds} {wpm}
    const char* too_long;   // {at_rate} {target} {highest} {words}
    const char* too_short;  // {at_rate} {target} {lowest} {words}
    const char* fits;       // {at_rate} {target}
    const char* no_target;  // {at_rate} {shortest}
    // Warnings.
    const char* mentions_job;   // {sentences}
    const char* fillers;        // {list}
    const char* long_sentence;  // {number} {start} {words} {limit}
    const char* missing;        // {name} {label} {description}
    // Advice.
    const char* job_ask;        // {sentence}
    const char* add_missing;    // {your} {description}
    const char* for_example;    // {example}
    const char* profile_goals;  // {goals}
    const char* maybe;          // {your} {sentence} {description}
    const char* introduction;   // {sentence}
    // Around the advice list: the items after the first kFirstAdvice.
    const char* more;          // {n}: the button that shows them
    const char* less;          // the button that hides them again
    const char* more_heading;  // before them in a printed list
    const char* maybe_mark;    // after a component only hinted at
    // Per component, in kPitchComponents order.
    std::array<const char*, kPitchComponentCount> names;         // "interest", "intérêt"
    std::array<const char*, kPitchComponentCount> labels;        // "Interest", "Intérêt"
    std::array<const char*, kPitchComponentCount> yours;         // "your interest", "votre intérêt"
    std::array<const char*, kPitchComponentCount> descriptions;  // completes "say ..." / "dites ..."
};

// The wording of "en" or "fr"; any other language gets English.
const PitchWording& pitch_wording(std::string_view language);

// The template with each "{name}" replaced by its value.
std::string fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string>> values);

// A field of interest as typed in the profile, made to sit inside a sentence:
// spaces and a final full stop trimmed, a capital that only starts a word
// ("Public Health", "Édition") made small; acronyms and mixed case ("UX",
// "iOS") kept.
std::string field_in_sentence(std::string_view field);

}  // namespace rapport
