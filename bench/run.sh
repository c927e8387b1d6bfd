#!/usr/bin/env bash
# Detection and scan throughput against ripgrep (same files, equivalent patterns, no validation)
# and one npm PII library, all measured in this one run. See bench/README.md.
# Usage: bash bench/run.sh [CORPUS_MB] [FILES]
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-200}
FILES=${2:-2000}
OUT=bench/out
CORPUS=$OUT/corpus-$MB
mkdir -p "$OUT"

command -v rg >/dev/null || { apt-get update -qq; apt-get install -y -qq ripgrep >/dev/null; }
[ -f target/inzage.jar ] && [ -d target/test-classes/be/inzage/testdata ] || mvn -q -B package -DskipTests
if [ ! -f "$CORPUS/labels.jsonl" ]; then
  echo "generating a ${MB} MB corpus of $FILES files in $CORPUS ..."
  rm -rf "$CORPUS"
  java -cp target/inzage.jar:target/test-classes be.inzage.testdata.CorpusGenerator "$CORPUS" "$FILES" $((MB * 1000000)) 42 >/dev/null
fi
# the label files are not part of the share
mkdir -p "$OUT/labels-$MB" && mv -f "$CORPUS"/labels.jsonl "$CORPUS"/nearmisses.jsonl "$OUT/labels-$MB/" 2>/dev/null || true
touch "$CORPUS/labels.jsonl"
BYTES=$(du -sb --exclude=labels.jsonl "$CORPUS" | cut -f1)
echo "corpus: $BYTES bytes, $(find "$CORPUS" -type f | wc -l) files"

now() { date +%s.%N; }
mbs() { python3 -c "print(f'{$1/1e6/$2:.1f}')"; }

# 1. ripgrep, warm cache: read the files once first
cat $(find "$CORPUS" -type f) > /dev/null
args=(); while IFS= read -r p; do args+=(-e "$p"); done < bench/patterns.txt
t0=$(now); rg -o -N --no-filename "${args[@]}" "$CORPUS" > "$OUT/rg.out" || true; t1=$(now)
RG_S=$(python3 -c "print($t1-$t0)"); RG_MBS=$(mbs "$BYTES" "$RG_S")
echo "ripgrep:        $RG_MBS MB/s ($(wc -l < "$OUT/rg.out") matches, ${RG_S}s)"

# 2. Inzage detection only (pre-filter + regex + validators + context), 2 threads, -Xmx512m
mkdir -p "$OUT/classes"
javac -q -cp target/inzage.jar -d "$OUT/classes" bench/DetectBench.java 2>/dev/null || javac -cp target/inzage.jar -d "$OUT/classes" bench/DetectBench.java
# three passes in one JVM: the first is what a scan of this corpus gets, the third the compiled code's
# throughput once the JIT is done (a third of the first pass's CPU goes to the C2 compiler here)
DETS=$(java -Xmx512m -Dpasses=3 -cp target/inzage.jar:"$OUT/classes" DetectBench "$CORPUS" 2)
DET=$(echo "$DETS" | head -1)
DET_MBS=$(echo "$DET" | sed -n 's/.*detect_mb_s=\([0-9.]*\).*/\1/p')
WARM_MBS=$(echo "$DETS" | tail -1 | sed -n 's/.*detect_mb_s=\([0-9.]*\).*/\1/p')
echo "inzage detect:  $DET_MBS MB/s, $WARM_MBS MB/s in a third pass ($DET)"

# 3. The whole scan command: JVM start, walk, read, detect, hash, index, commit
rm -rf "$OUT/data"
t0=$(now); java -Xmx512m -Dinzage.stats=true -jar target/inzage.jar scan "$CORPUS" --data "$OUT/data" > "$OUT/scan.txt" 2> "$OUT/scan.err"; t1=$(now)
SCAN_S=$(python3 -c "print($t1-$t0)"); SCAN_MBS=$(mbs "$BYTES" "$SCAN_S")
HEAP=$(sed -n 's/peak_heap_mb=//p' "$OUT/scan.err")
echo "inzage scan:    $SCAN_MBS MB/s (${SCAN_S}s, peak heap ${HEAP} MB)"
sed -n '1,6p' "$OUT/scan.txt"

# 4. One npm PII library
if [ ! -d bench/node_modules/@redactpii/node ]; then (cd bench && npm install --silent --no-save @redactpii/node@1.0.17 >/dev/null 2>&1) || true; fi
if [ -d bench/node_modules/@redactpii/node ]; then
  NPM=$(node bench/redact.js "$CORPUS"); NPM_MBS=$(echo "$NPM" | sed -n 's/.*npm_mb_s=\([0-9.]*\).*/\1/p')
  echo "@redactpii/node: $NPM_MBS MB/s"
else
  NPM_MBS=n/a; echo "@redactpii/node: not installable here"
fi

python3 - "$RG_MBS" "$DET_MBS" "$SCAN_MBS" "$NPM_MBS" "$HEAP" "$WARM_MBS" <<'PY'
import sys
rg, det, scan, npm, heap, warm = sys.argv[1:]
rg, det, scan, warm = float(rg), float(det), float(scan), float(warm)
print()
print(f"| measure | MB/s | ratio to ripgrep | target |")
print(f"|---|---:|---:|---|")
print(f"| ripgrep (12 patterns, no validation) | {rg:.1f} | 1.00 | baseline |")
print(f"| inzage detection with validation, 2 threads | {det:.1f} | {det/rg:.3f} | >= 0.50 |")
print(f"| the same, third pass in the same JVM (JIT done) | {warm:.1f} | {warm/rg:.3f} | |")
print(f"| inzage whole scan command (-Xmx512m), peak heap {heap} MB | {scan:.1f} | {scan/rg:.3f} | >= 0.25 |")
if npm != 'n/a':
    print(f"| @redactpii/node 1.0.17 (node, 1 thread) | {float(npm):.1f} | {float(npm)/rg:.2f} | comparison |")
PY
