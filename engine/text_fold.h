// Folding text for matching, so cue phrases match whatever the user typed.
//
// fold() returns a form where case, accents and typographic variants do not
// matter: compatibility decomposition (NFKD, so ligatures and full-width forms
// become plain letters), combining marks removed ("é" -> "e"), full Unicode
// case folding ("Straße" -> "strasse"), the French ligatures œ/æ spelled out,
// curly and angle quotes made straight (’ ‘ ‛ ′ -> ', “ ” „ « » -> "), then
// NFC. Two strings that differ only in those respects fold to the same bytes.
//
// The normalizer instances belong to ICU (process-wide, created once); a
// TextFolder only keeps pointers to them, so it is cheap to copy.
#pragma once

#include <string>
#include <string_view>

// ICU's own forward declaration (its namespace is versioned, e.g. icu_72).
#include <unicode/uversion.h>
U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace rapport {

class TextFolder {
public:
    // Throws rapport::Error when ICU's normalization data is unavailable.
    TextFolder();
    std::string fold(std::string_view utf8) const;

private:
    const icu::Normalizer2* decompose_;
    const icu::Normalizer2* compose_;
};

}  // namespace rapport
