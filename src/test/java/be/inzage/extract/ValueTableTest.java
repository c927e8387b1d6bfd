package be.inzage.extract;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compact value table gives back exactly what was put in, whatever the values and however many lines. */
class ValueTableTest {

    private final long pool = TablePool.size();

    @AfterEach
    void restorePool() {
        TablePool.size(pool);
    }

    /** What a value should read back as. */
    private static final class Model {
        final int kind;
        final String value;
        final long keyHash;
        final List<Integer> lines = new ArrayList<>();
        final List<Integer> records = new ArrayList<>();
        int count;
        double confidence;
        long first;
        long last;

        Model(int kind, String value, long keyHash) {
            this.kind = kind;
            this.value = value;
            this.keyHash = keyHash;
        }
    }

    @Test
    void everyValueReadsBackItsCountsTimesLinesAndRecords() {
        Random r = new Random(7);
        ValueTable t = new ValueTable();
        Map<String, Model> models = new LinkedHashMap<>();
        double[] confidences = {0.5, 0.85, 0.9, 0.95, 1.0};
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            values.add(switch (i % 5) {
                case 0 -> "10." + i / 256 + "." + i % 256 + ".1";
                case 1 -> "visitor" + i + "@example.be";
                case 2 -> "Łukasz-" + i + "-ÿ€"; // wider than Latin-1
                case 3 -> "x".repeat(1100 + i % 7) + i; // longer than a page key
                default -> Long.toHexString(r.nextLong());
            });
        }
        int line = 0;
        for (int step = 0; step < 120_000; step++) {
            // a few busy values (thousands of lines: every block size), the rest now and then
            String value = r.nextInt(4) == 0 ? values.get(r.nextInt(3)) : values.get(r.nextInt(values.size()));
            int kind = value.hashCode() & 1; // two kinds, some values under both
            if (r.nextInt(50) == 0) {
                kind = 2;
            }
            String key = kind + "\u0000" + value;
            int h = ValueTable.hash(kind, value);
            int v = t.find(kind, value, h);
            Model m = models.get(key);
            assertEquals(m == null, v < 0, "found exactly when added before: " + key.length());
            if (v < 0) {
                m = new Model(kind, value, r.nextLong());
                models.put(key, m);
                v = t.add(kind, value, h, m.keyHash);
                assertEquals(models.size() - 1, v, "numbered in order of arrival");
            }
            if (step % 1000 == 0) {
                // reading ahead (of values there and not there) changes nothing the checks below would see
                int[] ahead = new int[64];
                for (int a = 0; a < ahead.length; a++) {
                    String any = values.get(r.nextInt(values.size()));
                    ahead[a] = a % 2 == 0 ? ValueTable.hash(any.hashCode() & 1, any) : r.nextInt();
                }
                t.readAhead(ahead, ahead.length);
            }
            line += r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(r.nextInt(10) == 0 ? 100_000 : 5);
            int at = r.nextInt(40) == 0 ? Math.max(1, line - 1 - r.nextInt(50)) : line; // now and then a line that comes back
            double c = confidences[r.nextInt(confidences.length)];
            long now = r.nextInt(10) == 0 ? 0 : 1_600_000_000_000L + r.nextInt(1_000_000_000);
            t.occurrence(v, c, now, at);
            m.count++;
            m.confidence = Math.max(m.confidence, c);
            if (now > 0) {
                m.first = m.first == 0 ? now : Math.min(m.first, now);
                m.last = Math.max(m.last, now);
            }
            if (at > 0 && (m.lines.isEmpty() || m.lines.get(m.lines.size() - 1) != at)) { // line 0: no line
                m.lines.add(at);
            }
            if (r.nextInt(3) == 0) {
                int record = r.nextInt(4) == 0 && !m.records.isEmpty() ? m.records.get(m.records.size() - 1) : 1 + r.nextInt(Math.max(1, line));
                t.addRecord(v, record);
                if (m.records.size() < ValueTable.MAX_RECORDS && (m.records.isEmpty() || m.records.get(m.records.size() - 1) != record)) {
                    m.records.add(record);
                }
            }
        }
        assertEquals(models.size(), t.size());
        int v = 0;
        boolean busy = false;
        for (Model m : models.values()) {
            assertEquals(m.value, t.value(v));
            assertEquals(m.kind, t.kind(v));
            assertEquals(m.keyHash, t.keyHash(v));
            assertEquals(m.count, t.count(v));
            assertEquals(m.confidence, t.confidence(v));
            assertEquals(m.first, t.first(v));
            assertEquals(m.last, t.last(v));
            int[] lines = new int[t.lineCount(v)];
            int[] records = new int[t.recordCount(v)];
            t.linesAndRecords(v, lines, records);
            assertArrayEquals(m.lines.stream().mapToInt(Integer::intValue).toArray(), lines, m.value);
            assertArrayEquals(m.records.stream().mapToInt(Integer::intValue).toArray(), records, m.value);
            busy |= lines.length > 5_000 && records.length == ValueTable.MAX_RECORDS;
            v++;
        }
        assertTrue(busy, "some value went through every block size and kept its first records only");
    }

    @Test
    void valuesComeOutInTheOrderOfTheirHashesThenOfTheirKinds() {
        ValueTable t = new ValueTable();
        Random r = new Random(3);
        int n = 5000;
        long[] k0 = new long[n];
        long[] k1 = new long[n];
        for (int i = 0; i < n; i++) {
            int kind = i % 3;
            String value = "v" + i / 3;
            t.add(kind, value, ValueTable.hash(kind, value), 0);
            // one value under three kinds shares its hash; some hashes share their first 42 bits
            k0[i] = i % 3 == 0 ? r.nextLong() & (r.nextBoolean() ? -1L : ~0x3FFFFFL) : k0[i - i % 3];
            k1[i] = i % 3 == 0 ? r.nextLong() : k1[i - i % 3];
        }
        int[] order = t.sortedByHash(k0, k1, (a, b) -> Integer.compare(t.kind(a), t.kind(b)));
        assertEquals(n, Arrays.stream(order).distinct().count());
        for (int i = 1; i < n; i++) {
            int a = order[i - 1];
            int b = order[i];
            int c = Long.compareUnsigned(k0[a], k0[b]);
            c = c != 0 ? c : Long.compareUnsigned(k1[a], k1[b]);
            c = c != 0 ? c : Integer.compare(t.kind(a), t.kind(b));
            assertTrue(c < 0, "ascending at " + i);
        }
    }

    @Test
    void aTableBorrowsFromTheSharedPoolAndGivesItBack() {
        TablePool.size(8L << 20);
        long free = TablePool.free();
        ValueTable a = new ValueTable();
        ValueTable b = new ValueTable();
        int added = 0;
        while (a.room()) {
            String value = "198.51." + added / 256 + "." + added % 256 + "-" + added;
            a.occurrence(a.add(0, value, ValueTable.hash(0, value), 0), 1.0, 0, ++added);
        }
        assertTrue(added > 10_000, "a table fills the pool: " + added);
        assertTrue(a.bytes() <= 9L << 20, "and holds no more than it (and its own first megabyte): " + a.bytes());
        assertTrue(TablePool.free() < 1 << 20, "the pool is lent out");
        int bAdded = 0;
        while (b.room()) {
            b.add(0, "b" + bAdded, ValueTable.hash(0, "b" + bAdded), 0);
            bAdded++;
        }
        assertTrue(bAdded < added / 4, "another table gets little while the first holds the pool: " + bAdded);
        a.release();
        assertTrue(b.room(), "once the first is written, the second may grow");
        b.release();
        assertEquals(free, TablePool.free(), "all given back");
        assertFalse(a.full());
        // once an item has filled a table, its next ones take half the pool: one fills while the other is written
        ValueTable half = new ValueTable(TablePool.size() / 2);
        int n = 0;
        while (half.room()) {
            half.add(0, "h" + n, ValueTable.hash(0, "h" + n), 0);
            n++;
        }
        assertTrue(half.bytes() <= (4L << 20) + (1 << 20) && TablePool.free() >= 3L << 20,
                "at most half the pool (and its own first megabyte): " + half.bytes() + ", free " + TablePool.free());
        half.release();
        assertEquals(free, TablePool.free());
    }
}
