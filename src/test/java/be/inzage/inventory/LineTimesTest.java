package be.inzage.inventory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A log's findings store their times against its line times; whatever the log's clock did (out of
 * order, milliseconds, long stretches without a time), each reads back exactly.
 */
class LineTimesTest {

    /** The time of each line of a log (0: the line has none), in one of four kinds of clock. */
    private static long[] clock(Random rnd, int lines, int kind) {
        long[] t = new long[lines + 1];
        long now = 1_735_689_600_000L + rnd.nextInt(1_000_000) * 1000L;
        for (int l = 1; l <= lines; l++) {
            switch (kind) {
                case 0 -> now += rnd.nextInt(3) * 1000L; // in order, whole seconds
                case 1 -> now += rnd.nextInt(2000) - 600; // milliseconds, sometimes back in time
                case 2 -> now += rnd.nextInt(5) == 0 ? rnd.nextInt(86_400) * 1000L : 0; // bursts and long gaps
                default -> now = 1_600_000_000_000L + rnd.nextInt(1_000_000_000); // no order at all
            }
            boolean untimed = kind == 2 ? (l / 3000) % 2 == 1 : rnd.nextInt(50) == 0; // stretches longer than a step
            t[l] = untimed ? 0 : now;
        }
        return t;
    }

    private static LineTimes table(long[] t, int from, int to) {
        LineTimes.Builder b = new LineTimes.Builder();
        for (int l = from; l <= to; l++) {
            if (t[l] != 0) {
                b.note(l, t[l]);
            }
        }
        return b.build();
    }

    @Test
    void findingsReadBackTheirExactTimesAfterAFirstReadAndAnAppendedOne(@TempDir Path dir) throws IOException {
        Random rnd = new Random(5);
        for (int kind = 0; kind < 4; kind++) {
            int lines = 9_000 + rnd.nextInt(3_000);
            int firstRead = lines * 2 / 3;
            long[] t = clock(rnd, lines, kind);
            LineTimes first = table(t, 1, firstRead);
            LineTimes appended = table(t, firstRead + 1, lines);
            assertNotNull(first);
            List<Finding> batch1 = new ArrayList<>();
            List<Finding> batch2 = new ArrayList<>();
            Map<String, Finding> written = new HashMap<>();
            KeyedHasher hasher = new KeyedHasher(new byte[32]);
            for (int v = 0; v < 400; v++) {
                // a value within the first read, within the appended lines, or over both (then stored as it is)
                int where = rnd.nextInt(3);
                int lo = where == 1 ? firstRead + 1 : 1;
                int hi = where == 0 ? firstRead : lines;
                TreeSet<Integer> at = new TreeSet<>();
                int n = 1 + rnd.nextInt(rnd.nextBoolean() ? 3 : 40);
                while (at.size() < n) {
                    at.add(lo + rnd.nextInt(hi - lo + 1));
                }
                int[] l = at.stream().mapToInt(Integer::intValue).toArray();
                long firstSeen = Math.max(1, t[l[0]] != 0 ? t[l[0]] : t[Math.max(1, l[0] - 1)] + 1);
                long lastSeen = rnd.nextInt(4) == 0 ? firstSeen + rnd.nextInt(5_000_000) : Math.max(1, t[l[l.length - 1]]);
                if (kind == 0 && rnd.nextBoolean()) {
                    firstSeen = firstSeen / 1000 * 1000; // whole seconds, stored in seconds
                    lastSeen = lastSeen / 1000 * 1000 + 1000;
                }
                LineTimes times = where == 1 ? appended : first;
                String hash = hasher.hash("10.0." + kind + "." + v);
                Finding f = new Finding("src1", "file:///logs", "log", "/logs/access.log", null, "client", "ip_address",
                        "electronic", "normal", 0.9, "10.***.***." + v, hash, List.of(), LineSet.encode(l), n,
                        new LineRecords("c" + kind, l, l.length, false, times), "c" + kind, 0, null, firstSeen, lastSeen);
                (where == 1 ? batch2 : batch1).add(f);
                written.put(hash, f);
            }
            try (InventoryIndex idx = InventoryIndex.openWriter(dir.resolve("k" + kind))) {
                idx.replace("c" + kind, batch1, 1, true, List.of(), first);
                idx.addSets("c" + kind, List.of(), appended);
                idx.replace("c" + kind, batch2, 1, false);
                idx.commit();
            }
            int[] read = {0};
            try (InventoryIndex idx = InventoryIndex.openReader(dir.resolve("k" + kind))) {
                idx.forEach(back -> {
                    Finding f = written.get(back.hash());
                    assertEquals(f.lines(), back.lines());
                    assertEquals(f.firstSeen(), back.firstSeen(), "first seen, lines " + f.lines());
                    assertEquals(f.lastSeen(), back.lastSeen(), "last seen, lines " + f.lines());
                    read[0]++;
                });
            }
            assertEquals(written.size(), read[0]);
        }
    }

