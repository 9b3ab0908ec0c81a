#!/usr/bin/env python3
"""Fails on a user-visible string literal in gui/ that is not marked for translation.

Usage: lint_unmarked.py <gui folder> [more files or folders]
       lint_unmarked.py --self-test tests/po/lint_examples.cpp.txt

The rule (precise, so that it can be trusted and argued with):
  Every string literal of gui/**/*.cpp and gui/**/*.h is read, with comments
  removed and adjacent literals ("a" "b") joined. A literal is *prose* when the
  part a user would see (before any "##" ImGui id) either
    - has a word of two or more letters followed (after any punctuation) by
      a space and a letter ("Save all", "no contact yet", "comma-separated:
      museums, fintech"), or
    - starts with a capital letter followed by a lower-case one ("Save",
      "Pin", "Sent %s."), or has a word in parentheses ("(nobody)",
      "%s (maybe)"),
  or, whatever its words, it is passed straight to a function that shows
  text (ImGui::Text*, Button, Checkbox, Selectable, SetTooltip, … and our
  widgets hint, heading, form_label, colored_text, action_button, …) and
  holds a word of two or more letters outside printf directives ("ok").
  or it is a piece glued to other text with + that starts or ends with a
  space or a parenthesis and holds such a word (" of ", " (new)", " min"): a sentence glued from pieces cannot be
  translated, it must become one template ("%d of %d").
  A prose literal must be the argument of _( ), N_( ) or P_( , ) (either form
  of P_). Everything else fails, wherever it is: passed to ImGui, to our own
  widgets (heading, hint, form_label, colored_text, …), assigned to a model's
  message, thrown in an Error the window shows, returned by a function.

Numbers with decimals: a literal holding a printf conversion that writes
decimals ("%.1f", "%.*f", "%f", "%g", "%e", or "%d.%d" glued by a point) fails
too, marked or not: the window writes decimals through decimal() (gui/i18n.h),
which uses the comma in French ("35,6 s"); "%.0f" writes none and passes.

Not prose, so never flagged: ids ("##notes", "meetings"), formats ("%s · %d",
"%.1f s"), keys of settings and JSON ("prepare.session"), single lower-case
words. Allowed on purpose (ALLOWED below, or a line ending with a comment
"// i18n: <reason>"): the product name, the language names shown in their own
language, file names, and terminal output (std::cerr statements: the window's
user does not see them, and CLI help is English like the CLI).
Files that only serve tests or the terminal are skipped (SKIPPED_FILES).
"""
import os
import re
import sys

# Literals shown as they are in every language.
ALLOWED = {
    "Rapport",   # the product's name
    "English",   # language names are shown in their own language
    "Français",
}
# Test hooks and terminal-only code: not seen in the window.
SKIPPED_FILES = {
    "layout_report.cpp", "layout_report.h",  # --layout-report (tests)
    "test_script.cpp", "test_script.h",      # --script (tests)
    "options.cpp", "options.h",              # command-line help, in the terminal
    "screenshot.cpp", "screenshot.h",        # --screenshot (tests)
}

LITERAL = re.compile(r'(?:u8)?"((?:[^"\\\n]|\\.)*)"')
PROSE_WORDS = re.compile(r"[^\W\d_]{2,}[,:;.!?…)]* +[(«“]?[^\W\d_]")
PROSE_CAPITAL = re.compile(r"^\(?[A-ZÀ-Ý][a-zà-ÿ]|\([^\W\d_]{2,}\)|^\([^\W\d_]{2,}")
FILE_NAME = re.compile(r"^[\w.-]+\.[a-z]{2,4}$")
SHOWN_BY = re.compile(
    r"(?:ImGui::(?:Text\w*|Button|SmallButton|Checkbox|RadioButton|Selectable|MenuItem|BeginMenu|"
    r"SetTooltip|BulletText|CollapsingHeader|TreeNode|BeginTabItem|LabelText|BeginPopupModal)|"
    r"\b(?:hint|heading|form_label|form_text|colored_text|error_text|action_button|truncated_text|"
    r"truncated_selectable|full_text_tooltip|same_line_for_button|button_width|radio_width))"
    r"\(\s*(?:[^,()\"]*,\s*)?$")
# printf conversions that write a decimal mark (always the C locale's point).
DECIMAL_FORMAT = re.compile(
    r"%[-+ #0]*(?:\d+|\*)?(?:\.(?:\*|0*[1-9]\d*))?[fFeEgGaA]|%[-+ #0]*\d*\.?\d*(?:l|ll|z)?[du]\.%")
