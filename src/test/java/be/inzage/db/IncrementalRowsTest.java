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
import be.inzage.subject.SubjectHit;
import be.inzage.subject.SubjectSearch;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Row-level incremental rescans on PostgreSQL (issue #4 item 8): a changed table is read from its
 * rows' xmin on, deleted rows are found from the keys, and the inventory that results is the one a
 * full read of the same data gives.
 */
class IncrementalRowsTest {

    static final String DB = "inzage_test_incremental";

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws Exception {
        LocalPostgres.require();
        LocalPostgres.freshDatabase(DB);
    }

    /** A fresh schema of its own per test: customers, their invoices (a foreign key), and a bulk table. */
    static String schema(String name) throws Exception {
        assertEquals(0, LocalPostgres.psql(DB, """
                DROP SCHEMA IF EXISTS %1$s CASCADE;
                CREATE SCHEMA %1$s;
                CREATE TABLE %1$s.customer (id int PRIMARY KEY, name text, email text, phone text, notes text);
                INSERT INTO %1$s.customer VALUES
                  (1, 'Jan Peeters', 'jan.peeters@example.be', '+32 475 12 34 56', 'prefers mail'),
                  (2, 'Els Janssens', 'els.janssens@example.be', '0475 98 76 54', 'shared mailbox info@gedeeld.be'),
                  (3, 'Piet de Vries', 'piet.devries@example.nl', '+31 6 12345678', 'also info@gedeeld.be'),
                  (4, 'Marie Dubois', 'marie.dubois@example.fr', NULL, NULL);
                CREATE TABLE %1$s.invoice (id int PRIMARY KEY, customer_id int REFERENCES %1$s.customer(id),
                  billing_address text, billing_email text, iban text);
                INSERT INTO %1$s.invoice VALUES
                  (10, 1, 'Kerkstraat 12, 9000 Gent', 'jan.peeters@example.be', 'BE68 5390 0754 7034'),
                  (11, 2, 'Veldstraat 7, 2000 Antwerpen', NULL, NULL),
                  (12, 3, 'Dorpsstraat 3, 1234 AB Ede', 'piet.devries@example.nl', NULL);
                CREATE TABLE %1$s.pair (a text, b int, contact text, PRIMARY KEY (a, b));
                INSERT INTO %1$s.pair VALUES ('x y', 1, 'pair.one@example.be'), ('x;y', 2, 'pair.two@example.be');
                """.formatted(name)));
        return name;
    }

    /** A schema of its own with a table "bulk" of {@code rows} rows (id, email rowN@example.be), analysed. */
    static void bulk(String schema, int rows) throws Exception {
        assertEquals(0, LocalPostgres.psql(DB, """
                DROP SCHEMA IF EXISTS %1$s CASCADE;
                CREATE SCHEMA %1$s;
                CREATE TABLE %1$s.bulk (id int PRIMARY KEY, email text);
                INSERT INTO %1$s.bulk SELECT g, 'row' || g || '@example.be' FROM generate_series(1, %2$d) g;
                ANALYZE %1$s.bulk;
                """.formatted(schema, rows)));
    }

    static ScanSummary scan(Path data, String schema, String options) throws Exception {
        return scanAs(LocalPostgres.USER, data, schema, options);
    }

    static ScanSummary scanAs(String user, Path data, String schema, String options) throws Exception {
        return ScanRunner.run(new DataDir(data), Rulebook.load(null),
                List.of(SourceUri.parse(LocalPostgres.uri(DB, user) + "?include=" + schema + ".*" + options))).get(0);
    }

    static List<SubjectHit> search(Path data, String type, String value) throws Exception {
        DataDir d = new DataDir(data);
        try (InventoryIndex index = InventoryIndex.openReader(d.index())) {
            return new SubjectSearch(index, KeyedHasher.open(d.keyFile()), new IdentifierNormalizer(Rulebook.load(null).engine()))
                    .search(Map.of(type, List.of(value)), 0);
        }
    }

    /** Primary keys of the rows a value is found in, per table, as "table pk". */
    static Set<String> rows(Path data, String type, String value) throws Exception {
        Set<String> out = new TreeSet<>();
        for (SubjectHit h : search(data, type, value)) {
            for (Object o : h.finding().rowKeys()) {
                out.add(h.finding().container() + " " + ((JsonObject) o).encode()
                        + ("linked".equals(h.toJson().getString("match")) ? " linked" : ""));
            }
        }
        return out;
    }

    /** A table's incremental read in a scan's record as "changed/deleted/marks", or "". */
    static String incremental(ScanSummary s, String table) {
        JsonObject all = s.toJson().getJsonObject("incremental");
        if (all == null) {
            return "";
        }
        return all.getJsonObject("byTable").stream().filter(e -> e.getKey().endsWith(table)).map(e -> (JsonObject) e.getValue())
                .map(j -> j.getLong("changedRows") + "/" + j.getLong("deletedRows") + "/" + j.getString("marks")).findFirst().orElse("");
    }

    /** The note a table got in a scan's record, or "". */
    static String note(ScanSummary s, String table) {
        return s.toJson().getJsonArray("warnings").stream().map(o -> (JsonObject) o)
                .filter(w -> w.getString("item").endsWith(table)).map(w -> w.getString("warning")).findFirst().orElse("");
    }

    /** Every finding of the inventory as comparable text: place, column, type, value hash, count, rows and records. */
    static Set<String> inventory(Path data) throws Exception {
        Set<String> out = new TreeSet<>();
        try (InventoryIndex index = InventoryIndex.openReader(new DataDir(data).index())) {
            index.forEach(f -> {
                List<String> keys = new ArrayList<>();
                f.rowKeys().forEach(o -> keys.add(((JsonObject) o).encode()));
                keys.sort(null);
                out.add(f.container() + "|" + f.field() + "|" + f.type() + "|" + f.hash() + "|" + f.count() + "|" + keys + "|"
                        + new TreeSet<>(f.records()) + "|" + f.category() + "|" + f.masked());
            });
        }
        return out;
    }

    /** A full read of the same data with the same key, for comparison. */
    static Set<String> fullRead(Path tmp, Path data, String schema) throws Exception {
        Path fresh = tmp.resolve("full-" + System.nanoTime());
        Files.createDirectories(new DataDir(fresh).keyFile().getParent());
        Files.copy(new DataDir(data).keyFile(), new DataDir(fresh).keyFile());
        ScanSummary s = scan(fresh, schema, "");
        assertEquals("", incremental(s, schema + ".customer"), "a first scan reads whole: " + s.toText());
        return inventory(fresh);
    }

    @Test
    void onlyChangedRowsAreReadAndTheInventoryIsWhatAFullReadGives() throws Exception {
        String sc = schema("inc_a");
        Path data = tmp.resolve("a");
        ScanSummary first = scan(data, sc, "");
        assertEquals(3, first.scanned(), first.toText());
        // invoice 11 holds no identifier of its own: it is the data of the customer it references (invoice 12 is not)
        assertEquals(Set.of(sc + ".customer {\"id\":2}", sc + ".customer {\"id\":3}", sc + ".invoice {\"id\":11} linked"),
                rows(data, "email", "info@gedeeld.be"));

        assertEquals(0, LocalPostgres.psql(DB, """
                UPDATE %1$s.customer SET email = 'els.nieuw@example.be' WHERE id = 2;
                UPDATE %1$s.customer SET notes = 'no more shared box' WHERE id = 3;
                DELETE FROM %1$s.invoice WHERE id = 10;
                DELETE FROM %1$s.customer WHERE id = 4;
                INSERT INTO %1$s.customer VALUES (5, 'Lotte Maes', 'lotte.maes@example.be', '+32 486 11 22 33', NULL);
                INSERT INTO %1$s.invoice VALUES (13, 5, 'Markt 1, 8000 Brugge', 'lotte.maes@example.be', 'BE71 0961 2345 6769');
                """.formatted(sc)));
        ScanSummary second = scan(data, sc, "");
        assertEquals(2, second.scanned(), "customer and invoice changed: " + second.toText());
        assertEquals(1, second.unchanged(), "the pair table did not: " + second.toText());
        assertEquals("3/1/xmin", incremental(second, sc + ".customer"), second.toText());
        assertEquals("1/1/xmin", incremental(second, sc + ".invoice"), second.toText());
        assertTrue(second.toJson().getJsonArray("warnings").isEmpty(), "an incremental read is no warning: " + second.toText());
        assertTrue(second.toText().contains("incremental: 2 table(s) read from their change marks: 4 changed row(s) read,"
                + " 2 deleted row(s) dropped"), second.toText());

        assertTrue(rows(data, "email", "els.janssens@example.be").isEmpty(), "an updated row's old value is gone");
        assertEquals(Set.of(sc + ".customer {\"id\":2}", sc + ".invoice {\"id\":11} linked"), rows(data, "email", "els.nieuw@example.be"));
        assertEquals(Set.of(sc + ".customer {\"id\":2}", sc + ".invoice {\"id\":11} linked"), rows(data, "email", "info@gedeeld.be"),
                "a value two rows held stays with the row that still holds it");
        assertTrue(rows(data, "email", "marie.dubois@example.fr").isEmpty(), "a deleted row's values are gone");
        assertEquals(Set.of(sc + ".customer {\"id\":1}"), rows(data, "email", "jan.peeters@example.be"),
                "the invoice that held it was deleted; the customer row stays");
        assertEquals(Set.of(sc + ".customer {\"id\":5}", sc + ".invoice {\"id\":13}"), rows(data, "email", "lotte.maes@example.be"),
                "a new row and the new invoice that references it");
        assertEquals(Set.of(sc + ".customer {\"id\":2}", sc + ".invoice {\"id\":11} linked"), rows(data, "phone", "+32475987654"),
                "an unchanged invoice still links to its customer's rewritten row");

        assertEquals(fullRead(tmp, data, sc), inventory(data), "the incremental inventory is the full read's");

        ScanSummary third = scan(data, sc, "");
        assertEquals(0, third.scanned(), "nothing changed since: " + third.toText());
    }

    @Test
    void aRowThatLosesAllItsValuesAndAChangedColumnSetAreHandled() throws Exception {
        String sc = schema("inc_b");
        Path data = tmp.resolve("b");
        scan(data, sc, "");
        assertEquals(0, LocalPostgres.psql(DB, """
                UPDATE %1$s.customer SET name = NULL, email = NULL, phone = NULL, notes = NULL WHERE id = 1;
                UPDATE %1$s.pair SET contact = 'pair.new@example.be' WHERE a = 'x;y';
                """.formatted(sc)));
        ScanSummary second = scan(data, sc, "");
        assertEquals("1/0/xmin", incremental(second, sc + ".customer"), second.toText());
        assertEquals(Set.of(sc + ".invoice {\"id\":10}"), rows(data, "email", "jan.peeters@example.be"),
                "the emptied row no longer holds it; its invoice still does");
        assertEquals(Set.of(sc + ".pair {\"a\":\"x;y\",\"b\":2}"), rows(data, "email", "pair.new@example.be"), "a two-column key");
        assertTrue(rows(data, "email", "pair.two@example.be").isEmpty());
        assertEquals(fullRead(tmp, data, sc), inventory(data));

        // a new column: what was found before no longer describes the table, which is read whole
        assertEquals(0, LocalPostgres.psql(DB, "ALTER TABLE " + sc + ".customer ADD COLUMN gsm text;"
                + "UPDATE " + sc + ".customer SET gsm = '0486 55 44 33' WHERE id = 3"));
        ScanSummary third = scan(data, sc, "");
        assertEquals("", incremental(third, sc + ".customer"), third.toText());
        assertEquals(Set.of(sc + ".customer {\"id\":3}"), rows(data, "phone", "+32486554433"));
        assertEquals(fullRead(tmp, data, sc), inventory(data));

        // full=true reads whole and leaves a mark the next rescan starts from
        ScanSummary forced = scan(data, sc, "&full=true");
        assertEquals(3, forced.scanned(), forced.toText());
        assertEquals(0, LocalPostgres.psql(DB, "DELETE FROM " + sc + ".pair WHERE b = 1"));
        ScanSummary after = scan(data, sc, "");
        assertEquals("0/1/xmin", incremental(after, sc + ".pair"), after.toText());
        assertTrue(rows(data, "email", "pair.one@example.be").isEmpty());
    }

    @Test
    void tooManyChangedRowsAreReadWhole() throws Exception {
        String sc = "inc_c";
        bulk("inc_c", 60_000);
        Path data = tmp.resolve("c");
        scan(data, sc, "");
        assertEquals(0, LocalPostgres.psql(DB, "UPDATE inc_c.bulk SET email = 'new' || id || '@example.be'"));
        ScanSummary second = scan(data, sc, "");
        assertEquals("read whole: more than 50000 rows changed since the last scan", note(second, sc + ".bulk"), second.toText());
        assertEquals(60_000, second.toJson().getJsonObject("findingsByType").getInteger("email"), second.toText());
        assertTrue(rows(data, "email", "row7@example.be").isEmpty());
        assertEquals(Set.of(sc + ".bulk {\"id\":7}"), rows(data, "email", "new7@example.be"));
        assertEquals(0, LocalPostgres.psql(DB, "DELETE FROM inc_c.bulk WHERE id % 1000 = 0"));
        ScanSummary third = scan(data, sc, "");
        assertEquals("0/60/xmin", incremental(third, sc + ".bulk"), third.toText());
        assertTrue(rows(data, "email", "new7000@example.be").isEmpty());
        assertEquals(Set.of(sc + ".bulk {\"id\":7001}"), rows(data, "email", "new7001@example.be"));
    }

    @Test
    void aChangedTableThatCannotBeReadNowKeepsItsFindingsAndCatchesUpLater() throws Exception {
        String sc = schema("inc_d");
        // a table without a primary key is read whole every time it changes
        assertEquals(0, LocalPostgres.psql(DB, "CREATE TABLE inc_d.loose (email text); INSERT INTO inc_d.loose VALUES ('loose.one@example.be');"
                + " DROP ROLE IF EXISTS inzage_incr; CREATE ROLE inzage_incr LOGIN;"
                + " GRANT USAGE ON SCHEMA inc_d TO inzage_incr; GRANT SELECT ON ALL TABLES IN SCHEMA inc_d TO inzage_incr"));
        Path data = tmp.resolve("d");
        scanAs("inzage_incr", data, sc, "");
        assertEquals(0, LocalPostgres.psql(DB, "UPDATE inc_d.customer SET email = 'jan.later@example.be' WHERE id = 1;"
                + " INSERT INTO inc_d.loose VALUES ('loose.two@example.be');"
                + " REVOKE SELECT ON inc_d.customer, inc_d.loose FROM inzage_incr"));
        ScanSummary denied = scanAs("inzage_incr", data, sc, "");
        assertEquals(2, denied.failed(), denied.toText());
        assertTrue(denied.toText().contains("permission denied"), denied.toText());
        assertEquals(Set.of(sc + ".customer {\"id\":1}", sc + ".invoice {\"id\":10}"), rows(data, "email", "jan.peeters@example.be"),
                "what the inventory knew of the table stays until it can be read again");
        assertEquals(1, rows(data, "email", "loose.one@example.be").size(), "the same for a table read whole");

        assertEquals(0, LocalPostgres.psql(DB, "GRANT SELECT ON inc_d.customer, inc_d.loose TO inzage_incr"));
        ScanSummary later = scanAs("inzage_incr", data, sc, "");
        assertEquals("1/0/xmin", incremental(later, sc + ".customer"), later.toText());
        assertEquals(Set.of(sc + ".invoice {\"id\":10}"), rows(data, "email", "jan.peeters@example.be"));
        assertEquals(Set.of(sc + ".customer {\"id\":1}"), rows(data, "email", "jan.later@example.be"));
        assertEquals(1, rows(data, "email", "loose.two@example.be").size());
        assertEquals(1, rows(data, "email", "loose.one@example.be").size());
        assertEquals(0, LocalPostgres.psql(DB, "DROP OWNED BY inzage_incr; DROP ROLE inzage_incr"));
    }

    @Test
    void aliasesValuesInTwoColumnsAndPhotosComeOutAsInAFullRead() throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", png);
        String photo = "decode('" + java.util.HexFormat.of().formatHex(png.toByteArray()) + "', 'hex')";
        assertEquals(0, LocalPostgres.psql(DB, """
                DROP SCHEMA IF EXISTS inc_e CASCADE;
                CREATE SCHEMA inc_e;
                CREATE TABLE inc_e.visit (id int PRIMARY KEY, ip text, email text, notes text, photo bytea);
                INSERT INTO inc_e.visit VALUES
                  (1, '::ffff:81.82.201.7', 'jan.peeters@example.be', 'mail jan.peeters@example.be', %1$s),
                  (2, '81.82.201.7', 'els.maes@example.be', 'gedeeld', %1$s),
                  (3, '2a02:1810:4d02:5e00::1', 'els.maes@example.be', 'tweede rij van els.maes@example.be', NULL);
                """.formatted(photo)));
        Path data = tmp.resolve("e");
        scan(data, "inc_e", "");
        assertEquals(Set.of("inc_e.visit {\"id\":1}", "inc_e.visit {\"id\":2}"), rows(data, "ip", "81.82.201.7"),
                "the IPv4-mapped address is found by its IPv4 form");
        assertEquals(0, LocalPostgres.psql(DB, """
                UPDATE inc_e.visit SET ip = '81.82.201.8', notes = 'geen mail meer', photo = NULL WHERE id = 1;
                UPDATE inc_e.visit SET notes = 'nu ook jan.peeters@example.be' WHERE id = 2;
                DELETE FROM inc_e.visit WHERE id = 3;
                """));
        ScanSummary second = scan(data, "inc_e", "");
        assertEquals("2/1/xmin", incremental(second, "inc_e.visit"), second.toText());
        assertEquals(Set.of("inc_e.visit {\"id\":2}"), rows(data, "ip", "81.82.201.7"));
        assertEquals(Set.of("inc_e.visit {\"id\":1}"), rows(data, "ip", "::ffff:81.82.201.8"), "mapped or not, the same address");
        assertEquals(Set.of("inc_e.visit {\"id\":1}", "inc_e.visit {\"id\":2}"), rows(data, "email", "jan.peeters@example.be"));
        assertEquals(Set.of("inc_e.visit {\"id\":2}"), rows(data, "email", "els.maes@example.be"));
        assertEquals(fullRead(tmp, data, "inc_e"), inventory(data), "the incremental inventory is the full read's");
        try (InventoryIndex index = InventoryIndex.openReader(new DataDir(data).index())) {
            List<Finding> photos = new ArrayList<>();
            index.forEach(f -> {
                if (f.type().equals("photo")) {
                    photos.add(f);
                }
            });
            assertEquals(1, photos.size(), "one picture, now in row 2 only");
            assertEquals(Set.of("{\"id\":2}"), photos.get(0).rowKeys().stream().map(Object::toString).collect(Collectors.toSet()));
        }
    }

    @Test
    void aConnectionKilledDuringAChangeReadIsReadAgain() throws Exception {
        bulk("inc_f", 40_000);
        Path data = tmp.resolve("f");
        scan(data, "inc_f", "");
        assertEquals(0, LocalPostgres.psql(DB, "UPDATE inc_f.bulk SET email = 'later' || id || '@example.be' WHERE id % 2 = 0"));
        java.util.concurrent.CompletableFuture<ScanSummary> running = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return scan(data, "inc_f", "&max_rows_per_second=8000");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // the change read (20,000 rows at 8,000 a second) is killed as a DBA would
        String reading = "from pg_stat_activity where application_name = 'inzage-scanner' and datname = '" + DB + "'"
                + " and query like '%age(xmin)%'";
        boolean killed = false;
        for (int i = 0; i < 200 && !killed; i++) {
            Thread.sleep(50);
            killed = "1".equals(LocalPostgres.value("postgres", "select count(*) " + reading))
                    && "t".equals(LocalPostgres.value("postgres", "select bool_or(pg_terminate_backend(pid)) " + reading));
        }
        assertTrue(killed, "the change read was found and terminated");
        ScanSummary s = running.get();
        assertEquals(0, s.failed(), s.toText());
        assertEquals("20000/0/xmin", incremental(s, "inc_f.bulk"), "read again from the start: " + s.toText());
        assertEquals(Set.of("inc_f.bulk {\"id\":2}"), rows(data, "email", "later2@example.be"));
        assertTrue(rows(data, "email", "row2@example.be").isEmpty());
        assertEquals(Set.of("inc_f.bulk {\"id\":1}"), rows(data, "email", "row1@example.be"));
        assertEquals(fullRead(tmp, data, "inc_f"), inventory(data));
    }
}
