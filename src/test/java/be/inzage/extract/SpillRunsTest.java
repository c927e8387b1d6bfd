package be.inzage.extract;

import be.inzage.inventory.Finding;
import be.inzage.inventory.LineRecords;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spilled windows merge back into one finding per value, through intermediate merges when there are many runs. */
class SpillRunsTest {

    private static Finding entry(String hash, String type, String field, int line, List<String> records, long at) {
        return new Finding("s", "log:///x", "log", "/x.log", null, field, type, "electronic", "normal", 0.9, "m***", hash,
                List.of(), String.valueOf(line), 1, records, "cid1", 0, "", at, at);
    }

    /** The entry of a finding (its item fields are the template's when it is turned back). */
    static SpillEntry entryOf(Finding f) {
        SpillEntry e = new SpillEntry();
        byte[] keyed = be.inzage.inventory.KeyedHasher.bytes(f.hash());
        if (keyed != null) {
            e.hash(keyed);
        } else {
            e.text = f.hash();
        }
        e.type = f.type();
        e.field = f.field();
        e.category = f.category();
        e.risk = f.risk();
        e.confidence = f.confidence();
        e.masked = f.masked();
        e.aliases = f.aliases();
        e.count = f.count();
        e.first = f.firstSeen();
        e.last = f.lastSeen();
        if (be.inzage.inventory.LineSet.pages(f.lines()) || be.inzage.inventory.LineSet.sheets(f.lines())) {
            e.ranges = null;
            e.lineText = f.lines();
        } else {
            int[] lines = be.inzage.inventory.LineSet.decode(f.lines());
            e.lines(lines, lines.length);
        }
        if (f.records() instanceof LineRecords lr) {
            e.recs = lr.lines();
            e.nRecs = e.recs.length;
        } else {
            e.records = f.records();
        }
        e.rows = f.rows();
        return e;
    }

    /** A window of findings as the collector hands it over. */
    private static java.util.function.Supplier<List<SpillEntry>> window(List<Finding> findings) {
        return () -> new ArrayList<>(findings.stream().map(SpillRunsTest::entryOf).toList());
    }

    /** Merges the runs into findings with the template's item fields. */
    private static void merge(SpillRuns runs, Finding template, java.util.function.Consumer<Finding> out) {
        runs.merge(e -> out.accept(e.toFinding(template, 0, false, null)));
    }

