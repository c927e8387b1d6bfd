package be.inzage.subject;

import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.detect.TestRules;
import be.inzage.inventory.InventoryIndex;
import be.inzage.inventory.KeyedHasher;
import be.inzage.scan.ScanRunner;
import be.inzage.source.SourceUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A correlated hit says which hit of the previous hop led to it: the one it was first seen with,
 * whatever the order of the index's documents.
 */
class ExpandExplanationTest {

    @TempDir
    Path tmp;

    private static String line(String cookies) {
        return "10.0.0.1 - - [01/Jan/2025:00:00:00 +0100] \"GET /nl/ HTTP/1.1\" 200 1 \"-\" \"Mozilla/5.0\" \"" + cookies + "\"\n";
    }

    /** The second visit's session, reached from the first visit's session through its _ga or its _li_id cookie. */
    private String viaOfSecondSession(String secondLine, String thirdLine) throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs-" + System.nanoTime()));
        Files.writeString(logs.resolve("access.log"), line("_ga=GA1.2.1111.2222; _li_id=aaaa1111bbbb2222; PHPSESSID=sess0001aaaa")
                + secondLine + thirdLine);
        Files.setLastModifiedTime(logs.resolve("access.log"), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        DataDir data = new DataDir(tmp.resolve("data-" + System.nanoTime()));
        Rulebook rules = Rulebook.load(TestRules.root());
        ScanRunner.run(data, rules, List.of(SourceUri.parse("log://" + logs)));
        try (InventoryIndex index = InventoryIndex.openReader(data.index())) {
            List<SubjectHit> hits = new SubjectSearch(index, KeyedHasher.open(data.keyFile()), new IdentifierNormalizer(rules.engine()))
                    .search(Map.of("cookie", List.of("sess0001aaaa")), 2);
            List<SubjectHit> second = hits.stream().filter(h -> h.finding().lines().equals("2-3")).toList();
            assertEquals(1, second.size(), hits.toString());
            return second.get(0).via();
        }
    }

    @Test
    void theHitFirstSeenWithItExplainsIt() throws Exception {
        String viaGa = viaOfSecondSession(line("_ga=GA1.2.1111.2222; PHPSESSID=sess0002bbbb"), line("_li_id=aaaa1111bbbb2222; PHPSESSID=sess0002bbbb"));
        assertTrue(viaGa.contains("found with the cookie g") && viaGa.contains(" line 2;"), viaGa);
        String viaLeadInfo = viaOfSecondSession(line("_li_id=aaaa1111bbbb2222; PHPSESSID=sess0002bbbb"), line("_ga=GA1.2.1111.2222; PHPSESSID=sess0002bbbb"));
        assertTrue(viaLeadInfo.contains("found with the leadinfo a") && viaLeadInfo.contains(" line 2;"), viaLeadInfo);
    }
}
