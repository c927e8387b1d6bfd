#!/usr/bin/env bash
# Documents through Tika: Inzage's whole scan against bare Tika extraction of the same files, and an
# unchanged rescan of a 10,000-file share against its full scan. See bench/README.md.
# Usage: bash bench/documents.sh [DOCS] [TEXT_FILES]
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS=${1:-1200}
FILES=${2:-10000}
OUT=bench/out
mkdir -p "$OUT/classes"
[ -f target/inzage.jar ] && [ -d target/test-classes/be/inzage/testdata ] || mvn -q -B package -DskipTests
javac -cp target/inzage.jar -d "$OUT/classes" bench/DocBench.java
now() { date +%s.%N; }

DOCDIR=$OUT/docs-$DOCS
if [ ! -d "$DOCDIR" ]; then java -cp target/inzage.jar:"$OUT/classes" DocBench gen "$DOCDIR" "$DOCS"; fi
echo "documents: $(find "$DOCDIR" -type f | wc -l) files, $(du -sb "$DOCDIR" | cut -f1) bytes"
t0=$(now); TIKA=$(java -Xmx512m -cp target/inzage.jar:"$OUT/classes" DocBench tika "$DOCDIR" 2 2>/dev/null | tail -1); t1=$(now)
TIKA_S=$(python3 -c "print($t1-$t0)")
echo "bare tika process (2 threads): ${TIKA_S}s ($TIKA)"
rm -rf "$OUT/docdata"
t0=$(now); java -Xmx512m -jar target/inzage.jar scan "$DOCDIR" --data "$OUT/docdata" > "$OUT/docscan.txt" 2>/dev/null; t1=$(now)
SCAN_S=$(python3 -c "print($t1-$t0)")
head -4 "$OUT/docscan.txt"
python3 -c "print(f'inzage scan: {float(\"$SCAN_S\"):.1f} s; bare tika {float(\"$TIKA_S\"):.1f} s; throughput ratio inzage/tika = {float(\"$TIKA_S\")/float(\"$SCAN_S\"):.2f} (target >= 0.85)')"

SHARE=$OUT/share-$FILES
if [ ! -d "$SHARE" ]; then
  java -cp target/inzage.jar:target/test-classes be.inzage.testdata.CorpusGenerator "$SHARE" "$FILES" 0 11 >/dev/null
  mkdir -p "$OUT/labels-share" && mv "$SHARE"/labels.jsonl "$SHARE"/nearmisses.jsonl "$OUT/labels-share/"
fi
rm -rf "$OUT/sharedata"
t0=$(now); java -Xmx512m -jar target/inzage.jar scan "$SHARE" --data "$OUT/sharedata" >/dev/null 2>&1; t1=$(now)
t2=$(now); java -Xmx512m -jar target/inzage.jar scan "$SHARE" --data "$OUT/sharedata" > "$OUT/rescan.txt" 2>/dev/null; t3=$(now)
head -2 "$OUT/rescan.txt"
python3 -c "f=$t1-$t0; u=$t3-$t2; print(f'{$FILES} files: full scan {f:.1f} s, unchanged rescan {u:.1f} s = {100*u/f:.1f} % (target <= 5 %)')"
