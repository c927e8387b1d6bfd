package be.inzage.extract;

import be.inzage.detect.Rulebook;
import be.inzage.detect.TestRules;
import be.inzage.inventory.KeyedHasher;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Word and PowerPoint files are read by Tika's streaming extractors, not POI's object models. What
 * a privacy officer's documents hide in the corners — headers, footers, tables, comments, the
 * author — must still be read.
 */
class OfficeStreamingTest {

    @TempDir
    Path tmp;

    @Test
    void everyCornerOfADocxIsRead() throws IOException {
        Path docx = tmp.resolve("contract.docx");
        try (XWPFDocument d = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
            d.getProperties().getCoreProperties().setCreator("auteur.doc@example.be");
            XWPFHeaderFooterPolicy policy = d.createHeaderFooterPolicy();
            policy.createHeader(XWPFHeaderFooterPolicy.DEFAULT).createParagraph().createRun().setText("Kop: kop.doc@example.be");
            policy.createFooter(XWPFHeaderFooterPolicy.DEFAULT).createParagraph().createRun().setText("Voet: voet.doc@example.be");
            d.createParagraph().createRun().setText("Contact: lijf.doc@example.be");
            XWPFTable t = d.createTable(2, 2);
            t.getRow(1).getCell(1).setText("cel.doc@example.be");
            d.write(out);
        }
        assertEquals(Set.of("auteur.doc@example.be", "kop.doc@example.be", "voet.doc@example.be", "lijf.doc@example.be",
                "cel.doc@example.be"), emails(docx));
    }

    @Test
    void slidesAndTheirNotesAreRead() throws IOException {
        Path pptx = tmp.resolve("deck.pptx");
        try (XMLSlideShow s = new XMLSlideShow(); OutputStream out = Files.newOutputStream(pptx)) {
            var slide = s.createSlide();
            XSLFTextBox box = slide.createTextBox();
            box.setText("Spreker: dia.ppt@example.be");
            s.getNotesSlide(slide).getPlaceholder(1).setText("Bel notitie.ppt@example.be");
            s.write(out);
        }
        assertEquals(Set.of("dia.ppt@example.be", "notitie.ppt@example.be"), emails(pptx));
    }

    private static Set<String> emails(Path p) throws IOException {
        Rulebook rules = Rulebook.load(TestRules.root());
        Set<String> found = new TreeSet<>();
        new DocumentItemScanner(rules.engine()).scan(p.getFileName().toString(), () -> Files.newInputStream(p),
                part -> new FindingCollector(new ItemRef("s", "s", "file", p.toString(), part), rules.policy(),
                        new KeyedHasher(new byte[32]), (cid, batch, first) -> { }, false)
                        .tap((d, x, line) -> {
                            if (d.type().equals("email")) {
                                found.add(d.normalized());
                            }
                        }));
        return found;
    }
}
