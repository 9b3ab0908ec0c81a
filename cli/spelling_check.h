// The spelling check shared by `spell`, `draft --check` and `sheet --check`
// (implemented in cmd_spell.cpp).
#pragma once

#include "cli/context.h"

#include <string>
#include <string_view>
#include <vector>

namespace rapport::cli {

// Prints the issues of text (in lang: "en", "en-ca", "en-gb" or "fr"; plain
// "en" follows the profile's English spelling) after a "-- Spelling, LANG:
// N issues --" line; sets exit code 1 when there are any.
// extra_phrases are known words besides the database's (names on a sheet).
void print_spelling_check(Context& ctx, std::string_view text, const std::string& text_lang,
                          const std::vector<std::string>& extra_phrases = {});

}  // namespace rapport::cli
