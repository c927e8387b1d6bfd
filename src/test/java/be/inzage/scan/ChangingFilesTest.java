package be.inzage.scan;

import be.inzage.inventory.Finding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files that vanish or change between the walk and the read (made to, deterministically, on the
 * extraction thread), and files whose modification time cannot be trusted.
 */
class ChangingFilesTest {

    @TempDir
    Path tmp;

    @AfterEach
    void noHook() {
        FileShareCrawler.beforeRead = p -> { };
        FileShareCrawler.beforeState = p -> { };
    }

    static Set<String> names(List<Finding> fs) {
        return fs.stream().map(f -> Path.of(f.container()).getFileName().toString()).collect(Collectors.toSet());
    }

    /** A hook that deletes the file of that name when the crawler reaches it. */
    static java.util.function.Consumer<Path> deleting(String name) {
        return p -> {
            if (p.getFileName().toString().equals(name)) {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    Path share() throws IOException {
        Path share = Files.createDirectories(tmp.resolve("share"));
        Files.writeString(share.resolve("a.txt"), "mail an.a@example.be\n");
        Files.writeString(share.resolve("b.txt"), "mail bert.b@example.be\n");
        Files.writeString(share.resolve("c.txt"), "mail cis.c@example.be\n");
        return share;
    }

    /**
     * Scans the share, gives b.txt a new modification time, then rescans while b.txt is deleted when
     * the crawler reaches it: while its content is hashed for its state ({@code whileHashed}), or just
     * before it is read. Either way the rescan sees three files and fails b as vanished.
     */
    ScanSummary rescanWhileBVanishes(Path data, long modifiedMillis, boolean whileHashed) throws Exception {
        Path share = share();
        ScanFixture.scan(data, share);
        Files.setLastModifiedTime(share.resolve("b.txt"), FileTime.fromMillis(modifiedMillis));
        if (whileHashed) {
            FileShareCrawler.beforeState = deleting("b.txt");
        } else {
            FileShareCrawler.beforeRead = deleting("b.txt");
        }
        ScanSummary s = ScanFixture.scan(data, share);
        assertEquals(3, s.seen(), s.toText());
        assertEquals(1, s.failed(), s.toText());
        assertTrue(s.toJson().encode().contains("vanished during the scan"), s.toText());
        return s;
    }

    @Test
    void aFileDeletedBetweenWalkAndReadIsRecordedAndTheScanGoesOn() throws Exception {
        Path data = tmp.resolve("data");
        // b is read again (a new time) and goes between the walk and the read
        ScanSummary s = rescanWhileBVanishes(data, System.currentTimeMillis() + 10_000, false);
        assertEquals(Set.of(), names(ScanFixture.search(data, "email", "bert.b@example.be")),
                "a vanished file's findings drop out");
        assertEquals(Set.of("a.txt"), names(ScanFixture.search(data, "email", "an.a@example.be")), "the others are kept");
    }

    @Test
    void aFileThatVanishesWhileItsContentIsHashedDoesNotCutTheWalkShort() throws Exception {
        // a modification time of 0 cannot be trusted, so the walk hashes the content; the file goes meanwhile
        Path data = tmp.resolve("data");
        ScanSummary s = rescanWhileBVanishes(data, 0, true);
        assertEquals(2, s.unchanged(), s.toText());
        assertEquals("completed", s.toJson().getString("state"), s.toText());
        assertEquals(Set.of("c.txt"), names(ScanFixture.search(data, "email", "cis.c@example.be")), "the rest is kept");
    }

    @Test
    void aWalkThatBreaksOffLeavesTheScanIncompleteAndDropsNothing() throws Exception {
        Path share = share();
        Path data = tmp.resolve("data");
        ScanFixture.scan(data, share);
        FileShareCrawler.beforeState = p -> {
            throw new IllegalStateException("the share went away"); // whatever breaks the walk off
        };
        ScanSummary s = ScanFixture.scan(data, share);
        assertEquals("incomplete", s.toJson().getString("state"), s.toText());
        assertTrue(s.toJson().encode().contains("walk stopped: IllegalStateException"), s.toText());
        for (String[] f : new String[][] {{"a.txt", "an.a@example.be"}, {"b.txt", "bert.b@example.be"}, {"c.txt", "cis.c@example.be"}}) {
            assertEquals(Set.of(f[0]), names(ScanFixture.search(data, "email", f[1])), "not seen is not deleted: " + f[0]);
        }
    }

    @Test
    void aFileWrittenWhileReadIsReadAgainAtTheNextScan() throws Exception {
        Path share = share();
        Path data = tmp.resolve("data");
        FileShareCrawler.beforeRead = p -> {
            if (p.getFileName().toString().equals("c.txt")) {
                try {
                    Files.writeString(p, "en ook claire.c@example.be\n", StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        ScanSummary first = ScanFixture.scan(data, share);
        assertTrue(first.toJson().encode().contains("changed while being read: read again at the next scan"), first.toText());
        noHook();
        ScanSummary second = ScanFixture.scan(data, share);
        assertEquals(1, second.scanned(), "only the file that changed under the reader is read again: " + second.toText());
        assertEquals(2, second.unchanged());
        assertEquals(Set.of("c.txt"), names(ScanFixture.search(data, "email", "claire.c@example.be")));
    }

    @Test
    void filesWithAnUntrustworthyTimeAreComparedByContent() throws Exception {
        Path share = share();
        Path data = tmp.resolve("data");
        Path a = share.resolve("a.txt");
        Files.setLastModifiedTime(a, FileTime.fromMillis(0)); // as restored from some backups and archives
        ScanFixture.scan(data, share);
        ScanSummary again = ScanFixture.scan(data, share);
        assertEquals(3, again.unchanged(), "same content: unchanged, even with a time of 1970: " + again.toText());
        Files.writeString(a, "mail an.x@example.be\n"); // same size, new content
        Files.setLastModifiedTime(a, FileTime.fromMillis(0));
        ScanSummary third = ScanFixture.scan(data, share);
        assertEquals(1, third.scanned(), third.toText());
        assertEquals(Set.of("a.txt"), names(ScanFixture.search(data, "email", "an.x@example.be")));
        assertEquals(Set.of(), names(ScanFixture.search(data, "email", "an.a@example.be")));
    }
}
