package be.inzage.extract;

import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.detect.TestRules;
import be.inzage.inventory.Finding;
import be.inzage.inventory.InventoryIndex;
import be.inzage.inventory.KeyedHasher;
import be.inzage.inventory.LineSet;
import be.inzage.scan.ScanRunner;
import be.inzage.source.SourceUri;
import be.inzage.subject.IdentifierNormalizer;
import be.inzage.subject.SubjectSearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A log with more distinct values than fit in memory: spilled to runs and merged, still one finding per value. */
class HugeLogAggregationTest {

    @TempDir
    Path tmp;

    /** Value tables of a few megabytes: the logs below fill several. */
    @org.junit.jupiter.api.BeforeEach
    void smallTables() {
        pool = TablePool.size(2L << 20);
    }

    @org.junit.jupiter.api.AfterEach
    void restoreTables() {
        TablePool.size(pool);
    }

    private long pool;

    @Test
    void everyValueIsOneFindingWithAllItsLines() throws Exception {
        int n = 3 * FindingCollector.MAX_VALUES;
        long spilledBefore = FindingCollector.TABLES_SPILLED.get();
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        try (BufferedWriter w = Files.newBufferedWriter(logs.resolve("access.log"))) {
            for (int i = 1; i <= n; i++) {
                String user = i == 1 || i == n / 2 || i == n ? "regular" : "-";
                w.write((10 + i / 65536) + "." + (i / 256 % 256) + "." + (i % 256) + ".7 - " + user
                        + " [05/Oct/2023:13:55:36 +0200] \"GET /p HTTP/1.1\" 200 1 \"-\" \"x\"\n");
            }
        }
        long spillsBefore = spillFiles();
        DataDir data = new DataDir(tmp.resolve("data"));
        // a run a crashed scan left behind: deleted when the next scan opens the data directory
        Files.createDirectories(data.spill());
        Path left = Files.writeString(data.spill().resolve("inzage-spill-123.run"), "x");
        ScanRunner.run(data, Rulebook.load(TestRules.root()), List.of(SourceUri.parse("log://" + logs)));
        try (InventoryIndex index = InventoryIndex.openReader(data.index())) {
            SubjectSearch search = new SubjectSearch(index, KeyedHasher.open(data.keyFile()),
                    new IdentifierNormalizer(Rulebook.load(TestRules.root()).engine()));
            List<Finding> regular = search.search(Map.of("login", List.of("regular")));
            assertEquals(1, regular.size(), "one finding across all spilled windows: " + regular);
            assertArrayEquals(new int[] {1, n / 2, n}, LineSet.decode(regular.get(0).lines()));
            assertEquals(3, regular.get(0).count());
            List<Finding> page = search.search(Map.of("value", List.of("/p")));
            assertTrue(page.stream().filter(f -> f.type().equals("visited_page")).count() <= 1, page.toString());
            Finding p = page.stream().filter(f -> f.type().equals("visited_page")).findFirst().orElseThrow();
            assertEquals("1-" + n, p.lines(), "a page on every line: one range");
            assertEquals(n + 2, index.count(), "n addresses, one login, one page");
        }
        assertTrue(FindingCollector.TABLES_SPILLED.get() - spilledBefore >= 2, "the values filled several tables");
        assertEquals(spillsBefore, spillFiles(), "nothing spilled to the temporary directory");
        assertTrue(Files.notExists(left), "a crashed scan's run is cleaned up");
        try (Stream<Path> s = Files.list(data.spill())) {
            assertEquals(0, s.count(), "run files are deleted after the merge");
        }
        assertEquals(java.util.Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE, java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE),
                Files.getPosixFilePermissions(data.spill()), "the spill folder is the owner's only");
    }

    @Test
    void aLogThatBreaksOffAfterSpillingLeavesNoRunBehind() throws Exception {
        // a compressed log cut short: it fails near its end, after windows have been spilled
        int n = 3 * FindingCollector.MAX_VALUES;
        Path logs = Files.createDirectories(tmp.resolve("broken"));
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.io.Writer w = new java.io.OutputStreamWriter(new java.util.zip.GZIPOutputStream(gz),
                java.nio.charset.StandardCharsets.UTF_8)) {
            for (int i = 1; i <= n; i++) {
                w.write((10 + i / 65536) + "." + (i / 256 % 256) + "." + (i % 256) + ".9 - - [05/Oct/2023:13:55:36 +0200]"
                        + " \"GET /p HTTP/1.1\" 200 1 \"-\" \"x\"\n");
            }
        }
        byte[] whole = gz.toByteArray();
        long spilledBefore = FindingCollector.TABLES_SPILLED.get();
        Files.write(logs.resolve("access.log.2.gz"), java.util.Arrays.copyOf(whole, whole.length - 2000));
        DataDir data = new DataDir(tmp.resolve("data2"));
        var summary = ScanRunner.run(data, Rulebook.load(TestRules.root()), List.of(SourceUri.parse("log://" + logs))).get(0);
        assertEquals(1, summary.failed(), "the cut log is recorded as failed");
        assertTrue(FindingCollector.TABLES_SPILLED.get() > spilledBefore, "after tables were spilled");
        assertEquals(TablePool.size(), TablePool.free(), "and the failed item's tables gave their memory back");
        try (Stream<Path> s = Files.list(data.spill())) {
            assertEquals(0, s.count(), "its spilled runs are gone");
        }
    }

    @Test
    void lineSetsOfConsecutiveWindowsJoin() {
        assertEquals("1-12", LineSet.concat("1-9", "10-12"));
        assertEquals("5-6", LineSet.concat("5", "6"));
        assertEquals("3-5,9-10,14", LineSet.concat("3-5,9", "10,14"));
        assertEquals("3-5,9,11", LineSet.concat("3-5,9", "11"));
        assertEquals("7", LineSet.concat("", "7"));
        assertArrayEquals(new int[] {3, 4, 5, 9, 10, 14}, LineSet.decode(LineSet.concat("3-5,9", "10,14")));
    }

    static long spillFiles() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("inzage-spill-")).count();
        }
    }
}
