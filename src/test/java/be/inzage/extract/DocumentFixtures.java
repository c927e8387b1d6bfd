package be.inzage.extract;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The same planted identifier in every document format a share holds, made with the libraries Tika reads them with. */
public final class DocumentFixtures {

    private DocumentFixtures() {
    }

    public static void docx(Path p, String text) throws IOException {
        try (XWPFDocument d = new XWPFDocument(); OutputStream out = Files.newOutputStream(p)) {
            d.createParagraph().createRun().setText(text);
            d.write(out);
        }
    }

    static void xlsx(Path p, String header, String value) throws IOException {
        try (XSSFWorkbook w = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            var sheet = w.createSheet("klanten");
            sheet.createRow(0).createCell(0).setCellValue(header);
            sheet.createRow(1).createCell(0).setCellValue(value);
            w.write(out);
        }
    }

    /** One page per text. */
    static void pdf(Path p, String... pages) throws IOException {
        try (PDDocument d = new PDDocument()) {
            for (String text : pages) {
                PDPage page = new PDPage();
                d.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    cs.newLineAtOffset(72, 700);
                    cs.showText(text);
                    cs.endText();
                }
            }
            d.save(p.toFile());
        }
    }

    public static void eml(Path p, String from, String body) throws IOException {
        Files.writeString(p, "From: Jan Peeters <" + from + ">\r\nTo: klantendienst@bedrijf.be\r\nSubject: Mijn gegevens\r\n"
                + "Date: Tue, 3 Oct 2023 10:00:00 +0200\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + body + "\r\n", StandardCharsets.UTF_8);
    }

    public static void zip(Path p, String entry, byte[] content) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content);
            z.closeEntry();
        }
    }

    static void tarGz(Path p, String entry, byte[] content) throws IOException {
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(p)))) {
            TarArchiveEntry e = new TarArchiveEntry(entry);
            e.setSize(content.length);
            t.putArchiveEntry(e);
            t.write(content);
            t.closeArchiveEntry();
        }
    }

    public static byte[] docxBytes(String text) throws IOException {
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            d.createParagraph().createRun().setText(text);
            d.write(out);
            return out.toByteArray();
        }
    }
}
