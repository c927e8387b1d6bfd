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
}
