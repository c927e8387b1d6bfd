package be.inzage.extract;

import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.detect.TestRules;
import be.inzage.inventory.Finding;
import be.inzage.inventory.InventoryIndex;
import be.inzage.inventory.KeyedHasher;
import be.inzage.scan.ScanRunner;
import be.inzage.scan.ScanSummary;
import be.inzage.source.SourceUri;
import be.inzage.subject.IdentifierNormalizer;
import be.inzage.subject.SubjectSearch;
import io.vertx.core.json.JsonObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad documents are recorded against the item with a reason; the scan completes and every item is accounted for. */
class MalformedDocumentsTest {

    @TempDir
    static Path tmp;
    static ScanSummary summary;
    static Path data;

    @BeforeAll
    static void scan() throws Exception {
        Path share = Files.createDirectories(tmp.resolve("share"));
        String text = "Contact: deep.subject@example.be";
        DocumentFixtures.docx(share.resolve("ok.docx"), text);
        byte[] docx = Files.readAllBytes(share.resolve("ok.docx"));
        Files.write(share.resolve("truncated.docx"), java.util.Arrays.copyOf(docx, docx.length / 3));
        DocumentFixtures.pdf(share.resolve("ok.pdf"), text);
        byte[] pdf = Files.readAllBytes(share.resolve("ok.pdf"));
        Files.write(share.resolve("truncated.pdf"), java.util.Arrays.copyOf(pdf, pdf.length / 3));
        // encrypted PDF: a user password is needed to open it
        try (PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            StandardProtectionPolicy p = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            p.setEncryptionKeyLength(128);
            d.protect(p);
            d.save(share.resolve("encrypted.pdf").toFile());
        }
        // password-protected xlsx (agile encryption)
        Path plainXlsx = tmp.resolve("plain.xlsx");
        DocumentFixtures.xlsx(plainXlsx, "email", "deep.subject@example.be");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("geheim");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(Files.readAllBytes(plainXlsx)); // the encrypted stream holds the plain package's bytes
            }
            try (OutputStream out = Files.newOutputStream(share.resolve("protected.xlsx"))) {
                fs.writeFilesystem(out);
            }
        }
        // a zip bomb: 300 MB of zeros in a few hundred KB
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(share.resolve("bomb.zip")))) {
            z.putNextEntry(new ZipEntry("zeros.txt"));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) '0');
            for (int i = 0; i < 300; i++) {
                z.write(block);
            }
            z.closeEntry();
        }
        // ten archives deep
        byte[] inner = text.getBytes(StandardCharsets.UTF_8);
        String name = "deep.txt";
        for (int level = 1; level <= 10; level++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(bytes)) {
                z.putNextEntry(new ZipEntry(name));
                z.write(inner);
                z.closeEntry();
            }
            inner = bytes.toByteArray();
            name = "level" + level + ".zip";
        }
        Files.write(share.resolve("nested.zip"), inner);
        data = tmp.resolve("data");
        summary = ScanRunner.run(new DataDir(data), Rulebook.load(TestRules.root()), List.of(SourceUri.parse(share.toString())))
                .get(0);
    }

    static String reasonFor(String file) {
        for (Object o : summary.toJson().getJsonArray("failedItems")) {
            JsonObject j = (JsonObject) o;
            if (j.getString("item").endsWith("/" + file)) {
                return j.getString("reason");
            }
        }
        return null;
    }

    @Test
    void everyItemIsAccountedFor() {
        assertEquals(8, summary.seen(), summary.toText());
        assertEquals(summary.seen(), summary.scanned() + summary.failed() + summary.skipped() + summary.unchanged());
    }

    @Test
    void failuresCarryTheirReason() {
        assertEquals("encrypted or password-protected", reasonFor("encrypted.pdf"), summary.toText());
        assertEquals("encrypted or password-protected", reasonFor("protected.xlsx"), summary.toText());
        assertTrue(String.valueOf(reasonFor("truncated.docx")).startsWith("corrupt"), summary.toText());
        assertTrue(String.valueOf(reasonFor("truncated.pdf")).startsWith("corrupt"), summary.toText());
    }

    @Test
    void bombAndDeepNestingAreScannedWithinBounds() throws IOException {
        assertEquals(null, reasonFor("bomb.zip"), summary.toText());
        DataDir dir = new DataDir(data);
        try (InventoryIndex index = InventoryIndex.openReader(dir.index())) {
            List<Finding> found = new SubjectSearch(index, KeyedHasher.open(dir.keyFile()),
                    new IdentifierNormalizer(Rulebook.load(TestRules.root()).engine()))
                    .search(Map.of("email", List.of("deep.subject@example.be")));
            assertTrue(found.stream().anyMatch(f -> f.container().endsWith("nested.zip") && f.part() != null
                    && f.part().endsWith("deep.txt")), String.valueOf(found));
            assertTrue(found.stream().anyMatch(f -> f.container().endsWith("ok.pdf")));
        }
    }

    @Test
    void aParserThatTakesTooLongIsAbandoned() throws IOException {
        Path docx = tmp.resolve("share/ok.docx");
        DocumentItemScanner impatient = new DocumentItemScanner(Rulebook.load(TestRules.root()).engine(), 1);
        DocumentItemScanner.UnreadableDocumentException e = assertThrows(DocumentItemScanner.UnreadableDocumentException.class,
                () -> impatient.scan(() -> new java.io.FilterInputStream(Files.newInputStream(docx)) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        try {
                            Thread.sleep(50); // a parser stuck on a slow or hostile input
                        } catch (InterruptedException ie) {
                            throw new java.io.InterruptedIOException();
                        }
                        return super.read(b, off, len);
                    }
                }, part -> null));
        assertTrue(e.getMessage().startsWith("parser time-out"), e.getMessage());
    }

    @Test
    void aParserThatBlowsUpFailsItsItemOnly() throws IOException {
        // an Error (a parser recursing without end, running out of memory) must not escape into the scanner
        DocumentItemScanner scanner = new DocumentItemScanner(Rulebook.load(TestRules.root()).engine());
        DocumentItemScanner.UnreadableDocumentException e = assertThrows(DocumentItemScanner.UnreadableDocumentException.class,
                () -> scanner.scan("deep.docx", () -> new java.io.InputStream() {
                    @Override
                    public int read() {
                        throw new StackOverflowError();
                    }
                }, part -> null));
        assertEquals("parser failure (StackOverflowError)", e.getMessage());
        List<String> found = new java.util.ArrayList<>();
        Path docx = tmp.resolve("share/ok.docx");
        scanner.scan("ok.docx", () -> Files.newInputStream(docx), part -> collecting(found));
        assertTrue(!found.isEmpty(), "the next document is read as usual");
    }

    @Test
    void abandonedParsesDoNotHoldBackTheNextItems() throws IOException {
        // parses are bounded per core; a parse that hangs for good must give its place back at its time-out,
        // or a few hostile files would stall every later document of the scan
        Path docx = tmp.resolve("share/ok.docx");
        DocumentItemScanner impatient = new DocumentItemScanner(Rulebook.load(TestRules.root()).engine(), 200);
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        try {
            int hostile = Runtime.getRuntime().availableProcessors() + 2;
            for (int i = 0; i < hostile; i++) {
                DocumentItemScanner.UnreadableDocumentException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                        java.time.Duration.ofSeconds(10), () -> assertThrows(DocumentItemScanner.UnreadableDocumentException.class,
                                () -> impatient.scan("hang.docx", () -> new java.io.InputStream() {
                                    @Override
                                    public int read() throws IOException {
                                        try {
                                            never.await(); // ignores nothing but an interrupt, which it then swallows
                                        } catch (InterruptedException ie) {
                                            Thread.currentThread().interrupt();
                                        }
                                        return -1;
                                    }
                                }, part -> null)));
                assertTrue(e.getMessage().startsWith("parser time-out"), e.getMessage());
            }
            java.util.List<String> found = new java.util.ArrayList<>();
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                    () -> impatient.scan("ok.docx", () -> Files.newInputStream(docx), part -> collecting(found)));
            assertTrue(!found.isEmpty(), "a good document after the hung ones is still read");
        } finally {
            never.countDown();
        }
    }

    private static FindingCollector collecting(java.util.List<String> types) {
        return new FindingCollector(new ItemRef("s", "s", "file", "ok.docx", null),
                Rulebook.load(TestRules.root()).policy(), new KeyedHasher(new byte[32]), (cid, batch, first) -> { }, false)
                .tap((d, part, line) -> types.add(d.type()));
    }
}
