package be.inzage.db;

import be.inzage.cli.Main;
import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.detect.TestRules;
import be.inzage.scan.ScanRunner;
import be.inzage.source.SourceUri;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A subject in more rows than a finding lists (1,000): a customer with 1,620 orders, some with the
 * e-mail spelt in capitals. The access report and the erasure plan name every row (a live pass over
 * the column finds them), so carrying out the plan erases the subject and verify says so only then.
 */
class ManyRowsSubjectTest {

    static final String DB = "inzage_test_many_rows";
    static final String HOLDING = "select count(*) from orders where lower(email) = 'big.customer@example.be'";

    @TempDir
    Path tmp;

    @Test
    void theErasurePlanClearsEveryRowOfASubjectInMoreRowsThanAFindingLists() throws Exception {
        LocalPostgres.require();
        LocalPostgres.freshDatabase(DB);
        assertEquals(0, LocalPostgres.psql(DB, "create table orders (id int primary key, email text, amount int);"
                + " insert into orders select g, case when g % 10 = 0 then 'klant' || g || '@example.be'"
                + " when g % 97 = 0 then 'Big.Customer@Example.be' else 'big.customer@example.be' end, g from generate_series(1, 1800) g"));
        assertEquals("1620", LocalPostgres.value(DB, HOLDING));
        String data = tmp.resolve("data").toString();
        ScanRunner.run(new DataDir(Path.of(data)), Rulebook.load(TestRules.root()), List.of(SourceUri.parse(LocalPostgres.uri(DB, "postgres"))));

        Path access = tmp.resolve("access.json");
        assertEquals(0, Main.run("report", "access", "--email", "big.customer@example.be", "--out", access.toString(), "--data", data,
                "--rules", "rules"));
        JsonObject seen = new JsonObject(Files.readString(access)).getJsonArray("locations").getJsonObject(0);
        assertEquals(1620, seen.getJsonObject("locator").getJsonArray("rows").size(), "every row, not the first 1,000");
        assertEquals(List.of("big.customer@example.be"), seen.getJsonArray("values").getList());

        Path plan = tmp.resolve("plan.json");
        assertEquals(0, Main.run("report", "erasure", "--email", "big.customer@example.be", "--out", plan.toString(), "--data", data,
                "--rules", "rules"));
        JsonObject loc = new JsonObject(Files.readString(plan)).getJsonArray("locations").getJsonObject(0);
        assertEquals(1620, loc.getInteger("count"));
        assertEquals(null, loc.getString("incomplete"));
        JsonObject statement = loc.getJsonObject("statement");
        assertEquals("update \"public\".\"orders\" set \"email\" = null where \"id\" = $1", statement.getString("sql"));
        JsonArray params = statement.getJsonArray("params");
        assertEquals(1620, params.size());
        assertEquals(1, Main.run("verify", plan.toString(), "--data", data, "--rules", "rules"), "not erased yet");

        // carry out the plan's statement for every row it names
        StringBuilder script = new StringBuilder();
        for (Object p : params) {
            script.append(statement.getString("sql").replace("$1", String.valueOf(((JsonArray) p).getLong(0)))).append(";\n");
        }
        Path sql = Files.writeString(tmp.resolve("erase.sql"), script);
        LocalPostgres.psqlFile(DB, sql);
        assertEquals("0", LocalPostgres.value(DB, HOLDING), "no row holds the subject's e-mail");
        assertEquals("180", LocalPostgres.value(DB, "select count(*) from orders where email is not null"), "the others are untouched");
        assertEquals(0, Main.run("verify", plan.toString(), "--data", data, "--rules", "rules"), "erased");

        // planned again before a rescan: the inventory still says 1,620 rows, the live pass finds none
        Path again = tmp.resolve("again.json");
        assertEquals(0, Main.run("report", "erasure", "--email", "big.customer@example.be", "--out", again.toString(), "--data",
                data, "--rules", "rules"));
        JsonObject none = new JsonObject(Files.readString(again)).getJsonArray("locations").getJsonObject(0);
        assertTrue(none.getString("action").startsWith("nothing to do"), none.encode());
        assertEquals(null, none.getJsonObject("statement"));
    }

    @Test
    void onMariaDbToo() throws Exception {
        LocalMysql.require();
        LocalMysql.script(null, "drop database if exists " + DB + "; create database " + DB + "; use " + DB + ";"
                + " create table orders (id int primary key, email varchar(100));"
                + " insert into orders select seq, if(seq % 10 = 0, concat('klant', seq, '@example.be'), 'big.customer@example.be')"
                + " from seq_1_to_1300;");
        String data = tmp.resolve("data").toString();
        ScanRunner.run(new DataDir(Path.of(data)), Rulebook.load(TestRules.root()), List.of(SourceUri.parse(LocalMysql.uri(DB))));
        Path plan = tmp.resolve("plan.json");
        assertEquals(0, Main.run("report", "erasure", "--email", "big.customer@example.be", "--out", plan.toString(), "--data", data,
                "--rules", "rules"));
        JsonObject statement = new JsonObject(Files.readString(plan)).getJsonArray("locations").getJsonObject(0)
                .getJsonObject("statement");
        assertEquals("update `" + DB + "`.`orders` set `email` = null where `id` = ?", statement.getString("sql"));
        assertEquals(1170, statement.getJsonArray("params").size(), "every row, not the first 1,000");
        assertEquals(new JsonArray().add(1L), statement.getJsonArray("params").getJsonArray(0), "keys typed as the scan wrote them");
    }
}
