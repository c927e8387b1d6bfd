#!/usr/bin/env bash
# Full inventory scan of a generated 1,000,000-row customers table against the database's own
# export of the same table, in one run: psql \copy (PostgreSQL) and mysql --quick (MariaDB).
# Usage: bash bench/database.sh [ROWS]   (see bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
OUT=bench/out
DB=inzage_bench
mkdir -p "$OUT"
[ -f target/inzage.jar ] || mvn -q -B package -DskipTests
now() { date +%s.%N; }
rate() { python3 -c "print(f'{$ROWS/($2-$1):,.0f}')"; }
mkdir -p "$OUT/classes"
javac -cp target/inzage.jar -d "$OUT/classes" bench/DbFloor.java
# The floor (DbFloor.java): fetch through the Vert.x client, HMAC of the three per-row values,
# three hash terms per row in Lucene; no detection, no JVM start. Printed beside the target.
floor() {
  local f; f=$(java -Xmx2g -cp target/inzage.jar:"$OUT/classes" DbFloor "$1" 127.0.0.1 "$2" $DB "$3" customers 2>/dev/null | tail -1)
  echo "  floor: $f"
  python3 - "$f" "$COPY_S" "$ROWS" <<'PY'
import sys
kv = dict(x.split('=') for x in sys.argv[1].split())
copy, rows = float(sys.argv[2]), int(sys.argv[3])
budget = copy / 0.5
print(f"  target 0.5x the export = {budget:.2f} s for the whole scan; the floor alone takes {float(kv['floor_s']):.2f} s wall"
      f" ({float(kv['floor_s'])/budget:.1f}x the budget) and {float(kv['cpu_s']):.2f} CPU-s"
      f" (>= {float(kv['cpu_s'])/2:.2f} s on 2 cores, {float(kv['cpu_s'])/2/budget:.1f}x the budget)")
PY
}

echo "== PostgreSQL, $ROWS rows"
psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $DB" -c "create database $DB"
psql -q -h 127.0.0.1 -U postgres -d $DB <<SQL
create table customers (id bigint primary key, first_name text, last_name text, email text, phone text, iban text,
  street text, city text, ip inet, notes text);
insert into customers
select g, (array['Jan','An','Pieter','Lies','Marc','Sofie','Tom','Els'])[1 + g % 8],
       (array['Peeters','Janssens','Maes','Jacobs','Mertens','Willems','Claes','Goossens'])[1 + g / 8 % 8],
       'klant' || g || '@example.be', '+32 4' || lpad((70000000 + g)::text, 8, '0'),
       'BE' || lpad((g % 97)::text, 2, '0') || lpad(g::text, 12, '0'),
       'Kerkstraat ' || (1 + g % 200), (array['Gent','Antwerpen','Brussel','Leuven'])[1 + g % 4],
       ('10.' || (g / 65536 % 256) || '.' || (g / 256 % 256) || '.' || (g % 256))::inet,
       case when g % 10 = 0 then 'Belde op ' || current_date || ', vraagt offerte, mail ' || 'klant' || g || '@example.be' else 'geen opmerkingen' end
from generate_series(1, $ROWS) g;
analyze customers;
SQL
t0=$(now); psql -q -h 127.0.0.1 -U postgres -d $DB -c "\\copy customers to '/dev/null'"; t1=$(now)
echo "psql \\copy:    $(rate $t0 $t1) rows/s"
COPY_S=$(python3 -c "print($t1-$t0)")
rm -rf "$OUT/db-data"
t0=$(now); java -Xmx512m -Dinzage.stats=true -jar target/inzage.jar scan "postgres://postgres@127.0.0.1:5432/$DB" --data "$OUT/db-data" > "$OUT/db-scan-pg.txt" 2>&1; t1=$(now)
echo "inzage scan:    $(rate $t0 $t1) rows/s ($(python3 -c "print(f'{$t1-$t0:.1f}')") s, -Xmx512m)"
grep -E "findings:|peak_heap" "$OUT/db-scan-pg.txt" | sed 's/^/  /'
du -sh "$OUT/db-data/index" | sed 's/^/  index: /'
full=$(python3 -c "print($t1-$t0)")
floor pg 5432 postgres

echo "-- rescan after 1 % of the rows changed: 10,000 updated, 1,000 deleted, 1,000 inserted"
psql -q -h 127.0.0.1 -U postgres -d $DB <<SQL
update customers set email = 'nieuw' || id || '@example.be' where id % 100 = 1;
delete from customers where id % 1000 = 2;
insert into customers select g, 'Nieuwe', 'Klant', 'nieuwe' || g || '@example.be', '+32 4' || lpad((70000000 + g)::text, 8, '0'),
  null, null, null, null, null from generate_series($ROWS + 1, $ROWS + 1000) g;
