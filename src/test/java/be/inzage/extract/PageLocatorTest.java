package be.inzage.extract;

import be.inzage.inventory.Finding;
import be.inzage.scan.ScanRunner;
import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.detect.TestRules;
import be.inzage.inventory.InventoryIndex;
import be.inzage.inventory.KeyedHasher;
import be.inzage.source.SourceUri;
import be.inzage.subject.IdentifierNormalizer;
import be.inzage.subject.SubjectSearch;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** PDF pages and spreadsheet sheets as locators: {"page": 2}, {"sheet": 3}. */
class PageLocatorTest {

    @TempDir
    Path tmp;

    static void xlsx(Path p, String... sheets) throws Exception {
        try (XSSFWorkbook w = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            for (int i = 0; i < sheets.length; i++) {
                var sheet = w.createSheet("blad" + (i + 1));
                sheet.createRow(0).createCell(0).setCellValue("opmerking");
                sheet.createRow(1).createCell(0).setCellValue(sheets[i]);
            }
            w.write(out);
        }
    }

    @Test
    void findingsInPdfsAndSpreadsheetsSayOnWhichPage() throws Exception {
        Path share = Files.createDirectories(tmp.resolve("share"));
        DocumentFixtures.pdf(share.resolve("contract.pdf"), "Inleiding zonder gegevens", "Contact: pagina.twee@example.be",
                "Bijlage: opnieuw pagina.twee@example.be en drie.derde@example.be");
        xlsx(share.resolve("lijst.xlsx"), "niets hier", "niets", "blad.drie@example.be");
        DataDir data = new DataDir(tmp.resolve("data"));
        ScanRunner.run(data, Rulebook.load(TestRules.root()), List.of(SourceUri.parse(share.toString())));
        try (InventoryIndex index = InventoryIndex.openReader(data.index())) {
            SubjectSearch search = new SubjectSearch(index, KeyedHasher.open(data.keyFile()),
                    new IdentifierNormalizer(Rulebook.load(TestRules.root()).engine()));
            Finding two = search.search(Map.of("email", List.of("pagina.twee@example.be"))).get(0);
            assertEquals(new JsonObject().put("pages", new JsonArray().add(2).add(3)).put("count", 2), two.locator());
            Finding three = search.search(Map.of("email", List.of("drie.derde@example.be"))).get(0);
            assertEquals(new JsonObject().put("page", 3), three.locator());
            Finding sheet = search.search(Map.of("email", List.of("blad.drie@example.be"))).get(0);
            assertEquals(new JsonObject().put("sheet", 3), sheet.locator(), "the third sheet");
        }
    }
}
