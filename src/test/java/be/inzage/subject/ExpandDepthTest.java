package be.inzage.subject;

import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.inventory.InventoryIndex;
import be.inzage.inventory.KeyedHasher;
import be.inzage.scan.ScanRunner;
import be.inzage.source.SourceUri;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Correlation one hop at a time: a chain e-mail → phone → login → IBAN across three files. */
class ExpandDepthTest {

    static Path share;
    static DataDir data;
    static Rulebook rules;

    @BeforeAll
    static void scan() throws Exception {
        Path root = Files.createTempDirectory("inzage-depth");
        share = root.resolve("share");
        Files.createDirectories(share);
        Files.writeString(share.resolve("a.csv"), "email,telefoon\nlies.wouters@example.be,0475 11 22 33\n");
        Files.writeString(share.resolve("b.csv"), "telefoon,login\n0475 11 22 33,lwouters\n");
        Files.writeString(share.resolve("c.csv"), "login,iban\nlwouters,BE71 0961 2345 6769\n");
        Files.writeString(share.resolve("hr.csv"), "rijksregisternummer,naam\n85.07.30-033.28,Lies Wouters\n");
        Files.writeString(share.resolve("unrelated.csv"), "email,iban\nother.person@example.nl,NL91 ABNA 0417 1643 00\n");
        data = new DataDir(root.resolve("data"));
        rules = Rulebook.load(null);
        ScanRunner.run(data, rules, List.of(SourceUri.parse(share.toString())));
    }

    static Map<String, Set<String>> containersByType(int depth) throws Exception {
        try (InventoryIndex index = InventoryIndex.openReader(data.index())) {
            List<SubjectHit> hits = new SubjectSearch(index, KeyedHasher.open(data.keyFile()), new IdentifierNormalizer(rules.engine()))
                    .search(Map.of("email", List.of("lies.wouters@example.be")), depth);
            return hits.stream().collect(Collectors.groupingBy(h -> h.finding().type(),
                    Collectors.mapping(h -> Path.of(h.finding().container()).getFileName().toString(), Collectors.toSet())));
        }
    }

    @Test
    void eachHopFollowsTheIdentifiersTheLastOneFound() throws Exception {
        assertEquals(Map.of("email", Set.of("a.csv")), containersByType(0));
        Map<String, Set<String>> one = containersByType(1);
        assertEquals(Set.of("a.csv", "b.csv"), one.get("phone"));
        assertTrue(!one.containsKey("login"), "the login is two hops away: " + one);
        Map<String, Set<String>> two = containersByType(2);
        assertEquals(Set.of("b.csv", "c.csv"), two.get("login"));
        assertTrue(!two.containsKey("iban"), two.toString());
        Map<String, Set<String>> three = containersByType(3);
        assertEquals(Set.of("c.csv"), three.get("iban"));
        assertTrue(three.values().stream().noneMatch(s -> s.contains("unrelated.csv")), "nothing unconnected: " + three);
    }

    @Test
    void aNationalNumberIsFoundInAnyNotation() throws Exception {
        try (InventoryIndex index = InventoryIndex.openReader(data.index())) {
            SubjectSearch search = new SubjectSearch(index, KeyedHasher.open(data.keyFile()), new IdentifierNormalizer(rules.engine()));
            for (String notation : List.of("85073003328", "85.07.30-033.28", "85 07 30 033 28")) {
                List<SubjectHit> hits = search.search(Map.of("national_id", List.of(notation)), 0);
                assertEquals(1, hits.size(), notation + ": " + hits);
                assertEquals("national_id_be", hits.get(0).finding().type());
            }
            assertEquals(0, search.search(Map.of("national_id", List.of("85073003329")), 0).size(), "one digit off");
        }
    }

    @Test
    void theChainOfAnExpandedHitIsShown() throws Exception {
        try (InventoryIndex index = InventoryIndex.openReader(data.index())) {
            SubjectHit iban = new SubjectSearch(index, KeyedHasher.open(data.keyFile()), new IdentifierNormalizer(rules.engine()))
                    .search(Map.of("email", List.of("lies.wouters@example.be")), 3).stream()
                    .filter(h -> h.finding().type().equals("iban")).findFirst().orElseThrow();
            String via = iban.via();
            assertTrue(via.startsWith("iban BE** "), via);
            assertTrue(via.contains("found with the login") && via.contains("c.csv"), via);
            assertTrue(via.contains("found with the phone") && via.contains("b.csv"), via);
            assertTrue(via.contains("found with the email in") && via.contains("a.csv"), via);
            assertTrue(!via.contains("lies.wouters") && !via.contains("6769 ") && !via.contains("lwouters"), "masked only: " + via);
            assertThrows(IllegalArgumentException.class, () -> new SubjectSearch(index, KeyedHasher.open(data.keyFile()),
                    new IdentifierNormalizer(rules.engine())).search(Map.of("email", List.of("x@example.be")), 4));
        }
    }
}
