package be.inzage.extract;

import be.inzage.detect.Detection;
import be.inzage.detect.Rulebook;
import be.inzage.detect.TestRules;
import be.inzage.inventory.Finding;
import be.inzage.inventory.KeyedHasher;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A value's records: its own lines (logs, CSV rows) unless a record starts elsewhere (a JSON object's first line). */
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
    void recordsAreTheValuesOwnLinesWhileTheyAgreeAndApartOnceTheyDiffer() throws Exception {
        FindingCollector c = collector();
        c.add(ip("10.0.0.1"), 3, "client");
        c.add(ip("10.0.0.1"), 3, "xff"); // another field: its own finding
        c.add(ip("10.0.0.1"), 5, "client");
        c.add(ip("10.0.0.1"), 5, "client"); // twice on one line: one line, one record
        c.add(ip("10.0.0.1"), 9, "client", 8); // a record that starts on the line before
        c.add(ip("10.0.0.1"), 12, "client");
        c.add(ip("10.0.0.2"), 20, "client", 18);
        c.finish();
        String cid = new ItemRef("s", "log:///x", "log", "/x.log", null).cid();
        Finding client = written.stream().filter(f -> "client".equals(f.field()) && !f.lines().equals("20")).findFirst().orElseThrow();
        assertEquals("3,5,9,12", client.lines());
        assertEquals(List.of(cid + ":3", cid + ":5", cid + ":8", cid + ":12"), client.records());
        assertEquals(5, client.count()); // occurrences, not lines
        Finding xff = written.stream().filter(f -> "xff".equals(f.field())).findFirst().orElseThrow();
        assertEquals(List.of(cid + ":3"), xff.records());
        Finding other = written.stream().filter(f -> f.lines().equals("20")).findFirst().orElseThrow();
        assertEquals(List.of(cid + ":18"), other.records());
    }

    @Test
    void aBusyValueKeepsItsFirstThousandLinesAsRecords() throws Exception {
        FindingCollector c = collector();
        for (int line = 1; line <= 2500; line++) {
            c.add(ip("10.0.0.1"), line, "client");
        }
        c.finish();
        Finding f = written.get(0);
        assertEquals("1-2500", f.lines());
        assertEquals(FindingCollector.MAX_RECORDS_PER_FINDING, f.records().size());
        assertEquals(f.cid() + ":1000", f.records().get(f.records().size() - 1));
    }
}
