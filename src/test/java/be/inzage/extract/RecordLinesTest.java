package be.inzage.extract;

import be.inzage.detect.Detection;
import be.inzage.detect.Rulebook;
import be.inzage.detect.TestRules;
import be.inzage.inventory.Finding;
import be.inzage.inventory.KeyedHasher;
import be.inzage.inventory.Masker;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A value's records: the lines (or a JSON object's first line) that link it to the other values on
 * them. Only the first record of each distinct set of values is kept; two values share a record
 * exactly when they share a line.
 */
class RecordLinesTest {

    private final List<Finding> written = new ArrayList<>();

    private FindingCollector collector() throws Exception {
        ItemRef item = new ItemRef("s", "log:///x", "log", "/x.log", null);
        return new FindingCollector(item, Rulebook.load(TestRules.root()).policy(), new KeyedHasher(new byte[32]),
                (cid, batch, first) -> written.addAll(batch), true);
    }

    private static Detection ip(String v) {
        return new Detection("ip_address", 0, v.length(), v, 0.9, "test");
    }

    @Test
    void aSetOfValuesIsRecordedOnTheFirstRecordThatHoldsIt() throws Exception {
        FindingCollector c = collector();
        c.add(ip("10.0.0.1"), 3, "client");
        c.add(ip("10.0.0.1"), 3, "xff"); // another field: its own finding
        c.add(ip("10.0.0.1"), 5, "client");
        c.add(ip("10.0.0.1"), 5, "client"); // twice on one line: one line, one record
        c.add(ip("10.0.0.1"), 9, "client", 8); // a record that starts on the line before, with the set of line 5
        c.add(ip("10.0.0.1"), 12, "client"); // the same set again
        c.add(ip("10.0.0.2"), 20, "client", 18);
        c.add(ip("10.0.0.2"), 21, "client");
        c.add(ip("10.0.0.1"), 21, "client"); // a new set: both values get line 21
        c.finish();
        String cid = new ItemRef("s", "log:///x", "log", "/x.log", null).cid();
        Finding client = written.stream().filter(f -> "client".equals(f.field()) && f.lines().startsWith("3")).findFirst().orElseThrow();
        assertEquals("3,5,9,12,21", client.lines());
        assertEquals(List.of(cid + ":3", cid + ":5", cid + ":21"), client.records());
        assertEquals(6, client.count()); // occurrences, not lines
        Finding xff = written.stream().filter(f -> "xff".equals(f.field())).findFirst().orElseThrow();
        assertEquals(List.of(cid + ":3"), xff.records());
        Finding other = written.stream().filter(f -> f.lines().equals("20-21")).findFirst().orElseThrow();
        assertEquals(List.of(cid + ":18", cid + ":21"), other.records());
    }

