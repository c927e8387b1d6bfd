#!/usr/bin/env bash
# A share reorganised between two scans (every folder moved into a new one): the rescan, which finds
# each file at its new path and moves its findings, against reading the moved share whole into a fresh
# inventory with the same key, in one run; then the two inventories compared line by line.
# Usage: bash bench/moves.sh [CORPUS_MB] [FILES]   (default the 200 MB / 2,000-file corpus of bench/run.sh; see bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-200}
FILES=${2:-2000}
OUT=bench/out
CORPUS=$OUT/corpus-$MB
[ -f target/inzage.jar ] && [ -d target/test-classes/be/inzage/testdata ] || mvn -q -B package -DskipTests
if [ ! -d "$CORPUS" ]; then
  mkdir -p "$CORPUS"
  java -cp target/inzage.jar:target/test-classes be.inzage.testdata.CorpusGenerator "$CORPUS" "$FILES" $((MB * 1000000)) 42 >/dev/null
fi
W=$OUT/moves
rm -rf "$W" && mkdir -p "$W/share"
cp -a "$CORPUS/." "$W/share/"
now() { date +%s.%N; }
scan() { # DATA_DIR LABEL: the whole scan command, timed
  local t0 t1; t0=$(now)
  java -Xmx512m -jar target/inzage.jar scan "$W/share" --data "$1" > "$W/$2.txt" 2>&1
  t1=$(now); python3 -c "print(f'{$t1-$t0:.2f}')"
}
echo "first scan: $(scan "$W/data" first) s ($(find "$W/share" -type f | wc -l) files)"
mkdir "$W/share/archief"
for d in "$W"/share/*/; do [ "$(basename "$d")" = archief ] || mv "$d" "$W/share/archief/"; done
MOVED=$(scan "$W/data" moved)
grep -E "moved:|items:" "$W/moved.txt" | sed 's/^/  /'
mkdir -p "$W/whole/keys" && cp -a "$W/data/keys/." "$W/whole/keys/"
WHOLE=$(scan "$W/whole" whole)
echo "rescan after every folder moved: $MOVED s; the moved share read whole: $WHOLE s ($(python3 -c "print(f'{$WHOLE/$MOVED:.1f}')")x)"
java -jar target/inzage.jar findings --data "$W/data" --json | sort > "$W/moved.findings"
java -jar target/inzage.jar findings --data "$W/whole" --json | sort > "$W/whole.findings"
if cmp -s "$W/moved.findings" "$W/whole.findings"; then
  echo "findings: $(wc -l < "$W/moved.findings"), identical line for line"
else
  echo "findings differ: $(diff "$W/moved.findings" "$W/whole.findings" | grep -c '^[<>]') line(s)"; exit 1
fi
