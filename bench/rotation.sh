#!/usr/bin/env bash
# Daily scans of a rotated log folder (logrotate with compress + delaycompress), against reading the
# same folder whole, in one run. Usage: bash bench/rotation.sh [SIZE_MB]   (default 100; see bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-100}
OUT=bench/out
LOG=$OUT/access-$MB.log
mkdir -p "$OUT"
[ -f target/inzage.jar ] || mvn -q -B package -DskipTests
if [ ! -s "$LOG" ]; then
  PYTHONHASHSEED=0 python3 bench/gen_weblog.py "$LOG" $((MB * 1000000)) > "$LOG.lines"
fi
DAY=$OUT/day-1pct.log   # what a day adds: 1 % of the log, the same visitors
PYTHONHASHSEED=0 python3 bench/gen_weblog.py "$DAY" $((MB * 10000)) > /dev/null
R=$OUT/rotated
DATA=$OUT/rotation-data
rm -rf "$R" "$DATA" && mkdir -p "$R"
now() { date +%s.%N; }
scan() { # DATA_DIR LABEL
  local t0 t1; t0=$(now)
  java -Xmx512m -jar target/inzage.jar scan "log://$(realpath "$R")" --data "$1" > "$OUT/rotation-$2.txt" 2>&1
  t1=$(now); python3 -c "print(f'{$t1-$t0:.2f}')"
}
fresh() { # day N's new access.log (its own first lines), written an hour ago (not being written)
  tail -n +$(($1 * 7 + 1)) "$DAY" > "$R/access.log"; touch -d '-1 hour' "$R/access.log"
}
cp "$LOG" "$R/access.log"; touch -d '-3 hours' "$R/access.log"
echo "day 0: access.log ($(du -h "$R/access.log" | cut -f1)) read whole: $(scan "$DATA" day0) s"

cat "$DAY" >> "$R/access.log"   # lines written between the scan and the rotation
mv "$R/access.log" "$R/access.log.1"; fresh 1
echo "day 1: 1 % more lines, then access.log -> access.log.1, new access.log: $(scan "$DATA" day1) s"
grep -E "renamed|appended|items:" "$OUT/rotation-day1.txt" | sed 's/^/  /'

gzip "$R/access.log.1"; mv "$R/access.log.1.gz" "$R/access.log.2.gz"; mv "$R/access.log" "$R/access.log.1"; fresh 2
echo "day 2: access.log.1 -> access.log.2.gz, access.log -> access.log.1, new access.log: $(scan "$DATA" day2) s"
grep -E "renamed|items:" "$OUT/rotation-day2.txt" | sed 's/^/  /'

mv "$R/access.log.2.gz" "$R/access.log.3.gz"; gzip "$R/access.log.1"; mv "$R/access.log.1.gz" "$R/access.log.2.gz"
mv "$R/access.log" "$R/access.log.1"; fresh 3
echo "day 3: .2.gz -> .3.gz, .1 -> .2.gz, access.log -> .1, new access.log: $(scan "$DATA" day3) s"
grep -E "renamed|items:" "$OUT/rotation-day3.txt" | sed 's/^/  /'

rm -rf "$DATA.whole"
echo "the same folder read whole (what every daily scan cost before): $(scan "$DATA.whole" whole) s"
grep -E "findings:" "$OUT/rotation-whole.txt" "$OUT/rotation-day3.txt" | sed 's/^/  /'
