package be.inzage.cli;

import be.inzage.db.LocalPostgres;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static be.inzage.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One subject spread over a PostgreSQL database, a file share and a web log, next to look-alikes
 * (same name with another e-mail; the same household IP with another login): the access report
 * lists exactly the planted locations with live values, --expand finds the copies that carry only
 * a correlated identifier, and verify tracks an erasure done in two steps.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubjectEndToEndTest {

    static final String DB = "inzage_test_e2e";
    static final String EMAIL = "lies.wouters@example.be";
    static Path tmp;
    static Path share;
    static Path log;
    static String data;

    static final String ACCESS_LOG = String.join("\n",
            "198.51.100.23 - lwouters [10/Oct/2026:13:55:36 +0200] \"GET /account?email=lies.wouters%40example.be HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\"",
            "198.51.100.23 - lwouters [10/Oct/2026:13:56:01 +0200] \"GET /orders HTTP/1.1\" 200 2048 \"-\" \"Mozilla/5.0\"",
            "198.51.100.23 - pwouters [11/Oct/2026:09:12:44 +0200] \"GET /account HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\"",
            "203.0.113.9 - - [11/Oct/2026:10:00:00 +0200] \"GET /index.html HTTP/1.1\" 200 100 \"-\" \"curl/8.0\"") + "\n";

    @BeforeAll
    static void plant() throws Exception {
        LocalPostgres.require();
        LocalPostgres.freshDatabase(DB);
        assertEquals(0, LocalPostgres.psql(DB, """
                CREATE SCHEMA crm;
                CREATE TABLE crm.customers (id int PRIMARY KEY, naam text, email text, telefoon text, iban text, woonplaats text);
                INSERT INTO crm.customers VALUES
                  (1, 'Lies Wouters', 'lies.wouters@example.be', '0475 11 22 33', 'BE71 0961 2345 6769', 'Gent'),
                  (2, 'Lies Wouters', 'lies.wouters@example.nl', '0476 55 44 33', 'NL91 ABNA 0417 1643 00', 'Utrecht'),
                  (3, 'Pieter Wouters', 'pieter.wouters@example.be', '0477 99 88 77', NULL, 'Gent');
                CREATE TABLE crm.orders (id int PRIMARY KEY, customer_email text, bedrag numeric);
                INSERT INTO crm.orders VALUES (10, 'lies.wouters@example.be', 99.95), (11, 'pieter.wouters@example.be', 10);
                """));
        tmp = Files.createTempDirectory("inzage-e2e");
        share = Files.createDirectories(tmp.resolve("share"));
        Files.writeString(share.resolve("contract.txt"), "Contract\nGSM klant: 0475/11.22.33\n");
        Files.writeString(share.resolve("nieuwsbrief.csv"), "naam,email\nLies Wouters,lies.wouters@example.nl\n");
        log = Files.createDirectories(tmp.resolve("logs")).resolve("access.log");
        Files.writeString(log, ACCESS_LOG);
        data = tmp.resolve("data").toString();
        CliTest.Run scan = run("scan", LocalPostgres.uri(DB, LocalPostgres.USER), share.toString(), "log://" + log, "--data", data,
                "--rules", "rules");
        assertEquals(0, scan.code(), scan.err() + scan.out());
    }

    static JsonArray report(String kind, String... extra) throws Exception {
        Path out = tmp.resolve(kind + System.nanoTime() + ".json");
        List<String> args = new java.util.ArrayList<>(List.of("report", kind, "--email", EMAIL, "--out", out.toString(),
                "--data", data, "--rules", "rules"));
        args.addAll(List.of(extra));
        CliTest.Run r = run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return new JsonObject(Files.readString(out)).getJsonArray("locations");
    }

    /** "kind container locator type" per location, for exact comparison. */
    static Set<String> where(JsonArray locations) {
        return locations.stream().map(o -> (JsonObject) o).map(l -> l.getString("kind") + " " + Path.of(l.getString("container"))
                .getFileName() + " " + l.getJsonObject("locator").encode() + " " + l.getString("type")).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void accessReportListsExactlyThePlantedLocationsWithLiveValues() throws Exception {
        JsonArray locs = report("access");
        assertEquals(new TreeSet<>(Set.of(
                "db crm.customers {\"pk\":{\"id\":1},\"column\":\"email\"} email",
                "db crm.orders {\"pk\":{\"id\":10},\"column\":\"customer_email\"} email",
                "log access.log {\"line\":1,\"column\":\"email\"} email")), where(locs));
        for (Object o : locs) {
            assertEquals(List.of(EMAIL), ((JsonObject) o).getJsonArray("values").getList(), "read live: " + o);
        }
        String all = locs.encode();
        assertFalse(all.contains("example.nl") || all.contains("nieuwsbrief") || all.contains("pieter"), "no look-alike");
    }

    @Test
    void expandFindsCopiesThatCarryOnlyACorrelatedIdentifierButNotTheHousehold() throws Exception {
        Set<String> found = where(report("access", "--expand"));
        assertTrue(found.contains("file contract.txt {\"line\":2} phone"), "the phone found with the e-mail in the CRM row: " + found);
        CliTest.Run r = run("search", "--email", EMAIL, "--expand", "--json", "--data", data, "--rules", "rules");
        String via = r.out().lines().map(JsonObject::new).filter(h -> h.getString("container").endsWith("contract.txt"))
                .findFirst().orElseThrow().getString("via");
        assertEquals("phone +32 4****** 33, found with the email in crm.customers id=1", via);
        assertTrue(found.contains("db crm.customers {\"pk\":{\"id\":1},\"column\":\"iban\"} iban"), found.toString());
        assertTrue(found.stream().anyMatch(s -> s.startsWith("log access.log") && s.endsWith(" login")
                && s.contains("[1,2]")), "the login's log lines, found with the e-mail on line 1: " + found);
        assertTrue(found.stream().noneMatch(s -> s.contains("\"id\":2") || s.contains("\"id\":3") || s.contains("\"id\":11")
                || s.contains("nieuwsbrief")), "no look-alike row or file: " + found);
        assertTrue(found.stream().noneMatch(s -> s.contains("[3]") || s.contains("\"line\":3")),
                "the same household IP with another login is not the subject: " + found);
        assertTrue(found.stream().noneMatch(s -> s.endsWith(" ip_address")), "IP addresses are never followed: " + found);
    }

    @Test
    void aNameCountsOnlyTogetherWithThePlaceOfResidence() throws Exception {
        CliTest.Run r = run("search", "--name", "Lies Wouters", "--place", "Gent", "--json", "--data", data, "--rules", "rules");
        assertEquals(0, r.code(), r.err());
        List<JsonObject> hits = r.out().lines().map(JsonObject::new).toList();
        List<JsonObject> names = hits.stream().filter(h -> h.getString("type").equals("person_name")).toList();
        // the name in row 1 (Gent) is strong; the namesake in row 2 (Utrecht) and the newsletter stay weak
        Set<String> byStrength = names.stream().map(h -> h.getString("strength") + " " + Path.of(h.getString("container")).getFileName()
                + " " + h.getJsonObject("locator").encode()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of(
                "strong crm.customers {\"pk\":{\"id\":1},\"column\":\"naam\"}",
                "weak crm.customers {\"pk\":{\"id\":2},\"column\":\"naam\"}",
                "weak nieuwsbrief.csv {\"line\":2,\"column\":\"naam\"}")), byStrength);
        assertTrue(names.stream().anyMatch(h -> h.getString("why").contains("together with the address")), names.toString());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void verifyFollowsAnErasureDoneInTwoSteps() throws Exception {
        Path plan = tmp.resolve("plan.json");
        assertEquals(0, run("report", "erasure", "--email", EMAIL, "--out", plan.toString(), "--data", data, "--rules", "rules").code());
        JsonArray steps = new JsonObject(Files.readString(plan)).getJsonArray("locations");
        assertEquals(3, steps.size(), steps.encodePrettily());
        assertEquals(2, steps.stream().filter(o -> ((JsonObject) o).containsKey("statement")).count(),
                "database rows come with their statement");

        // step 1: the CRM row only
        assertEquals(0, LocalPostgres.psql(DB, "DELETE FROM crm.customers WHERE id = 1"));
        CliTest.Run some = run("verify", plan.toString(), "--data", data, "--rules", "rules");
        assertEquals(1, some.code(), some.out());
        assertTrue(some.out().contains("2 location(s) still hold"), some.out());
        assertTrue(some.out().contains("crm.orders") && some.out().contains("access.log"), some.out());
        assertFalse(some.out().contains("crm.customers"), some.out());

        // step 2: the order and the log line
        assertEquals(0, LocalPostgres.psql(DB, "DELETE FROM crm.orders WHERE id = 10"));
        Files.writeString(log, ACCESS_LOG.lines().skip(1).collect(Collectors.joining("\n")) + "\n");
        CliTest.Run none = run("verify", plan.toString(), "--data", data, "--rules", "rules");
        assertEquals(0, none.code(), none.out());
    }
}
