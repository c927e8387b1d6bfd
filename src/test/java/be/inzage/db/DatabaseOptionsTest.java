package be.inzage.db;

import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.inventory.Finding;
import be.inzage.inventory.InventoryIndex;
import be.inzage.inventory.KeyedHasher;
import be.inzage.scan.ScanRunner;
import be.inzage.scan.ScanSummary;
import be.inzage.source.SourceUri;
import be.inzage.subject.IdentifierNormalizer;
import be.inzage.subject.SubjectSearch;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Include/exclude patterns, views, a rows-per-second limit and a connection killed mid-read (PostgreSQL). */
class DatabaseOptionsTest {

    static final String DB = "inzage_test_dbopts";
    static final int BIG = 60_000;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws Exception {
        LocalPostgres.require();
        LocalPostgres.freshDatabase(DB);
        assertEquals(0, LocalPostgres.psql(DB, """
                CREATE SCHEMA crm;
                CREATE SCHEMA other;
                CREATE TABLE crm.customers (id int PRIMARY KEY, email text);
                INSERT INTO crm.customers VALUES (1, 'kept.customer@example.be');
                CREATE TABLE crm.audit_log (id int PRIMARY KEY, email text);
                INSERT INTO crm.audit_log VALUES (1, 'audited.only@example.be');
                CREATE TABLE other.t (id int PRIMARY KEY, email text);
                INSERT INTO other.t VALUES (1, 'other.schema@example.be');
                CREATE VIEW crm.customer_emails AS SELECT email FROM crm.customers;
                CREATE TABLE crm.big (id int PRIMARY KEY, email text);
                INSERT INTO crm.big SELECT g, 'row' || g || '@example.be' FROM generate_series(1, 60000) g;
                UPDATE crm.big SET email = 'last.row@example.be' WHERE id = 60000;
                ANALYZE;
                """));
    }

