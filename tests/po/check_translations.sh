#!/usr/bin/env bash
# Fails when a string of the window has no French translation.
#
# Usage: check_translations.sh <source dir> [catalogue, default po/fr.po]
#
# Extracts every marked string of gui/ (scripts/update-po --template-only:
# xgettext with the keywords _, N_ and P_:1,2), merges the catalogue against
# it without guessing (--no-fuzzy-matching, so a new string stays empty), and
# names each string that is then untranslated or fuzzy. Also runs
# msgfmt --check (header, plural forms, printf formats against the English).
set -euo pipefail
source_dir=$1
catalogue=${2:-$source_dir/po/fr.po}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$source_dir/scripts/update-po" --template-only "$work/rapport.pot"
count=$(grep -c '^msgid "' "$work/rapport.pot" || true)
# The header is one msgid; a handful means extraction is broken, not done.
if (( count < 100 )); then
  echo "FAIL: only $count strings extracted from gui/ — is xgettext looking for _(), N_() and P_()?"
  exit 1
fi

status=0
if ! msgfmt --check --check-format --output-file=/dev/null "$catalogue" 2> "$work/msgfmt.err"; then
  echo "FAIL: msgfmt --check $catalogue:"
  cat "$work/msgfmt.err"
  status=1
fi

msgmerge --quiet --no-fuzzy-matching --no-wrap --output-file="$work/merged.po" "$catalogue" "$work/rapport.pot"
for kind in untranslated fuzzy; do
  option=--$kind; [[ $kind == fuzzy ]] && option=--only-fuzzy
  msgattrib $option --no-obsolete --no-wrap --output-file="$work/$kind.po" "$work/merged.po"
  # Every msgid but the header's is a missing string.
  [[ -f "$work/$kind.po" ]] || continue  # msgattrib writes nothing when nothing matches
  missing=$(grep '^msgid "..*"$' "$work/$kind.po" | sed 's/^msgid //' || true)
  if [[ -n "$missing" ]]; then
    echo "FAIL: strings of gui/ that are $kind in $catalogue (no checked French translation):"
    echo "$missing" | sed 's/^/  /'
    status=1
  fi
done
# One French word for one thing. A meeting (the record: planned, live,
# debriefed) is « rencontre »; the kind of conversation is named
# « entretien informatif ». A bare « entretien » (or « entretien
# d'information ») for either is the word rejected: it read as a job
# interview next to « rencontre » on the same screens. Checked in the
# catalogue and in the French banks whose words the screens and sheets show
# (checklists, the sheet's headings); questions.fr.json keeps « entretien »
# where a question asks about a hiring interview.
rejected=$(grep -n -i -P "^msgstr.*\bentretiens?\b(?! informatifs?\b)" "$catalogue" || true)
for bank in preparation debrief tags; do
  found=$(grep -n -i -P "\bentretiens?\b(?! informatifs?\b)" "$source_dir/question-banks/$bank.fr.json" || true)
  [[ -n "$found" ]] && rejected+=$'\n'"$(sed "s|^|question-banks/$bank.fr.json:|" <<< "$found")"
done
if [[ -n "${rejected//$'\n'/}" ]]; then
  echo "FAIL: « entretien » for a meeting: write « rencontre » (or « entretien informatif » for the kind of conversation):"
  echo "$rejected" | sed '/^$/d; s/^/  /'
  status=1
fi

if (( status == 0 )); then
  echo "all $((count - 1)) strings of gui/ have a French translation; msgfmt --check passes"
fi
exit $status
