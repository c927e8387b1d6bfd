package be.inzage.extract;

import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.detect.TestRules;
import be.inzage.inventory.Finding;
import be.inzage.inventory.InventoryIndex;
import be.inzage.scan.ScanRunner;
import be.inzage.scan.ScanSummary;
import be.inzage.source.SourceUri;
import be.inzage.subject.IdentifierNormalizer;
import be.inzage.subject.SubjectSearch;
import be.inzage.inventory.KeyedHasher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Documents through Tika: the same planted e-mail in docx, xlsx, pdf, eml, zip (holding a docx)
 * and tar.gz, each found with its part; real third-party files from shared/corpus/documents
 * (Outlook .msg, a mail with a photo attached, a photo with GPS, a video, Office metadata).
 */
class DocumentScanTest {

    static final String MAIL = "planted.subject@example.be";

    @TempDir
    static Path tmp;
    static Path data;
    static ScanSummary summary;

    static Path corpus() {
        return Path.of(System.getenv().getOrDefault("INZAGE_SHARED", "../shared"), "corpus/documents/tika");
    }

    @BeforeAll
    static void scan() throws IOException {
        Path share = Files.createDirectories(tmp.resolve("share"));
        String text = "Contact: " + MAIL + ", tel. 0470/12.34.56";
        DocumentFixtures.docx(share.resolve("brief.docx"), text);
        DocumentFixtures.xlsx(share.resolve("klanten.xlsx"), "email", MAIL);
        DocumentFixtures.pdf(share.resolve("offerte.pdf"), text);
        DocumentFixtures.eml(share.resolve("vraag.eml"), MAIL, "Mijn nummer is 0470/12.34.56.");
        DocumentFixtures.zip(share.resolve("archief.zip"), "dossier/brief.docx", DocumentFixtures.docxBytes(text));
        DocumentFixtures.tarGz(share.resolve("export.tar.gz"), "notes.txt", text.getBytes(StandardCharsets.UTF_8));
        for (String f : List.of("testMSG.msg", "testEmailWithPNGAtt.eml", "testJPEG_GEO.jpg", "testMP4Video.mp4",
                "testEXCEL.xlsx", "testWORD.docx", "testOpenOffice2.odt")) {
            Files.copy(corpus().resolve(f), share.resolve(f));
        }
        Files.write(share.resolve("truncated.docx"), java.util.Arrays.copyOf(Files.readAllBytes(share.resolve("brief.docx")), 700));
        data = tmp.resolve("data");
        summary = ScanRunner.run(new DataDir(data), Rulebook.load(TestRules.root()), List.of(SourceUri.parse(share.toString())))
                .get(0);
    }

    static List<Finding> search(String type, String value) throws IOException {
        DataDir dir = new DataDir(data);
        Rulebook rules = Rulebook.load(TestRules.root());
        try (InventoryIndex index = InventoryIndex.openReader(dir.index())) {
            return new SubjectSearch(index, KeyedHasher.open(dir.keyFile()), new IdentifierNormalizer(rules.engine()))
                    .search(Map.of(type, List.of(value)));
        }
    }

    static List<Finding> all() throws IOException {
        List<Finding> out = new ArrayList<>();
        try (InventoryIndex index = InventoryIndex.openReader(new DataDir(data).index())) {
            index.forEach(out::add);
        }
        return out;
    }

    @Test
    void plantedValueIsFoundInEveryFormatWithItsPart() throws IOException {
        Set<String> where = search("email", MAIL).stream()
                .map(f -> Path.of(f.container()).getFileName() + (f.part() == null ? "" : "!/" + f.part()))
                .collect(Collectors.toSet());
        assertTrue(where.contains("brief.docx"), where.toString());
        assertTrue(where.contains("klanten.xlsx"), where.toString());
        assertTrue(where.contains("offerte.pdf"), where.toString());
        assertTrue(where.contains("vraag.eml"), where.toString());
        assertTrue(where.stream().anyMatch(w -> w.startsWith("archief.zip!/") && w.endsWith("brief.docx")), where.toString());
        assertTrue(where.stream().anyMatch(w -> w.startsWith("export.tar.gz!/") && w.endsWith("notes.txt")), where.toString());
        assertTrue(search("phone", "+32470123456").size() >= 5);
    }

    @Test
    void realMailsPhotosVideosAndOfficeMetadata() throws IOException {
        assertTrue(search("email", "jukka.zitting@gmail.com").stream().anyMatch(f -> f.container().endsWith("testMSG.msg")));
        List<Finding> fs = all();
        assertTrue(fs.stream().anyMatch(f -> f.type().equals("photo") && f.container().endsWith("testJPEG_GEO.jpg")
                && f.masked().contains("GPS")), "photo with GPS");
        assertTrue(fs.stream().anyMatch(f -> f.type().equals("video") && f.container().endsWith("testMP4Video.mp4")), "video");
        assertTrue(fs.stream().anyMatch(f -> f.type().equals("photo") && f.container().endsWith("testEmailWithPNGAtt.eml")
                && f.part() != null), "the photo attached to a mail is a part of it");
        assertTrue(fs.stream().anyMatch(f -> f.type().equals("ip_address") && f.container().endsWith("testEmailWithPNGAtt.eml")),
                "Received header IPs");
        assertEquals(Set.of("testWORD.docx", "testEXCEL.xlsx"), search("name", "Keith Bennett").stream()
                .map(f -> Path.of(f.container()).getFileName().toString()).collect(Collectors.toSet()), "author metadata");
        assertTrue(fs.stream().noneMatch(f -> f.container().endsWith("testOpenOffice2.odt")), "negative control has no findings");
        // a sheet's author is on no sheet: it is listed by its metadata field (it once had an empty sheet set, "s", that no
        // listing could parse)
        Finding author = search("name", "Keith Bennett").stream().filter(f -> f.container().endsWith("testEXCEL.xlsx")).findFirst()
                .orElseThrow();
        assertEquals(author.field(), author.toJson().getJsonObject("locator").getString("column"), author.toJson().encode());
        fs.forEach(Finding::toJson); // every finding can be listed
    }

    @Test
    void aTruncatedDocumentIsRecordedAndTheRestIsScanned() {
        String s = summary.toJson().encode();
        assertEquals(summary.seen(), summary.scanned() + summary.failed() + summary.skipped());
        assertTrue(summary.failed() >= 1 && s.contains("truncated.docx") && s.contains("corrupt or truncated"), s);
    }
}
