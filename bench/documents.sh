#!/usr/bin/env bash
# Documents through Tika: Inzage's whole scan against bare Tika extraction of the same files, and an
# unchanged rescan of a 10,000-file share against its full scan, from the command line and inside a
# running server. See bench/README.md.
# Usage: [ROUNDS=3] bash bench/documents.sh [DOCS...] [--files N]   (default: 1200 6000 documents, 10,000 text files)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=()
FILES=10000
while [ $# -gt 0 ]; do
  case "$1" in
    --files) FILES=$2; shift 2 ;;
    *) SIZES+=("$1"); shift ;;
  esac
done
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1200 6000)
OUT=bench/out
mkdir -p "$OUT/classes"
[ -f target/inzage.jar ] && [ -d target/test-classes/be/inzage/testdata ] || mvn -q -B package -DskipTests
javac -cp target/inzage.jar -d "$OUT/classes" bench/DocBench.java
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2-$1:.2f}')"; }

# This machine's neighbours make single runs vary by ±10 %: each size is measured ROUNDS times, the
# three processes interleaved, and the medians compared.
ROUNDS=${ROUNDS:-3}
median() { python3 -c "import statistics,sys; print(f'{statistics.median(map(float, sys.argv[1:])):.2f}')" "$@"; }
for DOCS in "${SIZES[@]}"; do
  DOCDIR=$OUT/docs-$DOCS
  if [ ! -d "$DOCDIR" ]; then java -cp target/inzage.jar:"$OUT/classes" DocBench gen "$DOCDIR" "$DOCS"; fi
  echo "documents: $(find "$DOCDIR" -type f | wc -l) files, $(du -sb "$DOCDIR" | cut -f1) bytes"
  NAMED=(); UNNAMED=(); SAX=(); SCANS=()
  for r in $(seq "$ROUNDS"); do
    # the baseline twice: with file names, as tika-app passes them, and without; the faster one counts
    t0=$(now); java -Xmx512m -cp target/inzage.jar:"$OUT/classes" DocBench tika "$DOCDIR" 2 >/dev/null 2>&1; t1=$(now)
    NAMED+=("$(secs "$t0" "$t1")")
    t0=$(now); java -Xmx512m -cp target/inzage.jar:"$OUT/classes" DocBench tika "$DOCDIR" 2 --no-names >/dev/null 2>&1; t1=$(now)
    UNNAMED+=("$(secs "$t0" "$t1")")
    # not the baseline: Tika with Inzage's own choice of streaming docx/pptx extractors, to show what Inzage adds
    t0=$(now); java -Xmx512m -cp target/inzage.jar:"$OUT/classes" DocBench tika "$DOCDIR" 2 --sax >/dev/null 2>&1; t1=$(now)
    SAX+=("$(secs "$t0" "$t1")")
    rm -rf "$OUT/docdata"
    t0=$(now); java -Xmx512m -Dinzage.stats=true -jar target/inzage.jar scan "$DOCDIR" --data "$OUT/docdata" > "$OUT/docscan.txt" 2>"$OUT/docscan.err"; t1=$(now)
    SCANS+=("$(secs "$t0" "$t1")")
  done
  head -4 "$OUT/docscan.txt"
  grep -h "peak_heap\|end_of_scan" "$OUT/docscan.err" || true
  echo "bare tika process (2 threads), with file names: ${NAMED[*]} s; without: ${UNNAMED[*]} s; with streaming office extractors: ${SAX[*]} s; inzage scan: ${SCANS[*]} s"
  TIKA_S=$(python3 -c "print(min($(median "${NAMED[@]}"), $(median "${UNNAMED[@]}")))")
  SAX_S=$(median "${SAX[@]}")
  SCAN_S=$(median "${SCANS[@]}")
  python3 -c "print(f'{$DOCS} documents, medians of $ROUNDS: inzage scan {$SCAN_S:.1f} s; bare tika {$TIKA_S:.1f} s; throughput ratio inzage/tika = {$TIKA_S/$SCAN_S:.2f} (target >= 0.85); against tika with the same streaming extractors ({$SAX_S:.1f} s): {$SAX_S/$SCAN_S:.2f}')"
done

SHARE=$OUT/share-$FILES
if [ ! -d "$SHARE" ]; then
  java -cp target/inzage.jar:target/test-classes be.inzage.testdata.CorpusGenerator "$SHARE" "$FILES" 0 11 >/dev/null
  mkdir -p "$OUT/labels-share" && mv "$SHARE"/labels.jsonl "$SHARE"/nearmisses.jsonl "$OUT/labels-share/"
fi
# the command line: two processes, as a user runs them; with plain `java -jar`, then with bin/inzage
# (the same jar with a class-data-sharing archive, made here on its first use)
for how in jar launcher; do
  if [ $how = jar ]; then run=(java -Xmx512m -jar target/inzage.jar); else run=(env JAVA_OPTS=-Xmx512m bin/inzage); bin/inzage --version >/dev/null; fi
  rm -rf "$OUT/sharedata"
  t0=$(now); "${run[@]}" scan "$SHARE" --data "$OUT/sharedata" >/dev/null 2>&1; t1=$(now)
  RESCANS=()
  for r in 1 2 3; do
    t2=$(now); "${run[@]}" scan "$SHARE" --data "$OUT/sharedata" > "$OUT/rescan.txt" 2>/dev/null; t3=$(now)
    RESCANS+=("$(secs "$t2" "$t3")")
  done
  head -2 "$OUT/rescan.txt"
  python3 -c "f=$t1-$t0; u=$(median "${RESCANS[@]}"); print(f'command line ($how), {$FILES} files: full scan {f:.1f} s, unchanged rescans ${RESCANS[*]} s, median {u:.2f} s = {100*u/f:.1f} % (target <= 5 %)')"
done
python3 bench/server_rescan.py target/inzage.jar "$SHARE" "$OUT/server" 3
