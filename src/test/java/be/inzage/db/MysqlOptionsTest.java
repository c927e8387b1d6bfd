package be.inzage.db;

import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.inventory.Finding;
import be.inzage.inventory.InventoryIndex;
import be.inzage.scan.ScanRunner;
import be.inzage.scan.ScanSummary;
import be.inzage.source.SourceUri;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same source options on MariaDB: include/exclude, views, a sample, a blob holding a document. */
class MysqlOptionsTest {

    static final String DB = "inzage_test_myopts";

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws Exception {
        LocalMysql.require();
        byte[] docx = be.inzage.extract.DocumentFixtures.docxBytes("Contract met my.blob@example.be");
        LocalMysql.run(null, "drop database if exists " + DB);
        LocalMysql.script(null, "create database " + DB + ";\nuse " + DB + ";\n"
                + "create table customers (id int primary key, email varchar(80));\n"
                + "insert into customers values (1, 'my.customer@example.be');\n"
                + "create table audit_log (id int primary key, email varchar(80));\n"
                + "insert into audit_log values (1, 'my.audited@example.be');\n"
                + "create view customer_emails as select email from customers;\n"
                + "create table files (id int primary key, content longblob);\n"
                + "insert into files values (1, unhex('" + java.util.HexFormat.of().formatHex(docx) + "'));\n");
    }

    List<Finding> scan(Path data, String query, ScanSummary[] out) throws Exception {
        out[0] = ScanRunner.run(new DataDir(data), Rulebook.load(null), List.of(SourceUri.parse(LocalMysql.uri(DB) + query))).get(0);
        List<Finding> all = new ArrayList<>();
        try (InventoryIndex index = InventoryIndex.openReader(new DataDir(data).index())) {
            index.forEach(all::add);
        }
        return all;
    }

    @Test
    void includeExcludeViewsAndBlobs() throws Exception {
        ScanSummary[] s = new ScanSummary[1];
        List<Finding> all = scan(tmp.resolve("a"), "?exclude=*.audit_*&views=true", s);
        Set<String> containers = all.stream().map(Finding::container).collect(Collectors.toSet());
        assertEquals(Set.of(DB + ".customers", DB + ".customer_emails", DB + ".files"), containers, s[0].toText());
        Finding doc = all.stream().filter(f -> f.container().equals(DB + ".files")).findFirst().orElseThrow();
        assertEquals("email", doc.type());
        assertEquals(new JsonObject().put("id", 1L), doc.locator().getJsonObject("pk"));
    }

    @Test
    void aSampleLeavesTheInventoryAlone() throws Exception {
        ScanSummary[] s = new ScanSummary[1];
        List<Finding> all = scan(tmp.resolve("b"), "?include=*.customers&sample=10", s);
        assertTrue(all.isEmpty(), "nothing written");
        JsonObject c = s[0].toJson().getJsonObject("columns").getJsonArray("classified").getJsonObject(0);
        assertEquals("email", c.getString("type"));
        assertEquals(1L, s[0].toJson().getJsonObject("rowEstimates").getLong(DB + ".customers"));
    }



