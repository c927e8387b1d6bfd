import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.sax.BasicContentHandlerFactory;
import org.apache.tika.sax.RecursiveParserWrapperHandler;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Documents benchmark. "gen DIR N": writes N mixed documents (docx, xlsx, pdf, eml, zip of a docx,
 * plus copies of shared/corpus/documents/tika files) with planted identifiers.
 * "tika DIR THREADS [--no-names] [--sax]": the baseline, bare Tika (AutoDetectParser in a RecursiveParserWrapper, text
 * handler, the same 20 M character limit) over every file, no detection, no index; the script
 * times the whole process (JVM start and parser loading included), as it times `inzage scan`.
 */
public class DocBench {
    public static void main(String[] a) throws Exception {
        if (a[0].equals("gen")) {
            gen(Path.of(a[1]), Integer.parseInt(a[2]));
        } else {
            java.util.List<String> flags = java.util.Arrays.asList(a).subList(3, a.length);
            names = !flags.contains("--no-names");
            sax = flags.contains("--sax");
            tika(Path.of(a[1]), Integer.parseInt(a[2]));
        }
    }

    static String sentence(Random r, int i) {
        String[] words = {"klant", "offerte", "factuur", "dossier", "contract", "levering", "afspraak", "betaling", "project"};
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 40; k++) {
            b.append(words[r.nextInt(words.length)]).append(' ');
        }
        return b + "Contact: klant" + i + "@example.be, tel. 0470 12 34 " + String.format("%02d", i % 100) + ".";
    }

    static void gen(Path dir, int n) throws Exception {
        Files.createDirectories(dir);
        Random r = new Random(42);
        Path shared = Path.of(System.getenv().getOrDefault("INZAGE_SHARED", "../shared"), "corpus/documents/tika");
        List<Path> real = Files.isDirectory(shared) ? Files.list(shared).filter(p -> !p.toString().endsWith(".txt")
                && !p.toString().endsWith(".md")).sorted().toList() : List.of();
        for (int i = 0; i < n; i++) {
            Path sub = Files.createDirectories(dir.resolve("d" + (i / 200)));
            String text = sentence(r, i);
            switch (i % 6) {
                case 0 -> {
                    try (XWPFDocument d = new XWPFDocument(); OutputStream out = Files.newOutputStream(sub.resolve(i + ".docx"))) {
                        for (int p = 0; p < 20; p++) {
                            d.createParagraph().createRun().setText(text);
                        }
                        d.write(out);
                    }
                }
                case 1 -> {
                    try (XSSFWorkbook w = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(sub.resolve(i + ".xlsx"))) {
                        var s = w.createSheet("klanten");
                        for (int row = 0; row < 50; row++) {
                            s.createRow(row).createCell(0).setCellValue("klant" + i + "-" + row + "@example.be");
                        }
                        w.write(out);
                    }
                }
                case 2 -> {
                    try (PDDocument d = new PDDocument()) {
                        for (int p = 0; p < 3; p++) {
                            PDPage page = new PDPage();
                            d.addPage(page);
                            try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
                                cs.beginText();
                                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                                cs.newLineAtOffset(40, 700);
                                cs.showText(text.substring(0, Math.min(120, text.length())));
                                cs.endText();
                            }
                        }
                        d.save(sub.resolve(i + ".pdf").toFile());
                    }
                }
                case 3 -> Files.writeString(sub.resolve(i + ".eml"), "From: Klant <klant" + i + "@example.be>\r\nTo: info@bedrijf.be\r\n"
                        + "Subject: vraag\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + text.repeat(10) + "\r\n", StandardCharsets.UTF_8);
                case 4 -> {
                    ByteArrayOutputStream doc = new ByteArrayOutputStream();
                    try (XWPFDocument d = new XWPFDocument()) {
                        d.createParagraph().createRun().setText(text);
                        d.write(doc);
                    }
                    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(sub.resolve(i + ".zip")))) {
                        z.putNextEntry(new ZipEntry("brief.docx"));
                        z.write(doc.toByteArray());
                        z.closeEntry();
                    }
                }
                default -> {
                    if (!real.isEmpty()) {
                        Path src = real.get(i % real.size());
                        Files.copy(src, sub.resolve(i + "-" + src.getFileName()));
                    }
                }
            }
        }
    }

    static void tika(Path dir, int threads) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        AutoDetectParser parser = new AutoDetectParser();
        long bytes = files.stream().mapToLong(p -> p.toFile().length()).sum();
        // no warm-up: the script times this whole process, like a tika-app run, against the whole scan command
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<Object>> fs = files.stream().map(p -> pool.submit(() -> {
            parse(parser, p);
            return (Object) null;
        })).toList();
        for (Future<Object> f : fs) {
            f.get();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        System.out.printf("tika_files=%d tika_bytes=%d tika_seconds=%.3f tika_docs_s=%.1f tika_mb_s=%.2f%n", files.size(), bytes,
                secs, files.size() / secs, bytes / 1e6 / secs);
    }

    /** Whether the baseline tells Tika each file's name, as tika-app does (it then also matches names against globs). */
    static boolean names = true;
    /** Whether the baseline uses the streaming docx/pptx extractors, as Inzage does (for the comparison of like with like). */
    static boolean sax;

    static void parse(AutoDetectParser parser, Path p) {
        RecursiveParserWrapperHandler h = new RecursiveParserWrapperHandler(
                new BasicContentHandlerFactory(BasicContentHandlerFactory.HANDLER_TYPE.TEXT, 20_000_000), 2_000);
        Metadata md = new Metadata();
        if (names) {
            md.set(TikaCoreProperties.RESOURCE_NAME_KEY, p.getFileName().toString());
        }
        try (InputStream in = Files.newInputStream(p)) {
            ParseContext context = new ParseContext();
            if (sax) {
                org.apache.tika.parser.microsoft.OfficeParserConfig office = new org.apache.tika.parser.microsoft.OfficeParserConfig();
                office.setUseSAXDocxExtractor(true);
                office.setUseSAXPptxExtractor(true);
                context.set(org.apache.tika.parser.microsoft.OfficeParserConfig.class, office);
            }
            new RecursiveParserWrapper(parser).parse(in, h, md, context);
        } catch (Exception e) {
            // counted as a failed item by Inzage as well; the baseline just moves on
        }
    }
}