    /** A read's table is decoded once per segment, not once per reader (a log read on often reads back in many batches). */
    @Test
    void readersShareTheDecodedTables(@TempDir Path dir) throws IOException {
        long[] t = clock(new Random(2), 5_000, 0);
        try (InventoryIndex idx = InventoryIndex.openWriter(dir)) {
            idx.addSets("c1", List.of(), table(t, 1, 3_000));
            idx.addSets("c1", List.of(), table(t, 3_001, 5_000));
            idx.commit();
        }
        try (org.apache.lucene.store.FSDirectory d = org.apache.lucene.store.FSDirectory.open(dir);
             org.apache.lucene.index.DirectoryReader r = org.apache.lucene.index.DirectoryReader.open(d)) {
            LineTimes.Parts first = new SetLines.Reader(new org.apache.lucene.search.IndexSearcher(r)).times("c1");
            LineTimes.Parts second = new SetLines.Reader(new org.apache.lucene.search.IndexSearcher(r)).times("c1");
            for (int line : new int[] {1, 2_999, 3_001, 5_000}) {
                assertNotNull(first.of(line), "line " + line);
                assertTrue(first.of(line) == second.of(line), "the same table object, line " + line);
            }
            assertNull(new SetLines.Reader(new org.apache.lucene.search.IndexSearcher(r)).times("c2").of(1));
        }
    }

    @Test
    void aLogReadInTimeOrderStoresItsTimesInAFewBitsAndNeedsItsTable() {
        Random rnd = new Random(8);
        long[] t = clock(rnd, 50_000, 0);
        LineTimes table = table(t, 1, 50_000);
        byte[] raw = KeyedHasher.bytes(new KeyedHasher(new byte[32]).hash("203.0.113.9"));
        int[] l = {17_001, 30_500, 49_999};
        StoredFinding.Fields f = new StoredFinding.Fields("c1", "client", "ip_address", "electronic", "normal", 0.9,
                "203.***.***.9", KeyedHasher.text(raw), LineSet.encode(l), 3, "", t[17_001], t[49_999], 0, List.of(), null);
        int against = StoredFinding.encode(f, raw, null, false, table).length;
        int absolute = StoredFinding.encode(f, raw, null, false, null).length;
        assertTrue(against + 5 <= absolute, against + " bytes against the table, " + absolute + " without");
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> StoredFinding.decode(StoredFinding.encode(f, raw, null, false, table)));
        assertTrue(e.getMessage().contains("line times"), e.getMessage());
        // a table that does not hold the last line is not used
        LineTimes part = table(t, 1, 40_000);
        assertEquals(absolute, StoredFinding.encode(f, raw, null, false, part).length);
    }

    @Test
    void aTableReadsBackAsWrittenAndPartsAreFoundByLine() {
        Random rnd = new Random(3);
        long[] t = clock(rnd, 20_000, 1);
        t[1] = t[12_000] = t[12_001] = 1_700_000_000_000L; // the reads' first and last lines have times
        LineTimes a = table(t, 1, 12_000);
        LineTimes b = table(t, 12_001, 20_000);
        LineTimes aBack = LineTimes.decode(a.encode());
        for (int l = 1; l <= 12_000; l++) {
            assertEquals(a.predict(l), aBack.predict(l));
        }
        LineTimes.Parts parts = new LineTimes.Parts(List.of(LineTimes.decode(b.encode()), aBack));
        assertEquals(aBack, parts.of(1));
        assertEquals(aBack, parts.of(12_000));
        assertEquals(b.predict(12_001), parts.of(12_001).predict(12_001));
        assertNull(parts.of(20_001));
        assertNull(parts.of(0));
        // many reads of a few lines each, one line apart (an untimed line between): each line finds its own
        List<LineTimes> many = new ArrayList<>();
        for (int first = 1; first < 3_000; first += 3) {
            LineTimes.Builder one = new LineTimes.Builder();
            one.note(first, 1_000L * first);
            one.note(first + 1, 1_000L * first + 5);
            many.add(one.build());
        }
        java.util.Collections.shuffle(many, rnd);
        LineTimes.Parts all = new LineTimes.Parts(many);
        for (int l = 1; l < 3_000; l++) {
            LineTimes p = all.of(l);
            if (l % 3 == 0) {
                assertNull(p, "line " + l + " is in no read");
            } else {
                assertEquals(1_000L * (l - (l - 1) % 3) + ((l - 1) % 3) * 5, p.predict(l), "line " + l);
            }
        }
        assertNull(new LineTimes.Builder().build(), "no line had a time");
    }
}