    /**
     * Random lines over a thousand regular values and a stream of one-off ones, in one value table or
     * in several (a pool of 2 MB: tables spilled whole, sets cut where a table was): for every value,
     * the values it shares a record with are exactly those it shares a line with (while no value has
     * more than the records a finding keeps).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {2L << 20, 0})
    void valuesShareARecordExactlyWhenTheyShareALine(long poolBytes) throws Exception {
        long pool = poolBytes > 0 ? TablePool.size(poolBytes) : TablePool.size();
        long spilled = FindingCollector.TABLES_SPILLED.get();
        try {
            sharedRecordsAreSharedLines();
        } finally {
            TablePool.size(pool);
        }
        assertEquals(poolBytes > 0, FindingCollector.TABLES_SPILLED.get() - spilled >= 2, "tables spilled");
    }

    private void sharedRecordsAreSharedLines() throws Exception {
        FindingCollector c = collector();
        java.util.Random rnd = new java.util.Random(7);
        java.util.Map<String, java.util.Set<Integer>> linesOf = new java.util.HashMap<>();
        int line = 0;
        for (int i = 0; i < 150_000; i++) {
            line++;
            int n = 1 + rnd.nextInt(4);
            for (int k = 0; k < n; k++) {
                // a few hundred regulars (their sets repeat) and a stream of one-off values that fill windows
                String v = rnd.nextInt(8) == 0 ? "10.1." + (i / 250) + "." + (i % 250) : "10.0." + rnd.nextInt(50) + "." + rnd.nextInt(20);
                c.add(ip(v), line, "client");
                linesOf.computeIfAbsent(v, x -> new java.util.HashSet<>()).add(line);
            }
        }
        c.finish();
        KeyedHasher h = new KeyedHasher(new byte[32]);
        java.util.Map<String, java.util.Set<String>> recordsOf = new java.util.HashMap<>();
        java.util.Map<String, java.util.Set<String>> onRecord = new java.util.HashMap<>();
        for (Finding f : written) {
            org.junit.jupiter.api.Assertions.assertTrue(f.records().size() < FindingCollector.MAX_RECORDS_PER_FINDING);
            recordsOf.computeIfAbsent(f.hash(), x -> new java.util.HashSet<>()).addAll(f.records());
            f.records().forEach(r -> onRecord.computeIfAbsent(r, x -> new java.util.HashSet<>()).add(f.hash()));
        }
        java.util.Map<Integer, java.util.Set<String>> onLine = new java.util.HashMap<>();
        linesOf.forEach((v, ls) -> ls.forEach(l -> onLine.computeIfAbsent(l, x -> new java.util.HashSet<>()).add(h.hash(v))));
        int links = 0;
        for (var e : linesOf.entrySet()) {
            java.util.Set<String> byLines = new java.util.HashSet<>();
            e.getValue().forEach(l -> byLines.addAll(onLine.get(l)));
            java.util.Set<String> byRecords = new java.util.HashSet<>();
            recordsOf.get(h.hash(e.getKey())).forEach(r -> byRecords.addAll(onRecord.get(r)));
            assertEquals(byLines, byRecords, e.getKey());
            links += byLines.size();
        }
        org.junit.jupiter.api.Assertions.assertTrue(links > 100_000, "the test links many pairs: " + links);
        int records = recordsOf.values().stream().mapToInt(java.util.Set::size).sum();
        int lines = linesOf.values().stream().mapToInt(java.util.Set::size).sum();
        org.junit.jupiter.api.Assertions.assertTrue(records < lines * 0.95, records + " records for " + lines + " lines");
    }

    @Test
    void aRecordThatComesBackJoinsTheSetItHadFirst() throws Exception {
        FindingCollector c = collector();
        c.add(ip("10.0.0.1"), 1, "client");
        c.add(ip("10.0.0.2"), 1, "client");
        c.add(ip("10.0.0.1"), 2, "client");
        c.add(ip("10.0.0.2"), 2, "client"); // the set of line 1 again: not recorded on line 2
        c.add(ip("10.0.0.3"), 3, "client");
        c.add(ip("10.0.0.4"), 2, "client"); // back to line 2 (a detection that started before a chunk boundary)
        c.finish();
        String cid = new ItemRef("s", "log:///x", "log", "/x.log", null).cid();
        Finding late = written.stream().filter(f -> f.masked().equals(Masker.mask("ip_address", "10.0.0.4"))).findFirst().orElseThrow();
        Finding first = written.stream().filter(f -> f.lines().equals("1-2")).findFirst().orElseThrow();
        assertEquals(List.of(cid + ":1"), first.records());
        assertEquals(List.of(cid + ":1"), late.records(), "linked with the values of line 2 through their record");
    }

    @Test
    void aVisitedPageIsOnEverybodysLinesAndLinksNobody() throws Exception {
        FindingCollector c = collector();
        for (int line = 1; line <= 6; line++) {
            c.add(ip("10.0.0." + (line % 2)), line, "client");
            c.add(new Detection("visited_page", 0, 3, "/nl", 0.8, "web_log"), line, "request");
        }
        c.finish();
        Finding page = written.stream().filter(f -> f.type().equals("visited_page")).findFirst().orElseThrow();
        assertEquals("1-6", page.lines());
        assertEquals(List.of(), page.records(), "links: false in policy.yaml");
        // without the page in the sets, each address's lines repeat one set: one record each
        written.stream().filter(f -> f.type().equals("ip_address")).forEach(f -> assertEquals(1, f.records().size(), f.lines()));
    }

    @Test
    void aBusyValueKeepsItsFirstThousandRecords() throws Exception {
        FindingCollector c = collector();
        for (int line = 1; line <= 2500; line++) {
            c.add(ip("10.0.0.1"), line, "client");
            c.add(ip("10.2." + line / 250 + "." + line % 250), line, "client"); // a new companion: a new set each line
        }
        c.finish();
        Finding f = written.stream().filter(x -> x.lines().equals("1-2500")).findFirst().orElseThrow();
        assertEquals(FindingCollector.MAX_RECORDS_PER_FINDING, f.records().size());
        assertEquals(f.cid() + ":1000", f.records().get(f.records().size() - 1));
    }
}
