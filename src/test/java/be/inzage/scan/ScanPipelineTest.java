package be.inzage.scan;

import be.inzage.inventory.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanPipelineTest {

    @TempDir
    Path tmp;

    private Path share() throws IOException {
        Path share = Files.createDirectories(tmp.resolve("share"));
        Files.writeString(share.resolve("a.txt"), "Hallo,\nmijn gsm is 0475/12.34.56 en mail jan.peeters@example.be\n"
                + "IBAN BE71 0961 2345 6769\n");
        Files.createDirectories(share.resolve("sub"));
        Files.writeString(share.resolve("sub/b.csv"), "naam;email;telefoon\nJan Peeters;Jan.Peeters@Example.be;+32 475 12 34 56\n");
        Files.writeString(share.resolve("sub/c.json"), "{\"customer\": {\"mail\": \"jan.peeters@example.be\", \"ip\": \"81.82.201.7\"}}\n");
        Files.write(share.resolve("plan.dwg"), new byte[] {'A', 'C', '1', '0', '1', '5'});
        return share;
    }

    @Test
    void findsEveryCopyAcrossFormatsAndNotations() throws IOException {
        Path data = tmp.resolve("data");
        ScanSummary s = ScanFixture.scan(data, share());
        assertEquals(4, s.seen());
        assertEquals(3, s.scanned());
        assertEquals(1, s.skipped(), "the drawing is counted as skipped, not ignored");

        List<Finding> mail = ScanFixture.search(data, "value", "JAN.PEETERS@example.be");
        assertEquals(Set.of("a.txt", "b.csv", "c.json"), names(mail));
        Finding inText = mail.stream().filter(f -> f.container().endsWith("a.txt")).findFirst().orElseThrow();
        assertEquals("{\"line\":2}", inText.locator().encode());

        List<Finding> phone = ScanFixture.search(data, "value", "+32 475 12 34 56");
        assertEquals(Set.of("a.txt", "b.csv"), names(phone));
        assertEquals(Set.of("a.txt", "b.csv"), names(ScanFixture.search(data, "phone", "0032475123456")));
        assertEquals(Set.of("a.txt"), names(ScanFixture.search(data, "iban", "be71096123456769")));
        assertEquals(Set.of("c.json"), names(ScanFixture.search(data, "ip", "::ffff:81.82.201.7")));
    }

    @Test
    void rescanReplacesAndDeletedFilesDropOut() throws IOException {
        Path data = tmp.resolve("data");
        Path share = share();
        ScanFixture.scan(data, share);
        int first = ScanFixture.count(data);
        assertTrue(first > 5);
        ScanFixture.scan(data, share);
        assertEquals(first, ScanFixture.count(data), "a rescan replaces, never duplicates");

        Files.delete(share.resolve("sub/b.csv"));
        ScanFixture.scan(data, share);
        assertTrue(ScanFixture.count(data) < first);
        assertEquals(Set.of("a.txt", "c.json"), names(ScanFixture.search(data, "email", "jan.peeters@example.be")));
    }

    @Test
    void unchangedFilesAreSkippedAndChangedOnesReRead() throws IOException {
        Path data = tmp.resolve("data");
        Path share = share();
        ScanSummary first = ScanFixture.scan(data, share);
        ScanSummary again = ScanFixture.scan(data, share);
        assertEquals(0, again.scanned());
        assertEquals(first.scanned(), again.unchanged(), again.toText());
        assertEquals(first.completeness(), again.completeness(), 1e-9, "unchanged items are covered");

        Path a = share.resolve("a.txt");
        Files.writeString(a, "Nieuw: mail naar nieuw.adres@example.be\n");
        Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        ScanSummary third = ScanFixture.scan(data, share);
        assertEquals(1, third.scanned(), third.toText());
        assertEquals(Set.of("a.txt"), names(ScanFixture.search(data, "email", "nieuw.adres@example.be")));
        assertEquals(Set.of("b.csv", "c.json"), names(ScanFixture.search(data, "email", "jan.peeters@example.be")),
                "the changed file's old findings are replaced, the unchanged files' kept");
    }

    @Test
    void noPlantedValueInPlaintextUnderTheDataDirectory() throws IOException {
        Path data = tmp.resolve("data");
        ScanFixture.scan(data, share());
        List<String> planted = List.of("jan.peeters@example.be", "Jan.Peeters@Example.be", "0475/12.34.56", "+32475123456",
                "BE71 0961 2345 6769", "BE71096123456769", "81.82.201.7", "Peeters");
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String v : planted) {
                    assertFalse(content.contains(v), v + " in plain text in " + data.relativize(f));
                }
            }
        }
    }

    @Test
    void badInputIsRecordedAndTheScanCompletes() throws IOException {
        Path share = Files.createDirectories(tmp.resolve("bad"));
        // invalid UTF-8 around a valid identifier
        Files.write(share.resolve("latin.txt"), concat("mail: ".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xE9, (byte) 0xFF, ' '}, "jan.peeters@example.be\n".getBytes(StandardCharsets.US_ASCII)));
        // valid UTF-8 for longer than the charset sample, then bytes that are not UTF-8
        Files.write(share.resolve("mixed.txt"), concat("café ".repeat(20_000).getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, (byte) 0x28, '\n'}, "mail mixed.file@example.be\n".getBytes(StandardCharsets.US_ASCII)));
        // binary content with a .txt name
        byte[] bin = new byte[4096];
        for (int i = 0; i < bin.length; i++) {
            bin[i] = (byte) (i * 31);
        }
        Files.write(share.resolve("binary.txt"), bin);
        // a symbolic link loop
        Files.createDirectories(share.resolve("loop"));
        Files.createSymbolicLink(share.resolve("loop/back"), share);
        // a broken link and a named pipe
        Files.createSymbolicLink(share.resolve("dangling.txt"), share.resolve("nowhere.txt"));
        new ProcessBuilder("mkfifo", share.resolve("pipe.txt").toString()).start().onExit().join();
        // a 200 MB file on one single line, the identifier at its very end
        Path big = share.resolve("oneline.log");
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] block = "lorem ipsum dolor sit amet ".repeat(4000).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < 200L * 1024 * 1024; written += block.length) {
                out.write(block);
            }
            out.write("contact big.file@example.be".getBytes(StandardCharsets.US_ASCII));
        }
        // unreadable file: only meaningful when not running as root
        Path secret = share.resolve("secret.txt");
        Files.writeString(secret, "jan.peeters@example.be");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));

        Path data = tmp.resolve("data");
        ScanSummary s = ScanFixture.scan(data, share);
        String text = s.toJson().encodePrettily();
        assertTrue(text.contains("binary content"), text);
        assertTrue(text.contains("symbolic link loop"), text);
        assertTrue(text.contains("broken symbolic link"), text);
        assertTrue(text.contains("not a regular file"), text);
        assertTrue(text.contains("invalid UTF-8 byte sequence(s) replaced"), text);
        assertEquals(Set.of("mixed.txt"), names(ScanFixture.search(data, "email", "mixed.file@example.be")));
        assertEquals(s.seen(), s.scanned() + s.skipped() + s.failed(), "every item accounted for");
        assertEquals(Set.of("latin.txt", "secret.txt").stream().filter(n -> !n.equals("secret.txt") || isRoot())
                .collect(Collectors.toSet()), names(ScanFixture.search(data, "email", "jan.peeters@example.be")));
        assertEquals(Set.of("oneline.log"), names(ScanFixture.search(data, "email", "big.file@example.be")));
        if (!isRoot()) {
            assertTrue(text.contains("permission denied"), text);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int k = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }

    private static Set<String> names(List<Finding> fs) {
        return fs.stream().map(f -> Path.of(f.container()).getFileName().toString()).collect(Collectors.toSet());
    }
}
