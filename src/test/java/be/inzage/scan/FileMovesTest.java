package be.inzage.scan;

import be.inzage.config.DataDir;
import be.inzage.extract.DocumentFixtures;
import be.inzage.inventory.Finding;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static be.inzage.scan.AppendedLogTest.inventory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files moved or renamed in a share keep their findings without being read (or parsed) again, and
 * leave the inventory a read of the share as it is now gives; a copy (the old file still there) is read.
 */
class FileMovesTest {

    @TempDir
    Path tmp;

    /** The share read whole into a fresh inventory with the same key. */
    Set<String> fullRead(Path data, Path share) throws Exception {
        Path fresh = tmp.resolve("full-" + System.nanoTime());
        Files.createDirectories(new DataDir(fresh).keyFile().getParent());
        Files.copy(new DataDir(data).keyFile(), new DataDir(fresh).keyFile());
        ScanSummary s = ScanFixture.scan(fresh, share);
        assertNull(s.toJson().getValue("moved"), s.toText());
        return inventory(fresh);
    }

    @Test
    void movedAndRenamedFilesKeepTheirFindingsWithoutBeingReadAgain() throws Exception {
        Path share = tmp.resolve("share");
        Path docs = Files.createDirectories(share.resolve("docs"));
        DocumentFixtures.docx(docs.resolve("contract.docx"), "Contactpersoon: jan.peeters@example.be, gsm 0475 12 34 56");
        DocumentFixtures.zip(docs.resolve("bundle.zip"), "inner/klant.txt",
                "e-mail: piet.jansens@example.be\nIBAN BE71 0961 2345 6769\n".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(share.resolve("data"));
        Files.writeString(share.resolve("data/klanten.csv"), "naam;email;telefoon\nAn Peeters;an.peeters@example.be;0475 11 22 33\n"
                + "Els Maes;els.maes@example.be;0486 44 55 66\n");
        Files.writeString(share.resolve("notes.txt"), "Bel Karel Janssens op 0470 98 76 54 of karel@example.be.\n");
        Path data = tmp.resolve("data");
        ScanSummary first = ScanFixture.scan(data, share);
        assertNull(first.toJson().getValue("moved"), first.toText());

        // a folder renamed one level down, and a file renamed
        Files.createDirectories(share.resolve("archief"));
        Files.move(docs, share.resolve("archief/docs-2025"));
        Files.move(share.resolve("data/klanten.csv"), share.resolve("data/klanten-2025.csv"));
        ScanSummary moved = ScanFixture.scan(data, share);
        assertEquals(new JsonObject().put("files", 3L).put("findings", moved.toJson().getJsonObject("moved").getLong("findings")),
                moved.toJson().getJsonObject("moved"), moved.toText());
        assertTrue(moved.toJson().getJsonObject("moved").getLong("findings") >= 8, moved.toText());
        assertEquals(0, moved.scanned(), "nothing read again: " + moved.toText());
        assertEquals(4, moved.unchanged(), moved.toText());
        assertTrue(moved.toText().contains("moved: 3 file(s) found at a new path"), moved.toText());
        // the CSV export's values keep their row as record, under the new path: the row's other values stay linked
        Finding an = ScanFixture.search(data, "email", "an.peeters@example.be").get(0);
        assertEquals(share.resolve("data/klanten-2025.csv").toString(), an.container());
        String cid = new be.inzage.extract.ItemRef(an.sourceId(), an.source(), "file", an.container(), null).cid();
        assertEquals(List.of(cid + ":2"), an.records());
        assertEquals(fullRead(data, share), inventory(data), "the inventory a read of the share as it is now gives");

        List<Finding> jan = ScanFixture.search(data, "email", "jan.peeters@example.be");
        assertEquals(1, jan.size(), jan.toString());
        assertEquals(share.resolve("archief/docs-2025/contract.docx").toString(), jan.get(0).container());
        List<Finding> piet = ScanFixture.search(data, "email", "piet.jansens@example.be");
        assertEquals(share.resolve("archief/docs-2025/bundle.zip").toString(), piet.get(0).container());
        assertTrue(piet.get(0).part() != null && piet.get(0).part().endsWith("klant.txt"), "an archive member keeps its part");

        // a copy leaves the old file in place: it is read, nothing moves
        Files.copy(share.resolve("archief/docs-2025/contract.docx"), share.resolve("contract-kopie.docx"),
                java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        ScanSummary copied = ScanFixture.scan(data, share);
        assertNull(copied.toJson().getValue("moved"), copied.toText());
        assertEquals(1, copied.scanned(), copied.toText());
        assertEquals(fullRead(data, share), inventory(data));

        // moved, and another file written at the old path since: both read (the old path's findings are replaced
        // while the walk goes on, so they cannot be the moved file's)
        Files.move(share.resolve("contract-kopie.docx"), share.resolve("archief/contract-kopie.docx"));
        DocumentFixtures.docx(share.resolve("contract-kopie.docx"), "Nieuw: sofie@example.be");
        ScanSummary both = ScanFixture.scan(data, share);
        assertNull(both.toJson().getValue("moved"), both.toText());
        assertEquals(2, both.scanned(), both.toText());
        assertEquals(fullRead(data, share), inventory(data));

        // deleted: gone from the inventory, and not taken for moved by a later file of the same size and time
        Files.delete(share.resolve("archief/contract-kopie.docx"));
        ScanFixture.scan(data, share);
        assertEquals(fullRead(data, share), inventory(data));
    }

    @Test
    void aTextFileLargerThanItsDigestedHeadIsFoundAgainToo() throws Exception {
        // the head is digested while the file is read for detection: over 64 KB only its start counts
        Path share = Files.createDirectories(tmp.resolve("big"));
        Files.writeString(share.resolve("log-export.txt"), "regel zonder gegevens\n".repeat(10_000) + "mail lies.maes@example.be\n");
        Path data = tmp.resolve("big-data");
        ScanFixture.scan(data, share);
        Files.move(share.resolve("log-export.txt"), share.resolve("export-2025.txt"));
        ScanSummary moved = ScanFixture.scan(data, share);
        assertEquals(1L, moved.toJson().getJsonObject("moved").getLong("files"), moved.toText());
        assertEquals(0, moved.scanned(), moved.toText());
        assertEquals(share.resolve("export-2025.txt").toString(),
                ScanFixture.search(data, "email", "lies.maes@example.be").get(0).container());
    }

    @Test
    void aMovedFileThatCannotBeReadAtItsNewPathDoesNotStopTheWalk() throws Exception {
        Path share = tmp.resolve("share");
        Files.createDirectories(share.resolve("a"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(share.resolve("a/klant" + i + ".txt"), "E-mail: klant" + i + "@example.be\n");
        }
        Path data = tmp.resolve("data");
        ScanFixture.scan(data, share);
        Files.move(share.resolve("a"), share.resolve("b"));
        // klant1.txt vanishes once the walk has listed it, before its first 64 KB are read
        FileShareCrawler.beforeState = p -> {
            if (p.getFileName().toString().equals("klant1.txt")) {
                try {
                    Files.delete(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        ScanSummary s;
        try {
            s = ScanFixture.scan(data, share);
        } finally {
            FileShareCrawler.beforeState = p -> { };
        }
        assertEquals(2L, s.toJson().getJsonObject("moved").getLong("files"), s.toText());
        assertEquals("completed", s.toJson().getString("state"), "the walk went on: " + s.toText());
        assertTrue(s.toJson().encode().contains("vanished"), s.toText());
        assertEquals(fullRead(data, share), inventory(data));
    }
}
