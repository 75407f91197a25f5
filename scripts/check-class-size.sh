#!/usr/bin/env bash
# Fails when a C# file under src/ is longer than 250 lines without a one-line reason at its top
# ("// Longer than 250 lines: …"): a long file must say why it is one concept. Run by scripts/test.sh.
# Usage: bash scripts/check-class-size.sh   (exit code 0 = every long file says why)
set -uo pipefail
cd "$(dirname "$0")/.."

limit=250
problems=0
while IFS= read -r file; do
  [ -f "$file" ] || continue
  lines=$(wc -l <"$file")
  if [ "$lines" -gt "$limit" ] && ! head -n 1 "$file" | grep -q '^// Longer than 250 lines: .'; then
    echo "check-class-size: $file has $lines lines and no '// Longer than 250 lines: <reason>' first line; split it or say why"
    problems=$((problems + 1))
  fi
done < <(git ls-files 'src/*.cs')

if [ "$problems" -gt 0 ]; then
  exit 1
fi
echo "check-class-size: every file over $limit lines says why"
