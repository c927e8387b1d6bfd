package be.inzage.scan;

import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.detect.TestRules;
import be.inzage.inventory.Finding;
import be.inzage.inventory.InventoryIndex;
import be.inzage.inventory.KeyedHasher;
import be.inzage.source.SourceUri;
import be.inzage.subject.IdentifierNormalizer;
import be.inzage.subject.SubjectSearch;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A log that only grew since the last scan is read from where that scan stopped; the inventory it
 * leaves is the one a read of the whole file gives. A log rotated or rewritten is read whole.
 */
class AppendedLogTest {

    @TempDir
    Path tmp;

    /** A combined log line with a cookie: the client address, a login, a session cookie, an e-mail in the query. */
    static String line(int i) {
        return "81.82." + (i % 7) + "." + (i % 13 + 1) + " - " + (i % 5 == 0 ? "user" + (i % 3) : "-")
                + " [05/Oct/2023:13:" + String.format("%02d", i % 60) + ":36 +0200] \"GET /page" + (i % 4) + "?mail=klant" + (i % 9)
                + "@example.be HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\" \"sessionid=s" + (i % 11) + "; _ga=GA1.2.1000" + (i % 17)
                + ".1690000000\"\n";
    }

    static String lines(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) {
            b.append(line(i));
        }
        return b.toString();
    }

    /** Where a test's log goes: a file in a log folder of its own, not written yet. */
    Path newLog(String name) throws Exception {
        return Files.createDirectories(tmp.resolve("logs")).resolve(name);
    }

    /** Written an hour ago (minutes apart per write): not a log still being written. */
    static void write(Path log, String text, boolean append, int minutesAgo) throws Exception {
        Files.writeString(log, text, append ? new StandardOpenOption[] {StandardOpenOption.APPEND}
                : new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING});
        Files.setLastModifiedTime(log, FileTime.fromMillis(System.currentTimeMillis() - minutesAgo * 60_000L));
    }

    static ScanSummary scan(Path data, Path logs) throws Exception {
        return ScanRunner.run(new DataDir(data), Rulebook.load(TestRules.root()), List.of(SourceUri.parse("log://" + logs))).get(0);
    }

    /**
     * Every finding as comparable text: place, field, type, value hash, count, lines, the values it is
     * linked with, first and last seen. Linked values are those sharing a record with it (a line on
     * which both are): the records themselves may differ, since a set of values seen again after the
     * scan that read it is represented again by the appended line that holds it.
     */
    static Set<String> inventory(Path data) throws Exception {
        List<Finding> all = new java.util.ArrayList<>();
        try (InventoryIndex index = InventoryIndex.openReader(new DataDir(data).index())) {
            index.forEach(all::add);
        }
        Map<String, Set<String>> onRecord = new java.util.HashMap<>();
        for (Finding f : all) {
            f.records().forEach(r -> onRecord.computeIfAbsent(r, k -> new TreeSet<>()).add(f.type() + "/" + f.field() + "/" + f.hash()));
        }
        Set<String> out = new TreeSet<>();
        for (Finding f : all) {
            Set<String> linked = new TreeSet<>();
            f.records().forEach(r -> linked.addAll(onRecord.get(r)));
            out.add(f.container() + "|" + f.field() + "|" + f.type() + "|" + f.hash() + "|" + f.count() + "|"
                    + f.lines() + "|" + linked + "|" + f.firstSeen() + "|" + f.lastSeen() + "|" + f.masked());
        }
        return out;
    }

    /** The whole log read into a fresh inventory with the same key. */
    static Set<String> fullRead(Path tmp, Path data, Path logs) throws Exception {
        Path fresh = tmp.resolve("full-" + System.nanoTime());
        Files.createDirectories(new DataDir(fresh).keyFile().getParent());
        Files.copy(new DataDir(data).keyFile(), new DataDir(fresh).keyFile());
        ScanSummary s = scan(fresh, logs);
        assertNull(s.toJson().getValue("appended"), s.toText());
        return inventory(fresh);
    }

    static List<Finding> search(Path data, String type, String value) throws Exception {
        DataDir d = new DataDir(data);
        try (InventoryIndex index = InventoryIndex.openReader(d.index())) {
            return new SubjectSearch(index, KeyedHasher.open(d.keyFile()), new IdentifierNormalizer(Rulebook.load(TestRules.root())
                    .engine())).search(Map.of(type, List.of(value)));
        }
    }

    @Test
    void aLogThatGrewIsReadFromWhereTheLastScanStopped() throws Exception {
        Path log = newLog("access.log");
        Path logs = log.getParent();
        write(log, lines(1, 400), false, 60);
        Path data = tmp.resolve("data");
        ScanSummary first = scan(data, logs);
        assertNull(first.toJson().getValue("appended"), first.toText());
        long before = Files.size(log);

        String more = lines(401, 650) + "81.82.201.99 - newcomer [05/Oct/2023:14:00:00 +0200] \"GET /x HTTP/1.1\" 200 1 \"-\" \"-\"\n";
        write(log, more, true, 50);
        ScanSummary second = scan(data, logs);
        assertEquals(new JsonObject().put("logs", 1L).put("bytes", Files.size(log) - before), second.toJson().getJsonObject("appended"),
                second.toText());
        assertTrue(second.toText().contains("appended: 1 log(s) read from where the last scan stopped"), second.toText());
        assertEquals(fullRead(tmp, data, logs), inventory(data), "the same inventory as a read of the whole log");

        List<Finding> newcomer = search(data, "login", "newcomer");
        assertEquals(1, newcomer.size());
        assertEquals("651", newcomer.get(0).lines(), "line numbers go on from where the last read stopped");
        Finding ip = search(data, "ip", "81.82.3.4").get(0);
        assertTrue(ip.lines().startsWith("3,"), ip.lines());
        assertTrue(ip.lines().endsWith(",640"), "a value of the old lines gets the new ones: " + ip.lines());

        ScanSummary third = scan(data, logs);
        assertEquals(1, third.unchanged(), "nothing appended since: " + third.toText());
    }

    @Test
    void aRotatedOrRewrittenLogIsReadWhole() throws Exception {
        Path log = newLog("access.log");
        Path logs = log.getParent();
        write(log, lines(1, 100), false, 60);
        Path data = tmp.resolve("data");
        scan(data, logs);

        // rotated (copytruncate) and written again: the first lines are others, the file longer than before
        write(log, lines(1000, 1200), false, 50);
        ScanSummary rotated = scan(data, logs);
        assertNull(rotated.toJson().getValue("appended"), "read whole: " + rotated.toText());
        assertEquals(fullRead(tmp, data, logs), inventory(data));

        // a line changed in the middle (the same first 64 KB and size would not tell): the 4 KB before the end tell
        String text = Files.readString(log);
        int at = text.length() - 1000;
        String changed = text.substring(0, at) + text.substring(at).replaceFirst("sessionid=s", "sessionid=z");
        write(log, changed + lines(1201, 1210), false, 40);
        ScanSummary edited = scan(data, logs);
        assertNull(edited.toJson().getValue("appended"), "read whole: " + edited.toText());
        assertEquals(fullRead(tmp, data, logs), inventory(data));

        // another format forced on the source: another reading of every line
        write(log, lines(1211, 1220), true, 30);
        ScanSummary forced = ScanRunner.run(new DataDir(data), Rulebook.load(TestRules.root()),
                List.of(SourceUri.parse("log://" + logs + "?format=text"))).get(0);
        assertNull(forced.toJson().getValue("appended"), "read whole: " + forced.toText());
    }

    @Test
    void aLogStillBeingWrittenIsReadOnToItsLastLineAtEachScan() throws Exception {
        Path log = newLog("access.log");
        Path logs = log.getParent();
        // written just now: the last line is not finished
        Files.writeString(log, lines(1, 30) + "81.82.201.50 - half");
        Path data = tmp.resolve("data");
        ScanSummary first = scan(data, logs);
        assertTrue(first.toJson().encode().contains("last line incomplete"), first.toText());
        assertTrue(search(data, "login", "halfway").isEmpty());

        Files.writeString(log, "way [05/Oct/2023:14:00:00 +0200] \"GET /y HTTP/1.1\" 200 1 \"-\" \"-\"\n" + lines(31, 40),
                StandardOpenOption.APPEND);
        ScanSummary second = scan(data, logs);
        assertEquals(1L, second.toJson().getJsonObject("appended").getLong("logs"), second.toText());
        List<Finding> halfway = search(data, "login", "halfway");
        assertEquals(1, halfway.size(), "the line finished since is read whole");
        assertEquals("31", halfway.get(0).lines());
        assertEquals(fullRead(tmp, data, logs), inventory(data));
    }

    @Test
    void aLogWithMoreValuesThanOneWindowMergesEveryBatch() throws Exception {
        Path log = newLog("big.log");
        Path logs = log.getParent();
        int n = 25_000; // more than a collector's window (20,000 values): spilled and merged in batches
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append("10.").append(i / 65536).append('.').append(i / 256 % 256).append('.').append(i % 256)
                    .append(" - - [05/Oct/2023:13:55:36 +0200] \"GET /p HTTP/1.1\" 200 1 \"-\" \"x\"\n");
        }
        write(log, b.toString(), false, 60);
        Path data = tmp.resolve("data");
        scan(data, logs);
        // as many new addresses again, and every old one once more: spilled, merged, and each merged with its old finding
        StringBuilder more = new StringBuilder();
        for (int i = n; i >= 1; i -= 1) {
            more.append("10.").append(i / 65536).append('.').append(i / 256 % 256).append('.').append(i % 256)
                    .append(" - - [05/Oct/2023:14:55:36 +0200] \"GET /q HTTP/1.1\" 200 1 \"-\" \"x\"\n");
            more.append("11.").append(i / 65536).append('.').append(i / 256 % 256).append('.').append(i % 256)
                    .append(" - - [05/Oct/2023:14:55:37 +0200] \"GET /q HTTP/1.1\" 200 1 \"-\" \"x\"\n");
        }
        write(log, more.toString(), true, 50);
        ScanSummary second = scan(data, logs);
        assertEquals(1L, second.toJson().getJsonObject("appended").getLong("logs"), second.toText());
        Set<String> inc = inventory(data);
        assertEquals(fullRead(tmp, data, logs), inc);
        assertEquals(2 * n + 2, inc.size(), "every address once, two pages");
    }
}
