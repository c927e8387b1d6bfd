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
}