    @Test
    void windowsAreSortedExactlyInKeyOrderThroughTheirPackedHashPrefixes() {
        java.util.Random random = new java.util.Random(7);
        List<SpillEntry> window = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            // few distinct high bits, so that the 42-bit prefixes tie often; some hashes that are not keyed hashes
            byte[] h = new byte[be.inzage.inventory.KeyedHasher.LENGTH];
            random.nextBytes(h);
            h[0] = (byte) random.nextInt(3);
            h[1] = 0;
            h[2] = 0;
            h[3] = (byte) (random.nextInt(2) << 7);
            h[4] = 0;
            String hash = random.nextInt(10) == 0 ? "t" + random.nextInt(50) : be.inzage.inventory.KeyedHasher.text(h);
            String[] types = {"cookie", "ip_address", "login"};
            window.add(entryOf(entry(hash, types[random.nextInt(3)], random.nextBoolean() ? null : "f" + random.nextInt(3), i,
                    List.of(), 0)));
        }
        List<SpillEntry> expected = new ArrayList<>(window);
        expected.sort(SpillEntry::compare);
        List<SpillEntry> actual = new ArrayList<>(window);
        java.util.Collections.shuffle(actual, random);
        SpillRuns.sortByKey(actual);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(0, SpillEntry.compare(expected.get(i), actual.get(i)), "position " + i);
        }
        assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(actual), "the same entries");
        for (int i = 1; i < expected.size(); i++) {
            SpillEntry x = expected.get(i - 1);
            SpillEntry y = expected.get(i);
            if (x.text == null && y.text == null) {
                assertTrue(x.hashText().compareTo(y.hashText()) != 0 || x.type.compareTo(y.type) <= 0, "keyed hashes apart by bytes");
                assertTrue(java.util.Arrays.compareUnsigned(be.inzage.inventory.KeyedHasher.bytes(x.hashText()),
                        be.inzage.inventory.KeyedHasher.bytes(y.hashText())) <= 0, "in the order of their bytes");
            }
        }
    }

    @Test
    void linesTravelAsRangesAndComeBackSpeltAsBefore() throws Exception {
        // a value on a dense block of lines, then scattered ones, over three windows; the middle window touches the first
        List<String> parts = List.of("1-1000000", "1000001-1000005,1000007", "1000007,2000000-2000002");
        Map<String, Finding> out = new TreeMap<>();
        try (SpillRuns runs = new SpillRuns(10)) {
            for (String lines : parts) {
                Finding f = new Finding("s", "log:///x", "log", "/x.log", null, "client", "ip_address", "electronic", "normal", 0.9,
                        "1.2.***.***", "h", List.of(), lines, 1, List.of("cid1:x"), "cid1", 0, "", 0, 0);
                runs.spill(window(List.of(f)));
            }
            merge(runs, entry("", "", null, 0, List.of(), 0), f -> out.put(f.hash(), f));
        }
        assertEquals("1-1000005,1000007,2000000-2000002", out.get("h").lines(), "touching ranges joined, a line held twice once");
        assertEquals(3, out.get("h").count());
    }

    @Test
    void theMergeTreeGivesEntriesInKeyThenRunOrderForAnyNumberOfRuns() {
        java.util.Random random = new java.util.Random(3);
        for (int k = 0; k <= 70; k++) {
            List<List<SpillEntry>> runs = new ArrayList<>();
            List<long[]> expected = new ArrayList<>(); // (key, run)
            for (int r = 0; r < k; r++) {
                List<SpillEntry> run = new ArrayList<>();
                int n = random.nextInt(6); // empty runs too
                for (int i = 0; i < n; i++) {
                    byte[] h = new byte[be.inzage.inventory.KeyedHasher.LENGTH];
                    h[0] = (byte) random.nextInt(4); // few keys: ties across runs
                    SpillEntry e = entryOf(entry(be.inzage.inventory.KeyedHasher.text(h), "cookie", "_ga", 1, List.of(), 0));
                    e.count = r; // which run it came from
                    run.add(e);
                }
                run.sort(SpillEntry::compare);
                runs.add(run);
                for (SpillEntry e : run) {
                    expected.add(new long[] {e.k0, r});
                }
            }
            expected.sort((x, y) -> x[0] != y[0] ? Long.compareUnsigned(x[0], y[0]) : Long.compare(x[1], y[1]));
            SpillEntry[] heads = new SpillEntry[k];
            int[] next = new int[k];
            for (int r = 0; r < k; r++) {
                heads[r] = runs.get(r).isEmpty() ? null : runs.get(r).get(0);
                next[r] = 1;
            }
            MergeTree tree = new MergeTree(heads);
            List<long[]> actual = new ArrayList<>();
            for (int r = tree.winner(); r >= 0; r = tree.winner()) {
                SpillEntry e = tree.head(r);
                assertEquals(r, e.count, "the head of its own run");
                actual.add(new long[] {e.k0, r});
                List<SpillEntry> run = runs.get(r);
                tree.advance(next[r] < run.size() ? run.get(next[r]++) : null);
            }
            assertEquals(expected.size(), actual.size(), "every entry once, " + k + " runs");
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i)[0], actual.get(i)[0], "key at " + i + " of " + k + " runs");
                assertEquals(expected.get(i)[1], actual.get(i)[1], "run order among equal keys at " + i + " of " + k + " runs");
            }
        }
    }

    @Test
    void entriesMergeTheirLinesAsAUnionWhateverTheirOrder() {
        SpillEntry a = entryOf(entry("h", "cookie", "_ga", 1, List.of(), 0));
        a.lines(new int[] {1, 2, 3, 4, 5, 10}, 6);
        SpillEntry overlapping = entryOf(entry("h", "cookie", "_ga", 1, List.of(), 0));
        overlapping.lines(new int[] {3, 7, 8, 9, 11, 12, 20}, 7);
        a.later(overlapping, 10);
        assertEquals("1-5,7-12,20", a.linesText(), "an earlier line in a later entry is merged in, not appended");
        // appended many times over: joined where they touch, the array grown as it goes
        SpillEntry b = entryOf(entry("g", "cookie", "_ga", 1, List.of(), 0));
        b.lines(new int[0], 0);
        StringBuilder expected = new StringBuilder();
        for (int w = 0; w < 10_000; w++) {
            SpillEntry next = entryOf(entry("g", "cookie", "_ga", 1, List.of(), 0));
            int base = 10 * w + 1;
            next.lines(new int[] {base, base + 1, base + 5}, 3);
            b.later(next, 10);
            expected.append(w == 0 ? "" : ",").append(base).append('-').append(base + 1).append(',').append(base + 5);
        }
        assertEquals(expected.toString(), b.linesText());
        assertEquals(10_001, b.count);
    }

    /**
     * More distinct masked previews than the runs' shared symbol table holds, over windows written two
     * at a time and merged in between: each value keeps its own, whether it went by number or in full.
     */
    @Test
    void everyMaskedPreviewComesBackBeyondTheSymbolTable() throws Exception {
        int windows = 40;
        int perWindow = SpillRuns.Symbols.MAX / 25; // 2,621: the table fills in the 26th window
        Map<String, String> masked = new java.util.HashMap<>();
        Map<String, Finding> out = new TreeMap<>();
        try (SpillRuns runs = new SpillRuns(50, 8)) {
            for (int w = 0; w < windows; w++) {
                List<Finding> window = new ArrayList<>();
                for (int i = 0; i < perWindow; i++) {
                    // a value seen again in a later window keeps the preview it was first written with
                    String hash = "v" + (w * perWindow + i) % (windows * perWindow - 5_000);
                    String m = "p" + (w * perWindow + i) + "***";
                    masked.putIfAbsent(hash, m);
                    window.add(new Finding("s", "log:///x", "log", "/x.log", null, "client", "ip_address", "electronic", "normal",
                            0.9, m, hash, List.of(), String.valueOf(w + 1), 1, new LineRecords("cid1", new int[] {w + 1}, 1), "cid1",
                            0, "", 0, 0));
                }
                runs.spill(window(window));
            }
            merge(runs, entry("", "", null, 0, List.of(), 0), f -> out.put(f.hash(), f));
        }
        assertEquals(masked.size(), out.size());
        masked.forEach((h, m) -> assertEquals(m, out.get(h).masked(), h));
    }

    @Test
    void manyWindowsMergeInBoundedFanInAndEveryValueIsOneFindingInLineOrder() throws Exception {
        int fanIn = 32;
        int windows = 3 * fanIn + 5; // three intermediate merges, then a final one over 8 runs
        long filesBefore = HugeLogAggregationTest.spillFiles();
        Map<String, Finding> out = new TreeMap<>();
        try (SpillRuns runs = new SpillRuns(50, fanIn)) {
            for (int w = 1; w <= windows; w++) {
                int line = w;
                List<Finding> window = new ArrayList<>();
                // "a" on every window's line, "b" on even windows only, "c" (a row-keyed value) on the first two
                window.add(entry("a", "ip_address", "client", line, new LineRecords("cid1", new int[] {line}, 1), 1000L * line));
                if (w % 2 == 0) {
                    window.add(entry("b", "cookie", "_ga", line, new LineRecords("cid1", new int[] {line}, 1), 1000L * line));
                }
                if (w <= 2) {
                    window.add(entry("c", "email", "mail", line, List.of("cid1:row" + w), 0));
                }
                // the same hash under another field is another finding
                window.add(entry("a", "ip_address", "xff", line, new LineRecords("cid1", new int[] {line}, 1), 1000L * line));
                runs.spill(window(window));
            }
            assertEquals(3, runs.merges());
            Finding template = entry("", "", null, 0, List.of(), 0);
            merge(runs, template, f -> out.put(f.hash() + "/" + f.field(), f));
        }
        assertEquals(4, out.size(), out.keySet().toString());
        Finding a = out.get("a/client");
        assertEquals("1-" + windows, a.lines());
        assertEquals(windows, a.count());
        assertEquals(50, a.records().size()); // capped, the first ones kept
        assertEquals("cid1:1", a.records().get(0));
        assertEquals("cid1:50", a.records().get(49));
        assertEquals(1000L, a.firstSeen());
        assertEquals(1000L * windows, a.lastSeen());
        assertEquals("/x.log", a.container()); // the item's fields come from the template
        Finding b = out.get("b/_ga");
        assertEquals(windows / 2, b.count());
        assertTrue(b.lines().startsWith("2,4,6"), b.lines());
        assertEquals(List.of("cid1:row1", "cid1:row2"), out.get("c/mail").records());
        assertEquals(windows, out.get("a/xff").count());
        assertEquals(filesBefore, HugeLogAggregationTest.spillFiles(), "every run, merged or not, is deleted");
    }

    @Test
    void aValueHeldByManyRowsKeepsAsManyRowsAsRecords() throws Exception {
        Map<String, Finding> out = new TreeMap<>();
        try (SpillRuns runs = new SpillRuns(50)) {
            for (int w = 0; w < 12; w++) {
                List<String> records = new ArrayList<>();
                io.vertx.core.json.JsonArray rows = new io.vertx.core.json.JsonArray();
                for (int r = 0; r < 10; r++) {
                    int id = w * 10 + r;
                    rows.add(new io.vertx.core.json.JsonObject().put("id", id));
                    records.add("cid1:" + Finding.sha256("{\"id\":" + id + "}"));
                }
                Finding city = new Finding("s", "pg://db", "db", "public.t", null, "city", "address", "identification", "normal", 0.9,
                        "G***", "gent", List.of(), "", 10, records, "cid1", 0, rows.encode());
                runs.spill(window(List.of(city)));
            }
            merge(runs, entry("", "", null, 0, List.of(), 0), f -> out.put(f.hash(), f));
        }
        Finding gent = out.get("gent");
        assertEquals(120, gent.count(), "the count says how many rows hold it");
        assertEquals(50, gent.records().size());
        assertEquals(50, gent.rowKeys().size(), "no more rows than records: the first ones, in order");
        assertEquals(49, gent.rowKeys().getJsonObject(49).getInteger("id"));
        assertEquals(gent.rowRecords(), gent.records());
    }

    @Test
    void runsGoToTheFolderTheyAreGivenAndLeaveNothingThere(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path spill = dir.resolve("spill");
        SpillRuns.prepare(spill);
        try (SpillRuns runs = new SpillRuns(10)) {
            runs.directory(spill);
            runs.spill(window(List.of(entry("a", "ip_address", "client", 1,
                    new LineRecords("cid1", new int[] {1}, 1), 0))));
            try (var s = java.nio.file.Files.list(spill)) {
                assertEquals(1, s.filter(p -> p.getFileName().toString().startsWith("inzage-spill-")).count());
            }
            List<Finding> out = new ArrayList<>();
            merge(runs, entry("", "", null, 0, List.of(), 0), out::add);
            assertEquals(1, out.size());
        }
        try (var s = java.nio.file.Files.list(spill)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void everyFieldSurvivesARunWhateverItHolds() throws Exception {
        List<Finding> window = new ArrayList<>();
        int[] many = new int[1000];
        for (int i = 0; i < many.length; i++) {
            many[i] = i + 1;
        }
        // lines beyond the records kept, so the lines are written apart from them
        window.add(new Finding("s", "x", "log", "/x", null, "client", "ip_address", "electronic", "normal", 0.87654321,
                "1**.***.***.7", "busy", List.of("alias1"), "1-2000", 2000, new LineRecords("cid1", many, many.length), "cid1", 0, "",
                1_700_000_000_123L, 1_700_000_999_456L));
        // a database value: row records and keys as they are, no timestamps
        window.add(new Finding("s", "x", "db", "/t", null, "e-mail", "email", "identification", "high", 0.95, "ré***@example.be",
                "row", List.of(), "", 1, List.of("cid1:9f86d081884c7d65", "other:abc"), "cid1", 0, "[{\"id\":7}]", 0, 0));
        // more distinct previews than a run's symbol table holds
        for (int i = 0; i < 5000; i++) {
            window.add(new Finding("s", "x", "log", "/x", null, "_ga", "cookie", "electronic", "normal", 0.9, "g" + i + "é***",
                    "v" + i, List.of(), String.valueOf(10 + i), 1, new LineRecords("cid1", new int[] {10 + i}, 1), "cid1", 0, "", 0, 0));
        }
        Map<String, Finding> out = new TreeMap<>();
        try (SpillRuns runs = new SpillRuns(1000)) {
            runs.spill(window(window));
            merge(runs, entry("", "", null, 0, List.of(), 0), f -> out.put(f.hash(), f));
        }
        assertEquals(window.size(), out.size());
        Finding busy = out.get("busy");
        assertEquals("1-2000", busy.lines());
        assertEquals(1000, busy.records().size());
        assertEquals(0.87654321, busy.confidence());
        assertEquals(List.of("alias1"), busy.aliases());
        assertEquals(1_700_000_000_123L, busy.firstSeen());
        assertEquals(1_700_000_999_456L, busy.lastSeen());
        Finding row = out.get("row");
        assertEquals(List.of("cid1:9f86d081884c7d65", "other:abc"), row.records());
        assertEquals("[{\"id\":7}]", row.rows());
        assertEquals("ré***@example.be", row.masked());
        assertEquals("e-mail", row.field());
        for (int i = 0; i < 5000; i += 499) {
            Finding v = out.get("v" + i);
            assertEquals("g" + i + "é***", v.masked());
            assertEquals(String.valueOf(10 + i), v.lines());
            assertEquals(List.of("cid1:" + (10 + i)), v.records());
        }
    }
}
