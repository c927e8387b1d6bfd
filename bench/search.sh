#!/usr/bin/env bash
# Subject search latency over a generated inventory (default 10,000,000 findings); see bench/README.md.
# Usage: bash bench/search.sh [FINDINGS] [QUERIES]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000000}
Q=${2:-2000}
OUT=bench/out
mkdir -p "$OUT/classes"
[ -f target/inzage.jar ] || mvn -q -B package -DskipTests
javac -cp target/inzage.jar -d "$OUT/classes" bench/SearchBench.java
java -Xmx1g -cp target/inzage.jar:"$OUT/classes" SearchBench "$OUT/inventory-$N" "$N" "$Q"