SQL
sleep 2 # the statistics that say a table changed are flushed within a second
t0=$(now); java -Xmx512m -Dinzage.stats=true -jar target/inzage.jar scan "postgres://postgres@127.0.0.1:5432/$DB" --data "$OUT/db-data" > "$OUT/db-rescan-pg.txt" 2>&1; t1=$(now)
echo "inzage rescan:  $(python3 -c "print(f'{$t1-$t0:.1f} s = {$full/($t1-$t0):.1f}x faster than the full scan; {$ROWS/($t1-$t0):,.0f} table rows/s')")"
grep -E "incremental|read whole|peak_heap" "$OUT/db-rescan-pg.txt" | sed 's/^/  /'
for v in nieuw101@example.be klant101@example.be klant2002@example.be nieuwe$((ROWS + 7))@example.be; do
  printf '  search %-28s %s\n' "$v" "$(java -jar target/inzage.jar search --value "$v" --data "$OUT/db-data" --json | wc -l) location(s)"
done

echo "== MariaDB, $ROWS rows"
mysql -h 127.0.0.1 -u root -e "drop database if exists $DB; create database $DB"
mysql -h 127.0.0.1 -u root $DB <<SQL
create table customers (id bigint primary key, first_name varchar(40), last_name varchar(40), email varchar(80),
  phone varchar(20), iban varchar(34), street varchar(80), city varchar(40), ip varchar(45), notes text,
  changed timestamp not null default current_timestamp on update current_timestamp);
insert into customers
select seq, elt(1 + seq % 8, 'Jan','An','Pieter','Lies','Marc','Sofie','Tom','Els'),
       elt(1 + floor(seq / 8) % 8, 'Peeters','Janssens','Maes','Jacobs','Mertens','Willems','Claes','Goossens'),
       concat('klant', seq, '@example.be'), concat('+32 4', lpad(70000000 + seq, 8, '0')),
       concat('BE', lpad(seq % 97, 2, '0'), lpad(seq, 12, '0')), concat('Kerkstraat ', 1 + seq % 200),
       elt(1 + seq % 4, 'Gent','Antwerpen','Brussel','Leuven'),
       concat('10.', floor(seq / 65536) % 256, '.', floor(seq / 256) % 256, '.', seq % 256),
       if(seq % 10 = 0, concat('Belde op ', curdate(), ', vraagt offerte, mail klant', seq, '@example.be'), 'geen opmerkingen'),
       '2025-01-01 00:00:00'
from seq_1_to_$ROWS;
SQL
t0=$(now); mysql --quick -h 127.0.0.1 -u root $DB -e "select * from customers" > /dev/null; t1=$(now)
echo "mysql --quick:  $(rate $t0 $t1) rows/s"
COPY_S=$(python3 -c "print($t1-$t0)")
rm -rf "$OUT/db-data"
t0=$(now); java -Xmx512m -Dinzage.stats=true -jar target/inzage.jar scan "mysql://root@127.0.0.1:3306/$DB" --data "$OUT/db-data" > "$OUT/db-scan-my.txt" 2>&1; t1=$(now)
echo "inzage scan:    $(rate $t0 $t1) rows/s ($(python3 -c "print(f'{$t1-$t0:.1f}')") s, -Xmx512m)"
grep -E "findings:|peak_heap" "$OUT/db-scan-my.txt" | sed 's/^/  /'
full=$(python3 -c "print($t1-$t0)")
floor mysql 3306 root

echo "-- rescan after 1 % of the rows changed (the same changes; the table's ON UPDATE timestamp marks them)"
mysql -h 127.0.0.1 -u root $DB <<SQL
update customers set email = concat('nieuw', id, '@example.be') where id % 100 = 1;
delete from customers where id % 1000 = 2;
insert into customers (id, first_name, last_name, email, phone)
select seq, 'Nieuwe', 'Klant', concat('nieuwe', seq, '@example.be'), concat('+32 4', lpad(70000000 + seq, 8, '0'))
from seq_$((ROWS + 1))_to_$((ROWS + 1000));
SQL
sleep 1 # update_time counts in seconds
t0=$(now); java -Xmx512m -Dinzage.stats=true -jar target/inzage.jar scan "mysql://root@127.0.0.1:3306/$DB" --data "$OUT/db-data" > "$OUT/db-rescan-my.txt" 2>&1; t1=$(now)
echo "inzage rescan:  $(python3 -c "print(f'{$t1-$t0:.1f} s = {$full/($t1-$t0):.1f}x faster than the full scan; {$ROWS/($t1-$t0):,.0f} table rows/s')")"
grep -E "incremental|read whole|peak_heap" "$OUT/db-rescan-my.txt" | sed 's/^/  /'
