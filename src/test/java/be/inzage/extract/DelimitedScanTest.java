package be.inzage.extract;

import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.detect.TestRules;
import be.inzage.inventory.Finding;
import be.inzage.inventory.InventoryIndex;
import be.inzage.scan.ScanRunner;
import be.inzage.source.SourceUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A CSV's hinted cells are read with their column name, the others by the chunk pass; each value once, in its column. */
class DelimitedScanTest {

    @TempDir
    Path tmp;

    @Test
    void everyValueIsFoundOnceInItsOwnColumn() throws Exception {
        Path share = Files.createDirectories(tmp.resolve("share"));
        StringBuilder csv = new StringBuilder("\nnaam;email;opmerking\n"); // a blank line before the header
        for (int i = 1; i <= 3000; i++) { // more than one chunk's worth of rows
            csv.append("Jan Peeters;klant").append(i).append("@example.be;")
                    .append(i % 1000 == 0 ? "bel 0475 12 34 56 of mail info" + i + "@example.be" : "geen").append('\n');
        }
        Files.writeString(share.resolve("klanten.csv"), csv);
        DataDir data = new DataDir(tmp.resolve("data"));
        ScanRunner.run(data, Rulebook.load(TestRules.root()), List.of(SourceUri.parse(share.toString())));
        List<Finding> all = new ArrayList<>();
        try (InventoryIndex index = InventoryIndex.openReader(data.index())) {
            index.forEach(all::add);
        }
        Map<String, Long> byColumn = all.stream().collect(Collectors.groupingBy(f -> f.field() + "/" + f.type(), Collectors.counting()));
        assertEquals(3000L, byColumn.get("email/email"), byColumn.toString());
        assertEquals(3L, byColumn.get("opmerking/email"), byColumn.toString());
        assertEquals(1L, byColumn.get("opmerking/phone"), byColumn.toString()); // one number on three lines
        Finding phone = all.stream().filter(f -> f.type().equals("phone")).findFirst().orElseThrow();
        assertEquals("1002,2002,3002", phone.lines());
        assertEquals(0L, all.stream().filter(f -> f.field() == null && f.type().equals("email")).count(),
                "no value is read twice, once without its column");
    }
}
