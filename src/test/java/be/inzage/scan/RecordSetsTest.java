package be.inzage.scan;

import be.inzage.config.DataDir;
import be.inzage.inventory.Finding;
import be.inzage.inventory.InventoryIndex;
import be.inzage.inventory.LineRecords;
import be.inzage.inventory.LineSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A log's values that come back with the same companions (a visitor's address, cookies and login on
 * many lines) are stored with their records only, their lines read back from the records' sets
 * ({@code inventory.SetLines}). Every value must still list exactly the lines it is on, after a
 * first read, a read of appended lines, a read of the whole file again and a deletion.
 */
class RecordSetsTest {

    @TempDir
    Path tmp;

    static final int VISITORS = 30;

    /** The values of line {@code i} and, for checking, the lines each value is on. */
    static String line(int i, Map<String, TreeSet<Integer>> expected) {
        int v = (i * 11) % VISITORS;
        int day = i / 150;
        String ip = "81.83.10." + (v + 1);
        String login = v % 3 == 0 ? "member" + v : "-";
        String session = "sid" + v + "d" + day;
        String ga = "GA1.2.2000" + v + ".1690000000";
        expected.computeIfAbsent("ip " + ip, k -> new TreeSet<>()).add(i);
        expected.computeIfAbsent("cookie " + session, k -> new TreeSet<>()).add(i);
        expected.computeIfAbsent("cookie " + ga, k -> new TreeSet<>()).add(i);
        if (!login.equals("-")) {
            expected.computeIfAbsent("login " + login, k -> new TreeSet<>()).add(i);
        }
        return ip + " - " + login + " [05/Oct/2023:13:" + String.format("%02d", i % 60) + ":36 +0200] \"GET /page" + (i % 4)
                + " HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\" \"sessionid=" + session + "; _ga=" + ga + "\"\n";
    }

