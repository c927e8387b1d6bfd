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
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real local PostgreSQL: Chinook, a schema with hostile names, and a table the scanning role may not read. */
class PostgresScanTest {

    static final String DB = "inzage_test_chinook";

    @TempDir
    static Path tmp;
    static Path data;
    static ScanSummary summary;
    static List<Finding> all = new ArrayList<>();

    @BeforeAll
    static void scan() throws Exception {
        LocalPostgres.require();
        LocalPostgres.loadChinook(DB);
        // hostile names: quotes, spaces, a semicolon, a reserved word, unicode
        assertEquals(0, LocalPostgres.psql(DB, "create schema \"we;ird \"\"schema\"\"\"; create table \"we;ird \"\"schema\"\"\".\"select\""
                + " (\"id\" int primary key, \"e-mail adres\" text, \"naam ø\" text);"
                + " insert into \"we;ird \"\"schema\"\"\".\"select\" values (1, 'hostile.name@example.be', 'Jan Peeters');"
                + " create table secret_notes (id int primary key, note text); insert into secret_notes values (1, 'x@example.be');"
                + " drop role if exists inzage_scanner; create role inzage_scanner login;"
                + " grant usage on schema public, \"we;ird \"\"schema\"\"\" to inzage_scanner;"
                + " grant select on all tables in schema public, \"we;ird \"\"schema\"\"\" to inzage_scanner;"
                + " revoke select on secret_notes from inzage_scanner;"));
        data = tmp.resolve("data");
        summary = ScanRunner.run(new DataDir(data), Rulebook.load(TestRules.root()),
                List.of(SourceUri.parse(LocalPostgres.uri(DB, "inzage_scanner")))).get(0);
        try (InventoryIndex index = InventoryIndex.openReader(new DataDir(data).index())) {
            index.forEach(all::add);
        }
    }

    static Map<String, Long> count(String table) {
        return all.stream().filter(f -> f.container().equals(table))
                .collect(Collectors.groupingBy(f -> f.field() + "/" + f.type(), Collectors.counting()));
    }

    @Test
    void chinookColumnsAreFoundColumnByColumn() {
        Map<String, Long> customer = count("public.customer");
        assertEquals(59L, customer.get("email/email"), customer.toString());
        assertTrue(customer.get("phone/phone") >= 50, customer.toString());
        assertTrue(customer.get("first_name/person_name") >= 55, customer.toString());
        assertTrue(customer.get("last_name/person_name") >= 55, customer.toString());
        assertTrue(customer.get("address/address") >= 55, customer.toString());
        Map<String, Long> employee = count("public.employee");
        assertEquals(8L, employee.get("email/email"), employee.toString());
        assertTrue(count("public.invoice").getOrDefault("billing_address/address", 0L) >= 55);
        assertTrue(count("public.genre").isEmpty(), "genres hold no personal data: " + count("public.genre"));
        assertTrue(count("public.media_type").isEmpty(), "media types hold no personal data");
    }

    @Test
    void aCustomersEmailAlsoFindsTheirInvoicesAndNothingElse() throws Exception {
        List<be.inzage.subject.SubjectHit> hits;
        DataDir dir = new DataDir(data);
        try (InventoryIndex index = InventoryIndex.openReader(dir.index())) {
            hits = new SubjectSearch(index, KeyedHasher.open(dir.keyFile()), new IdentifierNormalizer(Rulebook.load(TestRules.root())
                    .engine())).search(Map.of("email", List.of("luisg@embraer.com.br")), 0);
        }
        Set<String> containers = hits.stream().map(h -> h.finding().container()).collect(Collectors.toSet());
        assertEquals(Set.of("public.customer", "public.invoice"), containers, "the customer row and their invoices, nothing else");
        Set<Long> invoices = new java.util.TreeSet<>();
        for (be.inzage.subject.SubjectHit h : hits) {
            if (h.finding().container().equals("public.invoice")) {
                assertEquals("linked", h.toJson().getString("match"));
                assertTrue(h.via().contains("public.customer customer_id=1"), h.via());
                h.finding().rowKeys().forEach(o -> invoices.add(((io.vertx.core.json.JsonObject) o).getLong("invoice_id")));
            }
        }
        Set<Long> expected = new java.util.TreeSet<>();
        for (String id : LocalPostgres.value(DB, "select invoice_id from invoice where customer_id = 1").split("\\s+")) {
            expected.add(Long.parseLong(id));
        }
        assertEquals(expected, invoices, "exactly customer 1's invoices, no other customer's");
        assertTrue(hits.stream().noneMatch(h -> h.finding().container().equals("public.employee")),
                "the sales rep the customer row points at is not the customer's data");
    }

    @Test
    void anEmployeesEmailDoesNotBringTheCustomersTheySupport() throws Exception {
        DataDir dir = new DataDir(data);
        try (InventoryIndex index = InventoryIndex.openReader(dir.index())) {
            List<be.inzage.subject.SubjectHit> hits = new SubjectSearch(index, KeyedHasher.open(dir.keyFile()),
                    new IdentifierNormalizer(Rulebook.load(TestRules.root()).engine()))
                    .search(Map.of("email", List.of("jane@chinookcorp.com")), 0);
            assertTrue(hits.stream().noneMatch(h -> h.finding().container().equals("public.customer")),
                    "customer rows reference their rep but hold their own e-mail: another person's record: " + hits);
            assertTrue(hits.stream().anyMatch(h -> h.finding().container().equals("public.employee")));
        }
    }

