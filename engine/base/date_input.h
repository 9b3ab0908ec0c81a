// Dates and times as people type them, in English and French.
//
// The app's date fields and rapport-cli's --at accept the common forms and
// turn them into the one stored form (engine/base/local_time.h):
//   2026-11-30T10:00   2026-11-30 10:00   2026-11-30 à 10h
//   30/11/2026 10h00   30.11.2026 10:00   11/30/2026 2:30 pm (English: month first only when
//                                         the day shows it; 05/11/2026 is refused as ambiguous)
//   30 novembre 2026 10h   Nov 30 10am   November 30, 2026 at 14:15 (no year: the next one)
//   today 16:00   tomorrow 10:00   demain 9h30   aujourd'hui midi   après-demain 14h
//   monday 10:00   lundi prochain 10h   (the next such day after today)
// Month and weekday names come from ICU in both languages, so either is
// understood whatever the interface language; the language only decides what
// a slashed date like 05/11/2026 means (French: day first, always).
// A time is required: a meeting needs one. Errors name the field and say
// what was not understood, with an example to copy.
#pragma once

#include "engine/base/local_time.h"
#include "engine/base/text.h"

#include <string>
#include <string_view>

namespace rapport {

// Throws rapport::Error("<field>: …") when the text is not a date and time,
// names a day that does not exist, or a time the clocks skip.
LocalDateTime parse_date_time_input(std::string_view text, Language language,
                                    const LocalDateTime& now, std::string_view field);

// An example of the typed form for hints beside a date field.
std::string date_time_input_example(Language language);

}  // namespace rapport