NO_DECIMALS = re.compile(r"%[-+ #0]*(?:\d+|\*)?\.0+[fF]")
WORD_OUTSIDE_FORMAT = re.compile(r"[^\W\d_]{2,}")
MARKER_BEFORE = re.compile(r'(?:\b_|\bN_|\bP_)\(\s*$|\bP_\(\s*"(?:[^"\\]|\\.)*"\s*,\s*$')


def strip_comments(text):
    """Blanks out comments (keeping line breaks and columns), not string contents."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def is_prose(value):
    visible = value.split("##", 1)[0]
    if not visible or visible in ALLOWED or FILE_NAME.match(visible):
        return False
    return bool(PROSE_WORDS.search(visible) or PROSE_CAPITAL.search(visible))


def literals(code):
    """(start offset, joined value) of each literal, adjacent ones joined."""
    found = []
    for m in LITERAL.finditer(code):
        if code[max(0, m.start() - 1)] == "R" or code[max(0, m.start() - 9):m.start()].endswith("#include "):
            continue
        if found and code[found[-1][1]:m.start()].strip() == "":
            start, _, value = found[-1]
            found[-1] = (start, m.end(), value + m.group(1))
        else:
            found.append((m.start(), m.end(), m.group(1)))
    return [(start, value) for start, _, value in found]


def problems_in(path, text):
    code = strip_comments(text)
    lines = text.split("\n")
    for start, value in literals(code):
        line_number = code.count("\n", 0, start) + 1
        if DECIMAL_FORMAT.search(NO_DECIMALS.sub("", value)) and \
                not re.search(r"//\s*i18n:", lines[line_number - 1]):
            yield f'{path}:{line_number}: a number with decimals in printf style: use decimal(): "{value}"'
            continue
        before = code[max(0, start - 400):start]
        words = re.sub(r"%[-+ #0-9.]*[a-zA-Z]+|\\u[0-9A-Fa-f]{4}|\\.", "", value)
        shown = SHOWN_BY.search(before) and not value.startswith("##") and \
            value not in ALLOWED and WORD_OUTSIDE_FORMAT.search(words)
        after = code[start:start + len(value) + 200]
        glued = (before.rstrip().endswith("+") or re.match(r'"(?:[^"\\]|\\.)*"\s*\+', after)) and \
            WORD_OUTSIDE_FORMAT.search(words) and re.search(r"^[ (]|[ )]$", value)
        if not (is_prose(value) or shown or glued) or MARKER_BEFORE.search(before):
            continue
        line_number = code.count("\n", 0, start) + 1
        line = lines[line_number - 1]
        statement_start = max(code.rfind(c, 0, start) for c in ";{}")
        if "std::cerr" in code[statement_start + 1:start] or re.search(r"//\s*i18n:", line):
            continue
        yield f'{path}:{line_number}: not marked for translation: "{value}"'


def source_files(paths):
    for path in paths:
        if os.path.isfile(path):
            yield path
            continue
        for folder, _, names in sorted(os.walk(path)):
            for name in sorted(names):
                if name.endswith((".cpp", ".h")) and name not in SKIPPED_FILES:
                    yield os.path.join(folder, name)


def self_test(examples):
    """Checks the rule on examples: lines ending in FLAG are reported, no other."""
    with open(examples, encoding="utf-8") as f:
        text = f.read()
    expected = {n for n, line in enumerate(text.split("\n"), 1) if line.rstrip().endswith("FLAG")}
    reported = {int(p.split(":")[1]) for p in problems_in(examples, text)}
    for n in sorted(expected - reported):
        print(f"{examples}:{n}: should be reported and is not")
    for n in sorted(reported - expected):
        print(f"{examples}:{n}: is reported and should not be")
    ok = expected == reported and expected
    print(f"self-test: {len(expected)} unmarked examples reported, the rest passed" if ok else "self-test FAILED")
    return 0 if ok else 1


def main(argv):
    if len(argv) == 3 and argv[1] == "--self-test":
        return self_test(argv[2])
    if len(argv) < 2:
        print(__doc__)
        return 2
    problems = []
    for path in source_files(argv[1:]):
        with open(path, encoding="utf-8") as f:
            problems.extend(problems_in(path, f.read()))
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} user-visible strings are not marked or print decimals: wrap them in _(), "
              "N_() or P_(), write decimals with decimal() (gui/i18n.h), or see this script's rule.")
        return 1
    print("every user-visible string in gui/ is marked for translation")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
