#!/usr/bin/env bash
# Fails when a tracked file cites a document the repository does not have: an internal design brief ("contract §2",
# "providers.md", "architecture.md" outside docs/), an issue number of our tracker ("issue 12"), a docs/ path that does
# not exist, or a section of docs/ or a README (a #anchor, or a quoted heading as in `docs/api.md, "Routes"`) that the page lacks.
# Public URLs (an issue on GitHub included) are fine. Run by scripts/test.sh, so CI runs it.
# Usage: bash scripts/check-citations.sh   (exit code 0 = every citation resolves)
set -uo pipefail
cd "$(dirname "$0")/.."

problems=0
report() {
  echo "check-citations: $1"
  problems=$((problems + 1))
}

# Tracked text files, the reference itself included (its pages cite each other). bench/RESULTS.md is a dated log
# whose headings name the work each measurement belongs to, so issue numbers may stay there, and only there.
mapfile -t files < <(git ls-files -- ':!:package-lock.json' ':!:*.png' ':!:*.ico' | while read -r f; do [ -f "$f" ] && echo "$f"; done)

# 1. Documents the repository does not have. docs/providers/… and docs/architecture.md are ours.
while IFS= read -r hit; do
  report "cites a document this repository does not have: $hit"
done < <(grep -nIHiE 'contract ?§|§ ?[0-9]+ of the contract|contract\.md|\.\./shared' -- "${files[@]}" | grep -v '^scripts/check-citations\.sh:')

# The brief's page names, bare, outside docs/ (inside docs/ they are our own pages, and rule 5 checks the links).
while IFS= read -r hit; do
  report "cites a document this repository does not have: $hit"
done < <(grep -nIHiE '(^|[^/`[(a-z])(providers|architecture)\.md' -- "${files[@]}" | grep -vE '^(docs/|scripts/check-citations\.sh:)')

# 2. Our tracker's issue numbers ("issue 12", "Issue 11 item 4", "issues 9, 10"): not a public document.
while IFS= read -r hit; do
  report "cites an issue number instead of the docs: $hit"
done < <(grep -nIHiE '\bissues? #?[0-9]+' -- "${files[@]}" | grep -vE '^(bench/RESULTS\.md|scripts/check-citations\.sh):')

# GitHub's anchor for a heading: lower case, punctuation other than '-' and '_' dropped, spaces to '-'.
anchors_of() {
  grep -E '^#{1,6} ' "$1" | sed -E 's/^#+ +//; s/`//g' | tr '[:upper:]' '[:lower:]' \
    | sed -E 's/[^a-z0-9 _-]//g; s/ /-/g'
}
headings_of() {
  grep -E '^#{1,6} ' "$1" | sed -E 's/^#+ +//; s/`//g'
}

# A grep -noH hit, "file:line:text", split into $file, $line and $text.
split_hit() {
  file="${1%%:*}"
  local rest="${1#*:}"
  line="${rest%%:*}"
  text="${rest#*:}"
}

# Reports $file:$line when <path> does not exist, or when <anchor> (may be empty) is no section of the Markdown page.
check_target() {
  local path="$1" anchor="$2" cited="$3"
  if [ ! -e "$path" ]; then
    report "$file:$line cites $cited, which does not exist"
  elif [ -n "$anchor" ] && [[ "$path" == *.md ]] && ! anchors_of "$path" | grep -qxF -- "$anchor"; then
    report "$file:$line cites $cited, but $path has no such section"
  fi
}

# 3. docs/ paths, with an optional #anchor, must exist.
while IFS= read -r hit; do
  split_hit "$hit"
  anchor=""
  [[ "$text" == *#* ]] && anchor="${text#*#}"
  check_target "${text%%#*}" "$anchor" "$text"
done < <(grep -noIHP '(?<![\w/.-])docs/[A-Za-z0-9_./-]*[A-Za-z0-9_](#[a-z0-9_-]+)?' -- "${files[@]}" \
  | grep -v '^scripts/check-citations\.sh:' | sed -E 's/[.]+$//')

# 4. A quoted section after a docs/ page or a README (`docs/api.md, "Routes"`, `README.md, "Configuration"`) must be
#    one of its headings.
while IFS= read -r hit; do
  split_hit "$hit"
  path="${text%%,*}"
  section="${text#*\"}"
  section="${section%\"}"
  [ -f "$path" ] || continue
  if ! headings_of "$path" | grep -qxF -- "$section"; then
    report "$file:$line cites section \"$section\" of $path, which has no such heading"
  fi
done < <(grep -noIHP '(?<![\w/.-])(?:docs/[A-Za-z0-9_./-]+|bench/README|README)\.md, "[^"]+"' -- "${files[@]}" | grep -v '^scripts/check-citations\.sh:')

# 5. Relative links in Markdown ([text](formats.md#queue-message)) must reach a file, and the section when one is named.
while IFS= read -r hit; do
  split_hit "$hit"
  link="${text#](}"
  link="${link%)}"
  target="${link%%#*}"
  anchor=""
  [[ "$link" == *#* ]] && anchor="${link#*#}"
  if [ -n "$target" ]; then path="$(dirname "$file")/$target"; else path="$file"; fi
  check_target "$path" "$anchor" "$link"
done < <(printf '%s\n' "${files[@]}" | grep '\.md$' | xargs grep -noHP '\]\((?![a-z]+:)[A-Za-z0-9_./#-]+\)')

if [ "$problems" -gt 0 ]; then
  echo "check-citations: $problems citation(s) to fix; the reference is docs/ (or a public URL)"
  exit 1
fi
echo "check-citations: every citation resolves"
