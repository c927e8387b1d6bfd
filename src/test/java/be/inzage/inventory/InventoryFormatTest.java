package be.inzage.inventory;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index layout is versioned, and a place's shared fields are stored once and joined back on read. */
class InventoryFormatTest {

    @Test
    void anIndexWithoutTheFormatMarkIsRefusedForReadingAndWriting(@TempDir Path dir) throws IOException {
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
            Document doc = new Document();
            doc.add(new StringField("hash", "abc", Field.Store.YES));
            w.addDocument(doc);
            w.commit();
        }
        IOException r = assertThrows(IOException.class, () -> InventoryIndex.openReader(dir));
        assertTrue(r.getMessage().contains("earlier version of Inzage"), r.getMessage());
        IOException w = assertThrows(IOException.class, () -> InventoryIndex.openWriter(dir));
        assertTrue(w.getMessage().contains("move it away and scan again"), w.getMessage());
    }

    /**
     * Format 5 (session 11) reads as it is and is marked 8 at the next commit; format 4, whose 16-byte hash
     * terms a 96-bit hash cannot look up, and a newer mark are refused by name.
     */
    @Test
    void theFormatBeforeTheStoredLayoutChangeIsReadAndAnewerOneRefused(@TempDir Path dir) throws IOException {
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
            w.setLiveCommitData(java.util.Map.of("inzage.format", "5").entrySet());
            w.commit();
        }
        try (InventoryIndex idx = InventoryIndex.openReader(dir)) {
            assertEquals(0, idx.count());
        }
        try (InventoryIndex idx = InventoryIndex.openWriter(dir)) {
            idx.commit();
        }
        try (FSDirectory d = FSDirectory.open(dir)) {
            assertEquals("8", org.apache.lucene.index.SegmentInfos.readLatestCommit(d).getUserData().get("inzage.format"));
        }
        Path newer = dir.resolve("newer");
        try (FSDirectory d = FSDirectory.open(newer); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
            w.setLiveCommitData(java.util.Map.of("inzage.format", "9").entrySet());
            w.commit();
        }
        IOException r = assertThrows(IOException.class, () -> InventoryIndex.openReader(newer));
        assertTrue(r.getMessage().contains("a newer version of Inzage"), r.getMessage());
        Path four = dir.resolve("four");
        try (FSDirectory d = FSDirectory.open(four); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
            w.setLiveCommitData(java.util.Map.of("inzage.format", "4").entrySet());
            w.commit();
        }
        IOException f = assertThrows(IOException.class, () -> InventoryIndex.openWriter(four));
        assertTrue(f.getMessage().contains("an earlier version of Inzage; move it away and scan again"), f.getMessage());
    }

    /**
     * Hashes are indexed under their first 4 bytes; two sharing them are told apart, and the 8-byte
     * terms of format 5 and the 6-byte terms of format 6 still match.
     */
    @Test
    void hashesSharingTheirTermAreToldApartAndEarlierFormatsTermsStillMatch(@TempDir Path dir) throws IOException {
        String zeros = "AAAAAAAAAAAAAAAA";
        String one = "AAAAAAAAAAAAAAAB"; // the same first 8 bytes, the last byte 1
        String old = new KeyedHasher(new byte[32]).hash("81.82.201.7");
        String older = new KeyedHasher(new byte[32]).hash("81.82.201.8");
        String previous = new KeyedHasher(new byte[32]).hash("81.82.201.9");
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
            // findings as format 5 indexed them (the first 8 bytes) and as format 6 did (the first 6)
            w.addDocument(earlierFinding(older, 8, "8"));
            w.addDocument(earlierFinding(old, 8, "7"));
            w.addDocument(earlierFinding(previous, 6, "9"));
            w.setLiveCommitData(java.util.Map.of("inzage.format", "5").entrySet());
            w.commit();
        }
        Finding a = new Finding("src1", "file:///share", "file", "/share/a.txt", null, null, "email", "identification", "high",
                0.9, "j***@example.be", zeros, List.of(), "3", 1, List.of("r1"), "c1", 0);
        Finding b = new Finding("src1", "file:///share", "file", "/share/a.txt", null, null, "email", "identification", "high",
                0.9, "p***@example.be", one, List.of(), "4", 1, List.of("r1"), "c1", 0);
        try (InventoryIndex idx = InventoryIndex.openWriter(dir)) {
            idx.replace("c1", List.of(a, b), 1, true);
            idx.commit();
            assertEquals(List.of("3"), idx.byHashes(List.of(zeros)).stream().map(Finding::lines).toList());
            assertEquals(List.of("4"), idx.byHashes(List.of(one)).stream().map(Finding::lines).toList());
            assertEquals(2, idx.findingsWithHashes("c1", List.of(zeros)).size(), "a rewrite reads (and writes back) both");
            assertEquals(List.of("7"), idx.byHashes(List.of(old)).stream().map(Finding::lines).toList());
            assertEquals(List.of("8"), idx.byHashes(List.of(older)).stream().map(Finding::lines).toList());
            assertEquals(List.of("9"), idx.byHashes(List.of(previous)).stream().map(Finding::lines).toList());
        }
    }

    /**
     * Findings last seen before a cutoff are counted whether written now (seconds, doc values) or by
     * format 6 (a point in milliseconds); a finding within the cutoff's own second counts as before it.
     */
    @Test
    void findingsLastSeenBeforeACutoffAreCountedInEitherLayout(@TempDir Path dir) throws IOException {
        long cutoff = 1_700_000_000_500L;
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
            for (long lastSeen : new long[] {cutoff - 86_400_000L, cutoff - 1, cutoff, cutoff + 86_400_000L}) {
                Document doc = earlierFinding(new KeyedHasher(new byte[32]).hash("81.82.201." + lastSeen % 100), 6, "2");
                doc.add(new StringField(InventoryIndex.SRC, "src1", Field.Store.NO));
                doc.add(new org.apache.lucene.document.LongPoint("last_seen", lastSeen));
                w.addDocument(doc);
            }
            w.setLiveCommitData(java.util.Map.of("inzage.format", "6").entrySet());
            w.commit();
        }
        List<Finding> now = new java.util.ArrayList<>();
        long[] times = {cutoff - 86_400_000L, cutoff - 1_000, cutoff - 400, cutoff + 600, cutoff + 86_400_000L};
        for (int i = 0; i < times.length; i++) {
            now.add(new Finding("src1", "file:///logs", "log", "/logs/a.log", null, "client", "ip_address", "electronic", "normal",
                    0.9, "10.***.***.1", new KeyedHasher(new byte[32]).hash("10.0.0." + i), List.of(), String.valueOf(i + 1), 1,
                    List.of("c1:" + (i + 1)), "c1", 0, null, times[i] - 5_000, times[i]));
        }
        try (InventoryIndex idx = InventoryIndex.openWriter(dir)) {
            idx.replace("c1", now, 1, true);
            idx.commit();
            // format 6: the day before and the millisecond before; now: the day before, the second before and
            // 400 ms before (the cutoff's own second), not 600 ms after it
            assertEquals(2 + 3, idx.lastSeenBefore("src1", cutoff));
            assertEquals(0, idx.lastSeenBefore("src2", cutoff));
        }
    }

    /**
     * Format 8 indexes a keyed hash and the record lines as points; the terms format 7 wrote for them
     * still match, and a rewrite by hash reaches findings of either layout.
     */
    @Test
    void format7TermsAndFormat8PointsBothMatch(@TempDir Path dir) throws IOException {
        KeyedHasher h = new KeyedHasher(new byte[32]);
        String old = h.hash("81.82.201.7");
        String now = h.hash("81.82.201.8");
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
            Document doc = earlierFinding(old, 4, "7");
            doc.add(new StringField("recn", new org.apache.lucene.util.BytesRef(new byte[] {0, 0, 0, 7}), Field.Store.NO));
            w.addDocument(doc);
            w.setLiveCommitData(java.util.Map.of("inzage.format", "7").entrySet());
            w.commit();
        }
        Finding a = new Finding("src1", "log:///var/log/a.log", "log", "/var/log/a.log", null, "client", "ip_address",
                "electronic", "normal", 0.9, "81.***.***.8", now, List.of(old), "7,9", 2,
                new LineRecords("c1", new int[] {7, 9}, 2), "c1", 0);
        try (InventoryIndex idx = InventoryIndex.openWriter(dir)) {
            idx.replace("c1", List.of(a), 1, true);
            idx.commit();
            assertEquals(List.of("c0", "c1"), idx.byHashes(List.of(old)).stream().map(Finding::cid).sorted().toList(),
                    "the old finding by its term, the new one by its alias's point");
            assertEquals(List.of("c1"), idx.byHashes(List.of(now)).stream().map(Finding::cid).toList());
            assertEquals(List.of("c0"), idx.byRecords(List.of("c0:7")).stream().map(Finding::cid).toList());
            assertEquals(List.of("c1"), idx.byRecords(List.of("c1:9")).stream().map(Finding::cid).toList());
            assertEquals(List.of("c1"), idx.byRecords(List.of("c1:7", "c1:8")).stream().map(Finding::cid).toList());
            assertEquals(0, idx.byRecords(List.of("c1:8", "c0:9")).size());
            assertEquals(1, idx.findingsWithHashes("c0", List.of(old)).size());
            idx.rewrite("c0", List.of(old), List.of());
            idx.commit();
            assertEquals(List.of("c1"), idx.byHashes(List.of(old)).stream().map(Finding::cid).toList(), "deleted by its term");
            idx.rewrite("c1", List.of(now), List.of());
            idx.commit();
            assertEquals(0, idx.byHashes(List.of(old, now)).size(), "deleted by its point");
        }
        try (FSDirectory d = FSDirectory.open(dir);
             org.apache.lucene.index.DirectoryReader r = org.apache.lucene.index.DirectoryReader.open(d)) {
            assertEquals("8", r.getIndexCommit().getUserData().get("inzage.format"));
        }
    }

    private static Document earlierFinding(String hash, int termBytes, String lines) {
        byte[] raw = java.util.Base64.getUrlDecoder().decode(hash);
        Document doc = new Document();
        doc.add(new StringField(InventoryIndex.DOCTYPE, "finding", Field.Store.NO));
        doc.add(new StringField(InventoryIndex.CID, "c0", Field.Store.NO));
        doc.add(new StringField("hash", new org.apache.lucene.util.BytesRef(raw, 0, termBytes), Field.Store.NO));
        doc.add(new org.apache.lucene.document.StoredField("f", StoredFinding.encode(new StoredFinding.Fields("c0", "client",
                "ip_address", "electronic", "normal", 0.9, "81.***.***.7", hash, lines, 1, "", 0, 0, 0, List.of(), null))));
        return doc;
    }

    @Test
    void findingsOfAPlaceShareOneContainerDocumentAndReadBackWhole(@TempDir Path dir) throws IOException {
        Finding a = new Finding("src1", "file:///share", "file", "/share/a.txt", null, null, "email", "identification", "high",
                0.9, "j***@example.be", "h1", List.of(), "3", 1, List.of("r1"), "c1", 0);
        Finding b = new Finding("src1", "file:///share", "file", "/share/a.txt", null, null, "phone", "identification", "high",
                0.9, "+32 4** ** ** 56", "h2", List.of(), "4", 1, List.of("r1"), "c1", 0);
        try (InventoryIndex idx = InventoryIndex.openWriter(dir)) {
            idx.replace("c1", List.of(), 1, true); // an empty first batch: the container document comes with the next
            idx.replace("c1", List.of(a, b), 1, false);
            idx.commit();
            assertEquals(2, idx.count());
            assertEquals(2, idx.count("src1"));
            Finding back = idx.byHashes(List.of("h2")).get(0);
            assertEquals("/share/a.txt", back.container());
            assertEquals("file:///share", back.source());
            assertEquals("file", back.kind());
            assertEquals("src1", back.sourceId());
            assertEquals(1, idx.sources().size());
            List<Finding> all = new java.util.ArrayList<>();
            idx.forEach(all::add);
            assertEquals(2, all.size());
            assertTrue(all.stream().allMatch(f -> "/share/a.txt".equals(f.container())));
            // a later complete scan that does not see the place drops the container and its findings together
            idx.dropStale("src1", 2);
            idx.commit();
            assertEquals(0, idx.count());
            assertEquals(0, idx.sources().size());
        }
        try (InventoryIndex again = InventoryIndex.openWriter(dir)) {
            assertEquals(0, again.count()); // reopened: the format mark survived the commits
        }
    }

    @Test
    void recordLinesThatAreTheFindingsOwnLinesAreStoredOnceAndReadBackWhole(@TempDir Path dir) throws IOException {
        // a log value: every line it is on is also a record (a line) of its own file
        Finding log = new Finding("src1", "log:///var/log/a.log", "log", "/var/log/a.log", null, "client", "ip_address",
                "electronic", "normal", 0.9, "81.***.***.7", "h1", List.of(), "3-5,9", 4,
                List.of("c1:3", "c1:4", "c1:5", "c1:9"), "c1", 0);
        // a JSON-lines value whose record is the object's first line, not the value's own line
        Finding json = new Finding("src1", "log:///var/log/a.log", "log", "/var/log/a.log", null, "user", "login",
                "identification", "normal", 0.9, "j***", "h2", List.of(), "12", 1, List.of("c1:10"), "c1", 0);
        // the same kind of value as the collector hands it over: its line records as numbers
        Finding numbers = new Finding("src1", "log:///var/log/a.log", "log", "/var/log/a.log", null, "_ga", "cookie",
                "electronic", "normal", 0.9, "G***", "h3", List.of(), "9,30", 2, new LineRecords("c1", new int[] {9, 30}, 2), "c1", 0);
        // a database value: its row's record, and a row it references in another table
        String row = Finding.sha256("{\"id\":7}");
        Finding db = new Finding("src1", "postgres://db", "db", "public.t", null, "email", "email", "identification", "high",
                0.9, "j***", "h4", List.of(), "", 1, List.of("c9:" + row, "c8:" + Finding.sha256("{\"id\":1}")), "c9", 0,
                "[{\"id\":7}]");
        try (InventoryIndex idx = InventoryIndex.openWriter(dir)) {
            idx.replace("c1", List.of(log, json, numbers), 1, true);
            idx.replace("c9", List.of(db), 1, true);
            idx.commit();
            assertEquals(List.of("h1", "h3"), idx.byRecords(List.of("c1:9")).stream().map(Finding::hash).sorted().toList());
            assertEquals(List.of("c1:9", "c1:30"), idx.byHashes(List.of("h3")).get(0).records());
            // the row by its own record, and by the record of the row it references
            assertEquals(List.of("h4"), idx.byRecords(List.of("c9:" + row)).stream().map(Finding::hash).toList());
            assertEquals(List.of("h4"), idx.byRecords(List.of("c8:" + Finding.sha256("{\"id\":1}"))).stream()
                    .map(Finding::hash).toList());
            assertEquals(0, idx.byRecords(List.of("c8:" + row)).size(), "a row key is matched within its own table");
            assertEquals(List.of("c1:3", "c1:4", "c1:5", "c1:9"), idx.byHashes(List.of("h1")).get(0).records());
            assertEquals("3-5,9", idx.byHashes(List.of("h1")).get(0).lines());
            assertEquals(List.of("c1:10"), idx.byHashes(List.of("h2")).get(0).records());
            // linking by record still finds both ways
            assertEquals(List.of("h2"), idx.byRecords(List.of("c1:10")).stream().map(Finding::hash).toList());
        }
        try (FSDirectory d = FSDirectory.open(dir);
             org.apache.lucene.index.DirectoryReader r = org.apache.lucene.index.DirectoryReader.open(d)) {
            List<String> stored = new java.util.ArrayList<>();
            for (int i = 0; i < r.maxDoc(); i++) {
                org.apache.lucene.util.BytesRef blob = r.storedFields().document(i).getBinaryValue("f");
                String v = blob == null ? null : StoredFinding.decode(blob).recordLines();
                if (v != null) {
                    stored.add(v);
                }
            }
            java.util.Collections.sort(stored);
            assertEquals(List.of("10", "=", "="), stored); // the log values' lists are not stored a second time
        }
    }

    @Test
    void linesOfThousandsOfFilesAreLinkedExactly(@TempDir Path dir) throws IOException {
        // more containers than one query's 256 parts: line 7 of every file, and line 8 that must not match
        List<String> records = new java.util.ArrayList<>();
        try (InventoryIndex idx = InventoryIndex.openWriter(dir)) {
            for (int c = 0; c < 1200; c++) {
                String cid = "c" + c;
                Finding on7 = new Finding("src1", "file:///share", "file", "/share/" + c + ".csv", null, "email", "email",
                        "identification", "high", 0.9, "j***", "h7-" + c, List.of(), "7", 1, List.of(cid + ":7"), cid, 0);
                Finding on8 = new Finding("src1", "file:///share", "file", "/share/" + c + ".csv", null, "email", "email",
                        "identification", "high", 0.9, "k***", "h8-" + c, List.of(), "8", 1, List.of(cid + ":8"), cid, 0);
                idx.replace(cid, List.of(on7, on8), 1, true);
                records.add(cid + ":7");
            }
            idx.commit();
            List<Finding> linked = idx.byRecords(records);
            assertEquals(1200, linked.size());
            assertTrue(linked.stream().allMatch(f -> f.hash().startsWith("h7-")));
            assertEquals(1, idx.byRecords(List.of("c5:8", "c5:70", "c6:1")).size()); // line 7 of c5 is not line 70
        }
    }
}