    ScanSummary scan(Path data, String query) {
        try {
            return scanOrThrow(data, query);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    ScanSummary scanOrThrow(Path data, String query) throws java.io.IOException {
        return ScanRunner.run(new DataDir(data), Rulebook.load(null),
                List.of(SourceUri.parse(LocalPostgres.uri(DB, LocalPostgres.USER) + query))).get(0);
    }

    static List<Finding> find(Path data, String email) throws Exception {
        DataDir d = new DataDir(data);
        try (InventoryIndex index = InventoryIndex.openReader(d.index())) {
            return new SubjectSearch(index, KeyedHasher.open(d.keyFile()), new IdentifierNormalizer(Rulebook.load(null).engine()))
                    .search(Map.of("email", List.of(email)));
        }
    }

    @Test
    void includeAndExcludePatternsChooseTheTables() throws Exception {
        Path data = tmp.resolve("a");
        ScanSummary s = scan(data, "?include=crm.*&exclude=*.audit_*,crm.big");
        assertEquals(1, s.seen(), s.toText());
        assertEquals(1, find(data, "kept.customer@example.be").size());
        assertTrue(find(data, "audited.only@example.be").isEmpty(), "excluded");
        assertTrue(find(data, "other.schema@example.be").isEmpty(), "not included");
    }

    @Test
    void viewsAreReadWhenAskedAndSaySo() throws Exception {
        Path data = tmp.resolve("b");
        ScanSummary s = scan(data, "?include=crm.customer*&views=true");
        assertEquals(2, s.seen(), s.toText());
        List<Finding> both = find(data, "kept.customer@example.be");
        assertEquals(Set.of("crm.customers", "crm.customer_emails"), both.stream().map(Finding::container).collect(Collectors.toSet()));
        assertTrue(s.toJson().encode().contains("view: rows located by their position in the read"), s.toText());
    }

    @Test
    void aRowsPerSecondLimitSlowsTheRead() {
        ScanSummary s = scan(tmp.resolve("c"), "?include=crm.big&max_rows_per_second=30000");
        double seconds = s.toJson().getDouble("seconds");
        assertTrue(seconds >= 1.8, "60,000 rows at 30,000 a second take two seconds, not " + seconds);
        assertEquals(BIG, s.toJson().getJsonObject("findingsByType").getInteger("email"));
    }

    @Test
    void aConnectionKilledMidReadIsReadAgain() throws Exception {
        Path data = tmp.resolve("d");
        CompletableFuture<ScanSummary> running = CompletableFuture.supplyAsync(() -> scan(data, "?include=crm.big&max_rows_per_second=12000"));
        // wait until the scanner is reading, then kill its connection as a DBA would
        String reading = "from pg_stat_activity where application_name = 'inzage-scanner' and datname = '" + DB + "'"
                + " and query like '%crm%big%'";
        boolean killed = false;
        for (int i = 0; i < 200 && !killed; i++) {
            Thread.sleep(50);
            killed = "1".equals(psqlValue("select count(*) " + reading))
                    && "t".equals(psqlValue("select bool_or(pg_terminate_backend(pid)) " + reading));
        }
        assertTrue(killed, "the scanner's connection was found (application_name inzage-scanner) and terminated");
        ScanSummary s = running.get();
        assertEquals(0, s.failed(), s.toText());
        assertTrue(s.toJson().encode().contains("read again after the connection was lost"), s.toText());
        List<Finding> last = find(data, "last.row@example.be");
        assertEquals(1, last.size(), "the row after the kill is there, once");
        assertEquals(new JsonArray().add(new JsonObject().put("id", 60000L)).encode(), last.get(0).rows());
        assertEquals(1, find(data, "row1@example.be").size(), "the rows before the kill are there once, not twice");
    }

    static String psqlValue(String sql) throws Exception {
        Process p = new ProcessBuilder("psql", "-h", LocalPostgres.HOST, "-p", LocalPostgres.PORT, "-U", LocalPostgres.USER,
                "-d", "postgres", "-tAc", sql).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return out;
    }

    @Test
    void blobsArePhotosOrDocumentsOrNothing() throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", png);
        byte[] docx = be.inzage.extract.DocumentFixtures.docxBytes("Contract met blob.klant@example.be");
        java.util.HexFormat hex = java.util.HexFormat.of();
        assertEquals(0, LocalPostgres.psql(DB, "create schema if not exists blobs; drop table if exists blobs.attachments;"
                + " create table blobs.attachments (id int primary key, name text, content bytea);"
                + " insert into blobs.attachments values (1, 'pasfoto.png', decode('" + hex.formatHex(png.toByteArray()) + "', 'hex')),"
                + " (2, 'contract.docx', decode('" + hex.formatHex(docx) + "', 'hex')),"
                + " (3, 'random.bin', decode('00ff10ee20dd30cc', 'hex'))"));
        Path data = tmp.resolve("e");
        ScanSummary s = scan(data, "?include=blobs.attachments");
        assertEquals(0, s.failed(), s.toText());
        List<Finding> all = new java.util.ArrayList<>();
        try (InventoryIndex index = InventoryIndex.openReader(new DataDir(data).index())) {
            index.forEach(all::add);
        }
        Finding photo = all.stream().filter(f -> f.type().equals("photo")).findFirst().orElseThrow(() -> new AssertionError(all));
        assertEquals("content", photo.field());
        assertEquals(new JsonObject().put("id", 1L), photo.locator().getJsonObject("pk"));
        assertTrue(photo.masked().startsWith("PNG image"), photo.masked());
        assertEquals("image", photo.category());
        List<Finding> email = find(data, "blob.klant@example.be");
        assertEquals(1, email.size(), "the e-mail inside the stored Word document");
        assertEquals(new JsonObject().put("id", 2L), email.get(0).locator().getJsonObject("pk"));
        assertEquals("content", email.get(0).field());
        assertTrue(all.stream().noneMatch(f -> f.rows().contains("\"id\":3")), "random bytes hold nothing");
    }

    @Test
    void aSampleClassifiesTheColumnsAndLeavesTheInventoryAlone() throws Exception {
        Path data = tmp.resolve("f");
        ScanSummary s = scan(data, "?include=crm.big&sample=500");
        JsonObject j = s.toJson();
        assertEquals(500, j.getInteger("sample"));
        assertTrue(j.getLong("rows") <= 500 && j.getLong("rows") >= 100, "about a sample's worth of rows: " + j.getLong("rows"));
        long estimate = j.getJsonObject("rowEstimates").getLong("crm.big");
        assertTrue(Math.abs(estimate - BIG) < BIG / 10, "the catalogue's estimate, not a count(*): " + estimate);
        JsonObject email = j.getJsonObject("columns").getJsonArray("classified").getJsonObject(0);
        assertEquals("email", email.getString("column"));
        assertEquals("email", email.getString("type"));
        assertEquals(1.0, email.getDouble("share"));
        try (InventoryIndex index = InventoryIndex.openReader(new DataDir(data).index())) {
            assertEquals(0, index.count(), "a sample writes nothing to the inventory");
        }
        assertTrue(s.toText().contains("the inventory is unchanged"), s.toText());
    }

    @Test
    void tablesThatDidNotChangeAreNotReadAgain() throws Exception {
        Path data = tmp.resolve("g");
        String tables = "?include=crm.customers,crm.audit_log";
        ScanSummary first = scan(data, tables);
        assertEquals(2, first.scanned(), first.toText());
        ScanSummary second = scan(data, tables);
        assertEquals(0, second.scanned(), second.toText());
        assertEquals(2, second.unchanged(), "statistics unchanged: findings kept, rows not read");
        assertEquals(1, find(data, "kept.customer@example.be").size(), "an unchanged table's findings stay");

        assertEquals(0, LocalPostgres.psql(DB, "insert into crm.customers values (2, 'new.customer@example.be')"));
        ScanSummary third = scan(data, tables);
        assertEquals(1, third.scanned(), "only the changed table: " + third.toText());
        assertEquals(1, third.unchanged());
        assertEquals(1, find(data, "new.customer@example.be").size());

        assertEquals(0, LocalPostgres.psql(DB, "delete from crm.customers where id = 2"));
        ScanSummary fourth = scan(data, tables);
        assertEquals(1, fourth.scanned(), fourth.toText());
        assertTrue(find(data, "new.customer@example.be").isEmpty(), "a deleted row drops out");

        ScanSummary forced = scan(data, tables + "&full=true");
        assertEquals(2, forced.scanned(), "full=true reads every table: " + forced.toText());
    }

    @Test
    void badOptionsAreRefusedUpFront() {
        String uri = LocalPostgres.uri(DB, LocalPostgres.USER);
        assertThrows(SourceUri.BadSource.class, () -> be.inzage.scan.DbOptions.of(SourceUri.parse(uri + "?views=maybe")));
        assertThrows(SourceUri.BadSource.class, () -> be.inzage.scan.DbOptions.of(SourceUri.parse(uri + "?max_rows_per_second=0")));
        assertThrows(SourceUri.BadSource.class, () -> be.inzage.scan.DbOptions.of(SourceUri.parse(uri + "?sample=all")));
        assertTrue(assertThrows(SourceUri.BadSource.class, () -> be.inzage.scan.DbOptions.of(SourceUri.parse(uri + "?changed_column=%20")))
                .getMessage().contains("changed_column"));
    }
}
