// UTF-8 at the engine's doors: every text the engine stores or prints is
// valid UTF-8, so nothing the user typed or imported can later make an
// export, a JSON listing or the app fail.
//
// Text from the user (command-line arguments, form fields, imported JSON) is
// checked with require_utf8() and refused with the field named. Text from
// files written by other programs (vCard, CSV) is decoded instead: a declared
// charset is honoured, and bytes that are not UTF-8 are read as Windows-1252
// (the superset of Latin-1 old address books write).
#pragma once

#include <string>
#include <string_view>

namespace rapport {

bool is_valid_utf8(std::string_view text);

// Throws rapport::Error "NAME: not valid UTF-8 text (byte N)" naming the
// first bad byte (1-based).
void require_utf8(std::string_view text, std::string_view name);

// The bytes decoded from charset (an ICU converter name such as
// "ISO-8859-1", "windows-1252", "UTF-16") to UTF-8. Throws rapport::Error
// for a charset ICU does not know.
std::string decode_to_utf8(std::string_view bytes, std::string_view charset);

// The text itself when it is valid UTF-8, else its bytes read as Windows-1252.
std::string utf8_or_windows1252(std::string_view bytes);

// The text with every invalid sequence replaced by U+FFFD, for output that
// must never fail.
std::string utf8_with_replacements(std::string_view text);

}  // namespace rapport
