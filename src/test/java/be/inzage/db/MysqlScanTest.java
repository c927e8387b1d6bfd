package be.inzage.db;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real local MariaDB: Chinook (MySQL dialect) and a table with hostile names. */
class MysqlScanTest {

    static final String DB = "inzage_test_chinook";

    @TempDir
    static Path tmp;
    static Path data;
    static ScanSummary summary;
    static List<Finding> all = new ArrayList<>();

    @BeforeAll
    static void scan() throws Exception {
        LocalMysql.require();
        LocalMysql.loadChinook(DB);
        assertEquals(0, LocalMysql.run(DB, "create table `se``lect; drop` (`id` int primary key, `e-mail adres` text,"
                + " `naam ø` text, `order` text); insert into `se``lect; drop` values (1, 'hostile.name@example.be', 'Jan Peeters',"
                + " '0475/12.34.56'); create table no_key (note text); insert into no_key values ('mail nokey@example.be');"));
        data = tmp.resolve("data");
        summary = ScanRunner.run(new DataDir(data), Rulebook.load(TestRules.root()), List.of(SourceUri.parse(LocalMysql.uri(DB))))
                .get(0);
        try (InventoryIndex index = InventoryIndex.openReader(new DataDir(data).index())) {
            index.forEach(all::add);
        }
    }

    static Map<String, Long> count(String table) {
        return all.stream().filter(f -> f.container().equals(DB + "." + table))
                .collect(Collectors.groupingBy(f -> f.field() + "/" + f.type(), Collectors.counting()));
    }

    @Test
    void chinookColumnsAreFoundColumnByColumn() {
        Map<String, Long> customer = count("Customer");
        assertEquals(59L, customer.get("Email/email"), customer.toString());
        assertTrue(customer.get("Phone/phone") >= 50, customer.toString());
        assertTrue(customer.get("FirstName/person_name") >= 55, customer.toString());
        assertEquals(8L, count("Employee").get("Email/email"));
        assertTrue(count("Genre").isEmpty(), "genres hold no personal data: " + count("Genre"));
    }

    @Test
    void aSubjectsEmailLeadsToTheirRow() throws IOException {
        DataDir dir = new DataDir(data);
        try (InventoryIndex index = InventoryIndex.openReader(dir.index())) {
            List<Finding> hits = new SubjectSearch(index, KeyedHasher.open(dir.keyFile()),
                    new IdentifierNormalizer(Rulebook.load(TestRules.root()).engine()))
                    .search(Map.of("email", List.of("luisg@embraer.com.br")));
            assertEquals(1, hits.size(), hits.toString());
            assertEquals(new JsonObject().put("CustomerId", 1L), hits.get(0).locator().getJsonObject("pk"));
        }
    }

    @Test
    void hostileNamesAndTablesWithoutKey() {
        assertTrue(all.stream().anyMatch(f -> f.container().equals(DB + ".se`lect; drop") && f.type().equals("email")),
                "hostile table scanned");
        assertTrue(all.stream().anyMatch(f -> f.container().equals(DB + ".se`lect; drop") && f.type().equals("phone")
                && "order".equals(f.field())), "reserved word as column");
        Finding noKey = all.stream().filter(f -> f.container().equals(DB + ".no_key")).findFirst().orElseThrow();
        assertEquals(1, noKey.locator().getJsonObject("pk").getInteger("row"));
        assertTrue(summary.toJson().encode().contains("no primary key"), summary.toText());
    }
}