    static String lines(int from, int to, Map<String, TreeSet<Integer>> expected) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) {
            b.append(line(i, expected));
        }
        return b.toString();
    }

    /** Checks every value's lines against the log; returns how many of its findings were stored without their lines. */
    static int checkLines(Path data, Map<String, TreeSet<Integer>> expected) throws Exception {
        int fromSets = 0;
        for (Map.Entry<String, TreeSet<Integer>> e : expected.entrySet()) {
            String[] typeAndValue = e.getKey().split(" ", 2);
            List<Finding> found = AppendedLogTest.search(data, typeAndValue[0], typeAndValue[1]);
            assertEquals(1, found.size(), e.getKey());
            Finding f = found.get(0);
            assertEquals(LineSet.encode(e.getValue().stream().mapToInt(Integer::intValue).toArray()), f.lines(), e.getKey());
            assertEquals(e.getValue().size(), f.count(), e.getKey());
            if (f.records() instanceof LineRecords lr && lr.coversLines()) {
                fromSets++;
            }
        }
        return fromSets;
    }

    /** The inventory's record-set documents. */
    static int setDocuments(Path data) throws Exception {
        try (FSDirectory dir = FSDirectory.open(new DataDir(data).index()); DirectoryReader r = DirectoryReader.open(dir)) {
            return new IndexSearcher(r).count(new TermQuery(new Term("doctype", "lines")));
        }
    }

    /** The test's log, in a log folder of its own. */
    Path log() {
        return tmp.resolve("logs").resolve("access.log");
    }

    /** The log's first 600 lines, written an hour ago and read into a new inventory; its data directory. */
    Path firstRead(Map<String, TreeSet<Integer>> expected) throws Exception {
        Path log = Files.createDirectories(log().getParent()).resolve("access.log");
        AppendedLogTest.write(log, lines(1, 600, expected), false, 60);
        Path data = tmp.resolve("data");
        AppendedLogTest.scan(data, log.getParent());
        return data;
    }

    @Test
    void aReturningVisitorsValuesListExactlyTheirLinesWhenStoredWithTheirRecordsOnly() throws Exception {
        Map<String, TreeSet<Integer>> expected = new TreeMap<>();
        Path data = firstRead(expected);

        int fromSets = checkLines(data, expected);
        // an address, its _ga cookie and a login are on about 20 lines in 4 sets (one per session); a session id is one set
        assertTrue(fromSets >= 3 * VISITORS, "values stored with their records only: " + fromSets + " of " + expected.size());
        assertTrue(setDocuments(data) > 0);
        Finding ip = AppendedLogTest.search(data, "ip", "81.83.10.1").get(0);
        assertEquals(expected.get("ip 81.83.10.1").size(), LineSet.decode(ip.lines()).length, "a subject search lists every line");
    }

    @Test
    void linesAppendedToALogAreReadBackBesideTheEarlierOnes() throws Exception {
        Map<String, TreeSet<Integer>> expected = new TreeMap<>();
        Path data = firstRead(expected);
        Path log = log();
        int setsBefore = setDocuments(data);

        AppendedLogTest.write(log, lines(601, 1000, expected), true, 50);
        ScanSummary appended = AppendedLogTest.scan(data, log.getParent());
        assertEquals(1L, appended.toJson().getJsonObject("appended").getLong("logs"), appended.toText());
        int fromSets = checkLines(data, expected);
        assertTrue(setDocuments(data) > setsBefore, "the appended lines' sets are added to the earlier ones");
        assertEquals(AppendedLogTest.fullRead(tmp, data, log.getParent()), AppendedLogTest.inventory(data));
        Path fresh = tmp.resolve("fresh");
        Files.createDirectories(new DataDir(fresh).keyFile().getParent());
        Files.copy(new DataDir(data).keyFile(), new DataDir(fresh).keyFile());
        AppendedLogTest.scan(fresh, log.getParent());
        assertEquals(checkLines(fresh, expected), fromSets, "as many values read back from their sets as after a read of the whole log");
    }

    @Test
    void aLogReadWholeAgainOrDeletedLeavesNoSetBehind() throws Exception {
        Path data = firstRead(new TreeMap<>());
        Path log = log();
        assertTrue(setDocuments(data) > 0);

        // rewritten, not grown: read whole, its old sets replaced by the new ones
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 450; i++) {
            text.append(line(i + 5000, new TreeMap<>()).replace("sid", "other"));
        }
        String rewritten = text.toString();
        AppendedLogTest.write(log, rewritten, false, 50);
        ScanSummary again = AppendedLogTest.scan(data, log.getParent());
        assertNull(again.toJson().getValue("appended"), "read whole: " + again.toText());
        Path fresh = tmp.resolve("fresh");
        Files.createDirectories(new DataDir(fresh).keyFile().getParent());
        Files.copy(new DataDir(data).keyFile(), new DataDir(fresh).keyFile());
        AppendedLogTest.scan(fresh, log.getParent());
        assertEquals(setDocuments(fresh), setDocuments(data), "no set of the earlier content is left");
        assertEquals(AppendedLogTest.inventory(fresh), AppendedLogTest.inventory(data));

        Files.delete(log);
        AppendedLogTest.scan(data, log.getParent());
        assertEquals(0, setDocuments(data), "a deleted log's sets go with its findings");
        try (InventoryIndex index = InventoryIndex.openReader(new DataDir(data).index())) {
            assertEquals(0, index.count());
        }
    }

    @Test
    void anExportMovedInAShareKeepsEveryLineOfItsValues() throws Exception {
        // a customer's e-mail and phone on each of their orders: one set per customer, on five rows
        Path share = Files.createDirectories(tmp.resolve("share"));
        StringBuilder csv = new StringBuilder("order;email;phone\n");
        Map<String, TreeSet<Integer>> expected = new TreeMap<>();
        for (int row = 0; row < 100; row++) {
            int c = (row * 7) % 20;
            csv.append("order-").append(row).append(";klant").append(c).append("@example.be;0475 12 34 ")
                    .append(String.format("%02d", c + 10)).append('\n');
            expected.computeIfAbsent("email klant" + c + "@example.be", k -> new TreeSet<>()).add(row + 2);
        }
        Files.writeString(share.resolve("orders.csv"), csv);
        Path data = tmp.resolve("data");
        ScanFixture.scan(data, share);
        assertEquals(20, checkLines(data, expected), "each e-mail stored with its one record");

        Files.createDirectories(share.resolve("archief"));
        Files.move(share.resolve("orders.csv"), share.resolve("archief/orders-2025.csv"));
        ScanSummary moved = ScanFixture.scan(data, share);
        assertEquals(1L, moved.toJson().getJsonObject("moved").getLong("files"), moved.toText());
        checkLines(data, expected);
        assertEquals(0, setDocuments(data), "moved findings keep their lines themselves; the old path's sets are gone");
    }
}