    @Test
    void everyColumnIsClassifiedFromItsValues() {
        io.vertx.core.json.JsonObject columns = summary.toJson().getJsonObject("columns");
        Map<String, io.vertx.core.json.JsonObject> byName = columns.getJsonArray("classified").stream()
                .map(o -> (io.vertx.core.json.JsonObject) o)
                .collect(Collectors.toMap(c -> c.getString("table") + "." + c.getString("column"), c -> c));
        assertEquals("email", byName.get("public.customer.email").getString("type"));
        assertEquals("identification", byName.get("public.customer.email").getString("category"));
        assertEquals(1.0, byName.get("public.customer.email").getDouble("share"));
        assertEquals("phone", byName.get("public.customer.phone").getString("type"));
        assertEquals("person_name", byName.get("public.customer.first_name").getString("type"));
        assertEquals("address", byName.get("public.invoice.billing_address").getString("type"));
        assertTrue(byName.get("public.customer.email").getDouble("confidence") > 0.9);
        for (String notPersonal : List.of("public.genre.name", "public.media_type.name", "public.invoice.total",
                "public.customer.customer_id", "public.invoice.invoice_date")) {
            assertTrue(!byName.containsKey(notPersonal), notPersonal + " is not personal: " + byName.get(notPersonal));
        }
        assertTrue(columns.getLong("read") > byName.size(), "most columns hold no personal data");
        assertTrue(summary.toText().contains("hold personal data"), summary.toText());
    }

    @Test
    void aSubjectsEmailLeadsToTheirRowWithItsPrimaryKey() throws IOException {
        DataDir dir = new DataDir(data);
        try (InventoryIndex index = InventoryIndex.openReader(dir.index())) {
            List<Finding> hits = new SubjectSearch(index, KeyedHasher.open(dir.keyFile()),
                    new IdentifierNormalizer(Rulebook.load(TestRules.root()).engine()))
                    .search(Map.of("email", List.of("luisg@embraer.com.br")));
            assertEquals(1, hits.size(), hits.toString());
            JsonObject loc = hits.get(0).locator();
            assertEquals("public.customer", hits.get(0).container());
            assertEquals("db", hits.get(0).kind());
            assertEquals(new JsonObject().put("customer_id", 1L), loc.getJsonObject("pk"), "integer keys are JSON numbers");
            assertEquals("email", loc.getString("column"));
        }
    }

    @Test
    void accessReportReadsTheRowLiveAndTheErasurePlanIsVerified() throws Exception {
        Path access = tmp.resolve("access.json");
        String dataDir = data.toString();
        assertEquals(0, be.inzage.cli.Main.run("report", "access", "--email", "luisg@embraer.com.br", "--out", access.toString(),
                "--data", dataDir, "--rules", "rules"));
        JsonObject loc = new JsonObject(java.nio.file.Files.readString(access)).getJsonArray("locations").getJsonObject(0);
        assertEquals(List.of("luisg@embraer.com.br"), loc.getJsonArray("values").getList(), loc.encodePrettily());

        Path plan = tmp.resolve("plan.json");
        assertEquals(0, be.inzage.cli.Main.run("report", "erasure", "--email", "luisg@embraer.com.br", "--out", plan.toString(),
                "--data", dataDir, "--rules", "rules"));
        JsonObject statement = new JsonObject(java.nio.file.Files.readString(plan)).getJsonArray("locations").getJsonObject(0)
                .getJsonObject("statement");
        assertEquals("update \"public\".\"customer\" set \"email\" = null where \"customer_id\" = $1", statement.getString("sql"));
        assertEquals("[[1]]", statement.getJsonArray("params").encode());
        assertEquals(1, be.inzage.cli.Main.run("verify", plan.toString(), "--data", dataDir, "--rules", "rules"), "still there");
        // erase the customer row's e-mail only: the plan's invoice rows (linked to the customer) still hold data
        assertEquals(0, LocalPostgres.psql(DB, "update public.customer set email = '' where customer_id = 1"));
        assertEquals(1, be.inzage.cli.Main.run("verify", plan.toString(), "--data", dataDir, "--rules", "rules"),
                "the invoices are still there");
        // carry out the plan's own statements for the rest (its parameters are the rows' keys)
        int executed = 0;
        for (Object o : new JsonObject(java.nio.file.Files.readString(plan)).getJsonArray("locations")) {
            JsonObject st = ((JsonObject) o).getJsonObject("statement");
            if (st == null || !st.getString("sql").contains("\"invoice\"")) {
                continue;
            }
            for (Object params : st.getJsonArray("params")) {
                String sql = st.getString("sql");
                io.vertx.core.json.JsonArray p = (io.vertx.core.json.JsonArray) params;
                for (int i = p.size(); i >= 1; i--) {
                    sql = sql.replace("$" + i, String.valueOf(((Number) p.getValue(i - 1)).longValue()));
                }
                assertEquals(0, LocalPostgres.psql(DB, sql), sql);
                executed++;
            }
        }
        assertTrue(executed >= 7, "one statement per invoice row and column: " + executed);
        assertEquals(0, be.inzage.cli.Main.run("verify", plan.toString(), "--data", dataDir, "--rules", "rules"), "erased");
    }

    @Test
    void hostileNamesAreQuotedAndAForbiddenTableIsRecordedNotFatal() {
        String hostile = "we;ird \"schema\".select";
        assertTrue(all.stream().anyMatch(f -> f.container().equals(hostile) && f.type().equals("email")
                && "e-mail adres".equals(f.field())), "hostile schema/table/column scanned");
        String s = summary.toJson().encode();
        assertTrue(s.contains("public.secret_notes") && s.contains("permission denied"), summary.toText());
        assertTrue(summary.scanned() >= 11, summary.toText());
        assertTrue(!s.contains("x@example.be") && !summary.toText().contains("password"), "no values or secrets in the summary");
    }
}
