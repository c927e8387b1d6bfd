package be.inzage.extract;

import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The short-cut must pick the parser Tika's own detection would pick, for real files, and step aside
 * whenever the name and the bytes disagree.
 */
class KnownTypeDetectorTest {

    private static final AutoDetectParser AUTO = new AutoDetectParser();
    private static final Detector DEFAULT = AUTO.getDetector();
    private static final KnownTypeDetector KNOWN = new KnownTypeDetector(DEFAULT);

    @TempDir
    Path tmp;

    @Test
    void realFilesGoToTheParserTikaWouldChoose() throws IOException {
        Path tika = DocumentScanTest.corpus();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(tika)) {
            s.filter(p -> !p.getFileName().toString().matches(".*\\.(txt|md)$")).sorted().forEach(files::add);
        }
        Path docx = tmp.resolve("brief.docx");
        DocumentFixtures.docx(docx, "Jan Peeters");
        files.add(docx);
        Path xlsx = tmp.resolve("klanten.xlsx");
        DocumentFixtures.xlsx(xlsx, "email", "jan@example.be");
        files.add(xlsx);
        assertFalse(files.size() < 15, "the Tika corpus is there: " + files);
        Detector shortCutOnly = new KnownTypeDetector((in, m) -> null);
        int shortCut = 0;
        for (Path p : files) {
            MediaType byTika = detect(DEFAULT, p);
            MediaType ours = detect(KNOWN, p);
            assertEquals(parserFor(byTika), parserFor(ours), p + ": Tika says " + byTika + ", the short-cut " + ours);
            if (detect(shortCutOnly, p) != null) {
                shortCut++;
            }
        }
        // every file here has a name and bytes that agree (mails: a header on the first line), except one
        // mail that starts with an mbox envelope line ("From a@b Wed Jul 20"): Tika decides for that one
        assertEquals(files.size() - 1, shortCut, "files settled without Tika's detection");
    }

    @Test
    void aNameTheBytesContradictIsLeftToTika() throws IOException {
        // a "pdf" that is plain text, and a "docx" that is an OLE2 file (how encrypted Office files look)
        assertEquals(MediaType.TEXT_PLAIN, detect(KNOWN, "report.pdf", "just some text\n".getBytes(StandardCharsets.UTF_8)));
        byte[] ole2 = new byte[512];
        byte[] sig = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(sig, 0, ole2, 0, sig.length);
        assertEquals(DEFAULT.detect(TikaInputStream.get(ole2), named("secret.docx")), detect(KNOWN, "secret.docx", ole2));
        assertFalse(detect(KNOWN, "secret.docx", ole2).toString().contains("wordprocessingml"));
        // an "eml" that does not start with a mail header
        byte[] notes = "Dear Jan, see you Monday.\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(DEFAULT.detect(TikaInputStream.get(notes), named("notes.eml")), detect(KNOWN, "notes.eml", notes));
        assertEquals(MediaType.parse("message/rfc822"),
                detect(KNOWN, "mail.eml", "Return-Path: <a@b.be>\r\nFrom: a@b.be\r\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void withoutANameOrWithAFolderDotTikaDecides() throws IOException {
        byte[] pdf = "%PDF-1.4\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(DEFAULT.detect(TikaInputStream.get(pdf), new Metadata()), KNOWN.detect(TikaInputStream.get(pdf), new Metadata()));
        // "v2.pdf/notes": the dot is in a folder name, the file has no extension
        assertEquals(DEFAULT.detect(TikaInputStream.get("hello".getBytes(StandardCharsets.UTF_8)), named("v2.pdf/notes")),
                detect(KNOWN, "v2.pdf/notes", "hello".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theBytesAreThereForTheParserAfterwards() throws IOException {
        byte[] pdf = "%PDF-1.4 and the rest of the file".getBytes(StandardCharsets.ISO_8859_1);
        InputStream in = TikaInputStream.get(pdf);
        assertEquals(MediaType.application("pdf"), KNOWN.detect(in, named("a.pdf")));
        assertArrayEquals(pdf, in.readAllBytes());
        byte[] tar = new byte[1024];
        System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, tar, 257, 5);
        assertEquals(MediaType.application("x-tar"), detect(KNOWN, "backup.tar", tar));
        // too short to hold the signature's offset: Tika decides
        assertEquals(DEFAULT.detect(TikaInputStream.get(new byte[10]), named("backup.tar")), detect(KNOWN, "backup.tar", new byte[10]));
    }

    private static Metadata named(String name) {
        Metadata m = new Metadata();
        m.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        return m;
    }

    private static MediaType detect(Detector d, Path p) throws IOException {
        try (InputStream in = TikaInputStream.get(p)) {
            return d.detect(in, named(p.getFileName().toString()));
        }
    }

    private static MediaType detect(Detector d, String name, byte[] bytes) throws IOException {
        return d.detect(TikaInputStream.get(new ByteArrayInputStream(bytes)), named(name));
    }

    /** The parser class AutoDetectParser hands a type to, through its nested composite parsers. */
    private static String parserFor(MediaType type) {
        MediaTypeRegistry registry = AUTO.getMediaTypeRegistry();
        Parser p = AUTO;
        while (p instanceof CompositeParser c) {
            Parser next = null;
            for (MediaType t = registry.normalize(type); t != null && next == null; t = registry.getSupertype(t)) {
                next = c.getParsers(new ParseContext()).get(t);
            }
            if (next == null || next == p) {
                break;
            }
            p = next;
        }
        assertNotNull(p, "a parser for " + type);
        return p.getClass().getName();
    }
}
