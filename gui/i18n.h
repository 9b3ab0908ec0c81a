// The window's text goes through gettext so that it can be shown in French.
//
// _("Save")            marks a string for xgettext and translates it now.
// N_("Save")           only marks it (a table of labels translated later with _()).
// P_("%d attempt", "%d attempts", n)   picks the plural form of the language.
//
// Build sentences from one translated template with placeholders
// (printf style, so the French word order can differ), never by gluing
// translated pieces together. Without a bound catalogue gettext returns the
// English text unchanged, so code using these works before the catalogue loads.
#pragma once

#include <libintl.h>

#define _(text) ::gettext(text)
#define N_(text) text

namespace rapport::gui {

inline const char* P_(const char* one, const char* many, unsigned long n) {
    return ::ngettext(one, many, n);
}

}  // namespace rapport::gui
