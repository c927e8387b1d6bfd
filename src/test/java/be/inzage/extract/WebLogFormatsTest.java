package be.inzage.extract;

import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.detect.TestRules;
import be.inzage.inventory.Finding;
import be.inzage.inventory.InventoryIndex;
import be.inzage.inventory.KeyedHasher;
import be.inzage.inventory.LineSet;
import be.inzage.scan.ScanRunner;
import be.inzage.scan.ScanSummary;
import be.inzage.source.SourceUri;
import be.inzage.subject.IdentifierNormalizer;
import be.inzage.subject.SubjectSearch;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated web logs in every format the log source reads (combined with cookies, W3C with a
 * #Fields change mid-file, nginx and ECS JSON lines, a forced format), bad lines, timestamps,
 * Lead Info requests, and a log still being written.
 */
class WebLogFormatsTest {

    @TempDir
    static Path tmp;
    static Path logs;
    static Path data;
    static ScanSummary summary;

    static final String COMBINED = String.join("\n",
            "81.82.201.7 - jpeeters [05/Oct/2023:13:55:36 +0200] \"GET /nl/contact?email=jan.peeters%40example.be HTTP/1.1\" 200 2326"
                    + " \"https://www.google.be/\" \"Mozilla/5.0\" \"_ga=GA1.2.1234567890.1696500000; _li_id=li9a8b7c6d5e; PHPSESSID=9f8e7d6c5b4a\"",
            "81.82.201.7 - jpeeters [05/Oct/2023:14:10:00 +0200] \"GET /nl/prijzen HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0\""
                    + " \"_ga=GA1.2.1234567890.1696500000; _li_id=li9a8b7c6d5e\"",
            "192.0.2.10 - - [06/Oct/2023:09:00:00 +0200] \"GET https://cdn.leadinfo.net/ping.js HTTP/1.1\" 200 100"
                    + " \"https://www.example.be/nl/\" \"Mozilla/5.0\" \"-\"",
            "\u0001\u0002\u0003\u0004\u0005 garbage 198.51.100.77",
            "203.0.113.5 - - [06/Oct/2023:09:00:01 +0200] \"GET /" + "a".repeat(70_000) + " HTTP/1.1\" 414 0 \"-\" \"x\" \"-\"",
            "not an access line, but it names ann.smet@example.be",
            "81.82.201.7 - - [05/Nov/2016:11:05:07 +0100] \"GET /fr/ HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\" \"-\"") + "\n";

    static final String W3C = String.join("\n",
            "#Software: Microsoft Internet Information Services 10.0",
            "#Version: 1.0",
            "#Date: 2023-10-05 11:55:00",
            "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Cookie) cs(Referer) sc-status",
            "2023-10-05 11:55:36 10.0.0.5 GET /nl/contact email=lies.wouters%40example.be 443 CORP\\lwouters 81.82.201.8"
                    + " Mozilla/5.0+(Windows+NT+10.0) _ga=GA1.2.555.1696500000;+_li_ses=ses77aa88bb https://www.example.be/ 200",
            "2023-10-05 12:00:00 10.0.0.5 GET /nl/prijzen - 443 - 81.82.201.8 Mozilla/5.0 - - 200",
            "#Fields: c-ip date time cs-uri-stem cs-username sc-status",
            "81.82.201.9 2023-10-06 08:00:00 /fr/tarifs lwouters 200") + "\n";

    static final String JSON = String.join("\n",
            "{\"time_iso8601\":\"2023-10-05T13:55:36+02:00\",\"remote_addr\":\"81.82.201.10\",\"remote_user\":\"pmertens\","
                    + "\"request\":\"GET /account?phone=%2B32475123456 HTTP/1.1\",\"status\":\"200\",\"http_referer\":\"-\","
                    + "\"http_user_agent\":\"Mozilla/5.0\",\"http_cookie\":\"_ga=GA1.2.777.1696500000; _li_id=lijson123456\","
                    + "\"http_x_forwarded_for\":\"198.51.100.20, 10.0.0.1\"}",
            "{\"@timestamp\":\"2023-10-07T10:00:00.000Z\",\"source\":{\"ip\":\"2001:db8::42\"},\"user\":{\"name\":\"pmertens\"},"
                    + "\"url\":{\"original\":\"/nl/contact?email=piet.mertens%40example.be\"},\"http\":{\"response\":{\"status_code\":200}}}",
            "{not json at all") + "\n";

    @BeforeAll
    static void scan() throws Exception {
        logs = Files.createDirectories(tmp.resolve("logs"));
        Files.writeString(logs.resolve("combined_cookie.log"), COMBINED);
        Files.writeString(logs.resolve("u_ex231005.log"), W3C);
        Files.writeString(logs.resolve("access.json"), JSON);
        // still being written: the last line has no newline yet
        Files.writeString(logs.resolve("live.log"), "81.82.201.11 - - [07/Oct/2023:10:00:00 +0200] \"GET / HTTP/1.1\" 200 1 \"-\" \"x\"\n"
                + "81.82.201.11 - - [07/Oct/2023:10:00:01 +0200] \"GET /contact?email=half.written%40exam");
        Path forced = Files.createDirectories(tmp.resolve("forced"));
        Files.writeString(forced.resolve("events"), "{\"client_ip\":\"198.51.100.99\",\"user\":\"forcedlogin\"}\n");
        data = tmp.resolve("data");
        List<ScanSummary> s = ScanRunner.run(new DataDir(data), Rulebook.load(TestRules.root()),
                List.of(SourceUri.parse("log://" + logs), SourceUri.parse("log://" + forced + "?format=json")));
        summary = s.get(0);
    }

    static List<Finding> search(String type, String value) throws Exception {
        DataDir dir = new DataDir(data);
        try (InventoryIndex index = InventoryIndex.openReader(dir.index())) {
            return new SubjectSearch(index, KeyedHasher.open(dir.keyFile()),
                    new IdentifierNormalizer(Rulebook.load(TestRules.root()).engine())).search(Map.of(type, List.of(value)));
        }
    }

    /** "file: lines" for every finding, sorted. */
    static TreeSet<String> where(List<Finding> fs) {
        TreeSet<String> out = new TreeSet<>();
        for (Finding f : fs) {
            out.add(Path.of(f.container()).getFileName() + " " + f.type() + " " + Arrays.toString(LineSet.decode(f.lines())));
        }
        return out;
    }

    @Test
    void leadInfosTrackerIsRecognisedInAnyCase() {
        org.junit.jupiter.api.Assertions.assertTrue(WebLogFields.leadinfo("https://cdn.leadinfo.net/ping.js"));
        org.junit.jupiter.api.Assertions.assertTrue(WebLogFields.leadinfo("//API.LeadInfo.COM/v1/track?x=1"));
        org.junit.jupiter.api.Assertions.assertTrue(WebLogFields.leadinfo("leadinfo."));
        assertFalse(WebLogFields.leadinfo("/blog/leadinfo-review"), "not the tracker's host");
        assertFalse(WebLogFields.leadinfo("leadinfo"));
        assertFalse(WebLogFields.leadinfo(""));
        assertFalse(WebLogFields.leadinfo(null));
    }

    @Test
    void combinedWithCookiesLoginsAndLeadInfoAtTheirLines() throws Exception {
        assertEquals(new TreeSet<>(List.of("combined_cookie.log leadinfo [1, 2]")), where(search("cookie", "li9a8b7c6d5e")));
        assertEquals(new TreeSet<>(List.of("combined_cookie.log cookie [1, 2]")), where(search("cookie", "GA1.2.1234567890.1696500000")));
        assertEquals(new TreeSet<>(List.of("combined_cookie.log login [1, 2]")), where(search("login", "jpeeters")));
        assertEquals(new TreeSet<>(List.of("combined_cookie.log email [1]")), where(search("email", "jan.peeters@example.be")));
        assertEquals(new TreeSet<>(List.of("combined_cookie.log ip_address [1, 2, 7]")), where(search("ip", "81.82.201.7")));
        assertEquals(new TreeSet<>(List.of("combined_cookie.log ip_address [3]", "combined_cookie.log leadinfo [3]")),
                where(search("ip", "192.0.2.10")), "a request to Lead Info's tracker makes the visitor's address Lead Info data");
        assertEquals(new TreeSet<>(List.of("combined_cookie.log email [6]")), where(search("email", "ann.smet@example.be")),
                "a line not in access-log form is still read as text");
        assertTrue(search("ip", "198.51.100.77").isEmpty(), "binary lines are skipped, not mined");
    }

    @Test
    void aLeadInfoCookieLeadsToTheLoginSeenOnTheSameLines() throws Exception {
        DataDir dir = new DataDir(data);
        try (InventoryIndex index = InventoryIndex.openReader(dir.index())) {
            var hits = new SubjectSearch(index, KeyedHasher.open(dir.keyFile()),
                    new IdentifierNormalizer(Rulebook.load(TestRules.root()).engine())).search(Map.of("cookie", List.of("li9a8b7c6d5e")), 1);
            assertTrue(hits.stream().anyMatch(h -> h.finding().type().equals("login") && h.via() != null
                    && h.via().contains("found with the leadinfo")), hits.toString());
        }
    }

    @Test
    void w3cFieldsFollowTheLatestHeader() throws Exception {
        assertEquals(new TreeSet<>(List.of("u_ex231005.log ip_address [5, 6]")), where(search("ip", "81.82.201.8")));
        assertEquals(new TreeSet<>(List.of("u_ex231005.log ip_address [8]")), where(search("ip", "81.82.201.9")),
                "after the second #Fields line the client address is the first field");
        assertEquals(new TreeSet<>(List.of("u_ex231005.log login [8]")), where(search("login", "lwouters")));
        assertEquals(new TreeSet<>(List.of("u_ex231005.log login [5]")), where(search("login", "CORP\\lwouters")));
        assertEquals(new TreeSet<>(List.of("u_ex231005.log leadinfo [5]")), where(search("cookie", "ses77aa88bb")), "cs(Cookie) with + for spaces");
        assertEquals(new TreeSet<>(List.of("u_ex231005.log email [5]")), where(search("email", "lies.wouters@example.be")));
        assertTrue(search("ip", "10.0.0.5").isEmpty(), "the server's own address (s-ip) is not a subject's");
    }

    @Test
    void jsonLinesNginxAndEcs() throws Exception {
        // one finding per field it was seen in: nginx's remote_user on line 1, ECS user.name on line 2
        assertEquals(new TreeSet<>(List.of("access.json login [1]", "access.json login [2]")), where(search("login", "pmertens")));
        assertEquals(new TreeSet<>(List.of("access.json phone [1]")), where(search("phone", "+32 475 12 34 56")));
        assertEquals(new TreeSet<>(List.of("access.json leadinfo [1]")), where(search("cookie", "lijson123456")));
        assertEquals(new TreeSet<>(List.of("access.json ip_address [1]")), where(search("ip", "198.51.100.20")), "X-Forwarded-For hop");
        assertEquals(new TreeSet<>(List.of("access.json ip_address [2]")), where(search("ip", "2001:db8::42")), "ECS source.ip");
        assertEquals(new TreeSet<>(List.of("access.json email [2]")), where(search("email", "piet.mertens@example.be")));
        assertEquals(new TreeSet<>(List.of("events ip_address [1]")), where(search("ip", "198.51.100.99")), "?format=json on a file without extension");
        assertEquals(new TreeSet<>(List.of("events login [1]")), where(search("login", "forcedlogin")));
    }

    @Test
    void everyFindingKnowsWhenItWasFirstAndLastSeen() throws Exception {
        Finding login = search("login", "jpeeters").get(0);
        assertEquals(Instant.parse("2023-10-05T11:55:36Z").toEpochMilli(), login.firstSeen());
        assertEquals(Instant.parse("2023-10-05T12:10:00Z").toEpochMilli(), login.lastSeen());
        JsonObject json = login.toJson();
        assertEquals("2023-10-05T11:55:36Z", json.getString("firstSeen"));
        assertEquals("2023-10-05T12:10:00Z", json.getString("lastSeen"));
        Finding ip = search("ip", "81.82.201.7").get(0);
        assertEquals(Instant.parse("2016-11-05T10:05:07Z").toEpochMilli(), ip.firstSeen(), "the 2016 line");
        Finding w3c = search("ip", "81.82.201.9").get(0);
        assertEquals(Instant.parse("2023-10-06T08:00:00Z").toEpochMilli(), w3c.lastSeen(), "W3C times are UTC");
        Finding ecs = search("ip", "2001:db8::42").get(0);
        assertEquals(Instant.parse("2023-10-07T10:00:00Z").toEpochMilli(), ecs.firstSeen());
    }

    @Test
    void badLinesAreCountedByReasonWithTheirFirstLine() {
        String s = summary.toJson().encode();
        assertTrue(s.contains("1 line(s) binary or control bytes, skipped (first at line 4)"), s);
        assertTrue(s.contains("1 line(s) longer than 64 KB, skipped (first at line 5)"), s);
        assertTrue(s.contains("1 line(s) not in access-log form, read as text (first at line 6)"), s);
        assertTrue(s.contains("1 line(s) not in JSON form, read as text (first at line 3)"), s);
        assertEquals(0, summary.failed(), "bad lines never fail the file");
    }

    @Test
    void aLogStillBeingWrittenIsReadUpToItsLastCompleteLine() throws Exception {
        assertTrue(summary.toJson().encode().contains("last line incomplete (still being written)"), summary.toText());
        assertTrue(search("email", "half.written@example.be").isEmpty());
        assertEquals(new TreeSet<>(List.of("live.log ip_address [1]")), where(search("ip", "81.82.201.11")));
        // the writer finishes the line: the next scan reads it
        Files.writeString(logs.resolve("live.log"), "ple.be HTTP/1.1\" 200 1 \"-\" \"x\"\n", java.nio.file.StandardOpenOption.APPEND);
        ScanRunner.run(new DataDir(data), Rulebook.load(TestRules.root()), List.of(SourceUri.parse("log://" + logs)));
        assertEquals(new TreeSet<>(List.of("live.log email [2]")), where(search("email", "half.written@example.be")));
        assertEquals(new TreeSet<>(List.of("live.log ip_address [1, 2]")), where(search("ip", "81.82.201.11")));
    }

    @Test
    void anUnknownFormatIsRefusedUpFront() {
        String m = assertThrows(SourceUri.BadSource.class, () -> SourceUri.parse("log://" + logs + "?format=xml")).getMessage();
        assertTrue(m.contains("unknown log format 'xml'"), m);
        assertFalse(m.contains("jpeeters"));
    }

    @Test
    void apacheTimesAreReadAgainOnlyWhenTheyChange() {
        long t = Instant.parse("2023-10-05T11:55:36Z").toEpochMilli();
        assertEquals(t, WebLogFields.apacheTime("05/Oct/2023:13:55:36 +0200"));
        assertEquals(t, WebLogFields.apacheTime("05/Oct/2023:13:55:36 +0200")); // the same second again
        assertEquals(t + 1000, WebLogFields.apacheTime("05/Oct/2023:13:55:37 +0200"));
        assertEquals(0, WebLogFields.apacheTime("05/Oct/2023:25:61:99 +0200")); // unreadable: no stale answer
        assertEquals(0, WebLogFields.apacheTime("05/Oct/2023:25:61:99 +0200"));
        assertEquals(t, WebLogFields.apacheTime("05/Oct/2023:11:55:36 +0000"));
    }
}