    /** "table pk" of every row an e-mail address is found in. */
    static Set<String> rows(Path data, String email) throws Exception {
        DataDir d = new DataDir(data);
        try (InventoryIndex index = InventoryIndex.openReader(d.index())) {
            return new be.inzage.subject.SubjectSearch(index, be.inzage.inventory.KeyedHasher.open(d.keyFile()),
                    new be.inzage.subject.IdentifierNormalizer(Rulebook.load(null).engine()))
                    .search(java.util.Map.of("email", List.of(email))).stream()
                    .map(f -> f.container().substring(DB.length() + 1) + " " + f.locator().getJsonObject("pk").encode())
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void rowsChangedSinceTheLastScanAreReadByTheirOnUpdateTimestamp() throws Exception {
        LocalMysql.script(DB, """
                drop table if exists contacts; drop table if exists plain;
                create table contacts (id int primary key, email varchar(80),
                  changed timestamp not null default current_timestamp on update current_timestamp);
                insert into contacts values (1, 'c.one@example.be', '2020-01-01 00:00:00'), (2, 'c.two@example.be', '2020-01-01 00:00:00'),
                  (3, 'c.three@example.be', '2020-01-01 00:00:00');
                create table plain (id int primary key, email varchar(80));
                insert into plain values (1, 'p.one@example.be');
                """);
        Path data = tmp.resolve("c");
        ScanSummary[] s = new ScanSummary[1];
        scan(data, "?include=*.contacts,*.plain", s);
        assertEquals(2, s[0].scanned(), s[0].toText());
        Thread.sleep(1100); // the tables' update_time counts in seconds
        LocalMysql.script(DB, """
                update contacts set email = 'c.new@example.be' where id = 2;
                delete from contacts where id = 3;
                insert into contacts (id, email) values (4, 'c.four@example.be');
                update plain set email = 'p.new@example.be' where id = 1;
                """);
        List<Finding> all = scan(data, "?include=*.contacts,*.plain", s);
        assertEquals("2/1/changed on update", IncrementalRowsTest.incremental(s[0], ".contacts"),
                s[0].toText());
        assertEquals("", IncrementalRowsTest.incremental(s[0], ".plain"), "no change column: read whole: " + s[0].toText());
        assertEquals(3, all.stream().filter(f -> f.container().endsWith(".contacts")).count(), s[0].toText());
        assertEquals(Set.of("contacts {\"id\":1}"), rows(data, "c.one@example.be"));
        assertEquals(Set.of("contacts {\"id\":2}"), rows(data, "c.new@example.be"));
        assertEquals(Set.of("contacts {\"id\":4}"), rows(data, "c.four@example.be"));
        assertTrue(rows(data, "c.two@example.be").isEmpty());
        assertTrue(rows(data, "c.three@example.be").isEmpty());
        assertEquals(Set.of("plain {\"id\":1}"), rows(data, "p.new@example.be"));
        assertTrue(rows(data, "p.one@example.be").isEmpty());
        LocalMysql.script(DB, "drop table contacts; drop table plain;"); // the other tests count this database's tables
    }

    @Test
    void aColumnTheApplicationSetsMarksChangedRowsWhenNamed() throws Exception {
        LocalMysql.script(DB, """
                drop table if exists orders;
                create table orders (id int primary key, email varchar(80), updated_at datetime null);
                insert into orders values (1, 'o.one@example.be', '2020-01-01 00:00:00'), (2, 'o.two@example.be', '2020-01-01 00:00:00'),
                  (3, 'o.three@example.be', '2020-01-01 00:00:00');
                """);
        Path data = tmp.resolve("d");
        ScanSummary[] s = new ScanSummary[1];
        scan(data, "?include=*.orders&changed_column=updated_at", s);
        Thread.sleep(1100); // the table's update_time counts in seconds
        // what an ORM does: the timestamp set with the change; a row inserted without one
        LocalMysql.script(DB, """
                update orders set email = 'o.new@example.be', updated_at = utc_timestamp() where id = 2;
                insert into orders (id, email) values (4, 'o.four@example.be');
                delete from orders where id = 3;
                """);
        scan(data, "?include=*.orders&changed_column=updated_at", s);
        assertEquals("2/1/updated_at (changed_column)", IncrementalRowsTest.incremental(s[0], ".orders"), s[0].toText());
        assertEquals(Set.of("orders {\"id\":2}"), rows(data, "o.new@example.be"));
        assertEquals(Set.of("orders {\"id\":4}"), rows(data, "o.four@example.be"));
        assertEquals(Set.of("orders {\"id\":1}"), rows(data, "o.one@example.be"));
        assertTrue(rows(data, "o.two@example.be").isEmpty());
        assertTrue(rows(data, "o.three@example.be").isEmpty());

        Thread.sleep(1100);
        LocalMysql.script(DB, "update orders set email = 'o.other@example.be' where id = 1;");
        scan(data, "?include=*.orders", s);
        assertEquals("", IncrementalRowsTest.incremental(s[0], ".orders"), "without the option the column is not trusted: " + s[0].toText());
        assertEquals(Set.of("orders {\"id\":1}"), rows(data, "o.other@example.be"));
        LocalMysql.script(DB, "drop table orders;");
    }
}
