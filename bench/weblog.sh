#!/usr/bin/env bash
# Web-log scan throughput against ripgrep extracting the client IPs of the same file, in one run.
# Usage: bash bench/weblog.sh [SIZE_MB]   (default 1100 MB of combined+cookie log; see bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-1100}
OUT=bench/out
LOG=$OUT/access-$MB.log
mkdir -p "$OUT"
command -v rg >/dev/null || { apt-get update -qq; apt-get install -y -qq ripgrep >/dev/null; }
[ -f target/inzage.jar ] || mvn -q -B package -DskipTests
if [ ! -s "$LOG" ]; then
  echo "generating $MB MB of combined+cookie log in $LOG ..."
  PYTHONHASHSEED=0 python3 bench/gen_weblog.py "$LOG" $((MB * 1000000)) > "$LOG.lines"
fi
BYTES=$(stat -c %s "$LOG")
LINES=$(wc -l < "$LOG")
echo "log: $BYTES bytes, $LINES lines"
now() { date +%s.%N; }
cat "$LOG" > /dev/null   # warm the page cache for both

t0=$(now); rg -o -N '^[0-9]{1,3}(?:\.[0-9]{1,3}){3}' "$LOG" | wc -l > "$OUT/rg-ips.count"; t1=$(now)
RG_S=$(python3 -c "print($t1-$t0)")
echo "ripgrep IPs:   $(python3 -c "print(f'{$LINES/$RG_S:,.0f}')") lines/s ($(cat "$OUT/rg-ips.count") matches, ${RG_S}s)"

DATA=$OUT/weblog-data
rm -rf "$DATA"
t0=$(now)
java -Xmx512m -Dinzage.stats=true -jar target/inzage.jar scan "log://$(realpath "$LOG")" --data "$DATA" > "$OUT/weblog-scan.txt" 2>&1
t1=$(now)
SC_S=$(python3 -c "print($t1-$t0)")
INDEX=$(du -sb "$DATA/index" | cut -f1)
echo "inzage scan:   $(python3 -c "print(f'{$LINES/$SC_S:,.0f}')") lines/s (${SC_S}s, -Xmx512m)"
grep -E "peak_heap|findings:" "$OUT/weblog-scan.txt" | sed 's/^/  /'
python3 - <<PY
rg, sc = $LINES/$RG_S, $LINES/$SC_S
print(f"ratio scan/ripgrep: {sc/rg:.3f} (target >= 0.25)")
print(f"index: {$INDEX:,} bytes = {100*$INDEX/$BYTES:.2f} % of the log (target <= 5 %)")
PY

# The same scan through bin/inzage (class-data archive; the throughput collector for scans), into a data
# directory of its own; its archive is made first, outside the timing.
bin/inzage --version > /dev/null
rm -rf "$DATA-bin"
t0=$(now)
JAVA_OPTS=-Xmx512m bin/inzage scan "log://$(realpath "$LOG")" --data "$DATA-bin" > "$OUT/weblog-scan-bin.txt" 2>&1
t1=$(now)
BIN_S=$(python3 -c "print($t1-$t0)")
echo "bin/inzage scan: $(python3 -c "print(f'{$LINES/$BIN_S:,.0f}')") lines/s (${BIN_S}s, ratio $(python3 -c "print(f'{($LINES/$BIN_S)/($LINES/$RG_S):.3f}')"))"
rm -rf "$DATA-bin"

# The same log after 1 % more lines were appended (the same visitors, later): the rescan reads only them.
APPEND=$OUT/append-1pct.log
PYTHONHASHSEED=0 python3 bench/gen_weblog.py "$APPEND" $((BYTES / 100)) > /dev/null
cat "$APPEND" >> "$LOG"
trap 'truncate -s "$BYTES" "$LOG"' EXIT # the benchmark log as it was, for the next run, even if the rescan fails
touch -d '-1 hour' "$LOG" # not a log still being written
t0=$(now)
java -Xmx512m -Dinzage.stats=true -jar target/inzage.jar scan "log://$(realpath "$LOG")" --data "$DATA" > "$OUT/weblog-rescan.txt" 2>&1
t1=$(now)
RE_S=$(python3 -c "print($t1-$t0)")
echo "inzage rescan after $(stat -c %s "$APPEND") bytes appended: ${RE_S}s ($(python3 -c "print(f'{$SC_S/$RE_S:.1f}')")x faster than the full scan)"
grep -E "appended:|peak_heap" "$OUT/weblog-rescan.txt" | sed 's/^/  /'
