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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Access logs read field by field: the real Beats test logs of the shared corpus and a combined+cookie log. */
class AccessLogTest {

    @TempDir
    static Path tmp;
    static Path data;
    static ScanSummary summary;

    @BeforeAll
    static void scan() throws IOException {
        Path share = Files.createDirectories(tmp.resolve("logs"));
        Path beats = Path.of(System.getenv().getOrDefault("INZAGE_SHARED", "../shared"), "corpus/weblogs/beats-filebeat-tests");
        for (String f : List.of("nginx_access_test.log", "apache_access_test.log", "nginx_access_test-with-host.log")) {
            Files.copy(beats.resolve(f), share.resolve(f));
        }
        String hit = "81.82.201.7 - jpeeters [05/Oct/2023:13:55:36 +0200] \"GET /nl/contact?email=jan.peeters%40example.be HTTP/1.1\""
                + " 200 2326 \"https://www.google.be/\" \"Mozilla/5.0\" \"_ga=GA1.2.1234567890.1696500000; _li_id=abc123def;"
                + " PHPSESSID=9f8e7d6c5b\"";
        String other = "2a02:1810:4d02:5200:1d2b:3c4d:5e6f:7a8b - - [05/Oct/2023:13:56:01 +0200] \"GET /fr/tarifs HTTP/2.0\" 200 5120"
                + " \"-\" \"Mozilla/5.0\" \"_ga=GA1.2.999.1696500001\"";
        Files.writeString(share.resolve("access.log"), String.join("\n", hit, other, hit, "this line is garbage", other) + "\n");
        // rotated logs, plain and gzipped
        Files.writeString(share.resolve("access.log.1"), other + "\n" + hit + "\n");
        try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(share.resolve("access.log.2.gz")))) {
            gz.write((hit + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        data = tmp.resolve("data");
        summary = ScanRunner.run(new DataDir(data), Rulebook.load(TestRules.root()), List.of(SourceUri.parse("log://" + share)))
                .get(0);
    }

    static List<Finding> search(String type, String value) throws IOException {
        DataDir dir = new DataDir(data);
        try (InventoryIndex index = InventoryIndex.openReader(dir.index())) {
            return new SubjectSearch(index, KeyedHasher.open(dir.keyFile()),
                    new IdentifierNormalizer(Rulebook.load(TestRules.root()).engine())).search(Map.of(type, List.of(value)));
        }
    }

    static List<Integer> lines(List<Finding> fs, String file) {
        List<Integer> out = new ArrayList<>();
        for (Finding f : fs) {
            if (f.container().endsWith(file)) {
                Arrays.stream(LineSet.decode(f.lines())).forEach(out::add);
            }
        }
        out.sort(Integer::compare);
        return out;
    }

    @Test
    void cookiesLoginsIpsAndQueryParametersAtTheirLines() throws IOException {
        List<Finding> lead = search("cookie", "abc123def");
        assertEquals(List.of(1, 3), lines(lead, "access.log"));
        assertTrue(lead.stream().allMatch(f -> f.type().equals("leadinfo") && f.field().equals("_li_id")), lead.toString());
        assertEquals(List.of(1, 3), lines(search("login", "jpeeters"), "access.log"));
        assertEquals(List.of(2), lines(search("login", "jpeeters"), "access.log.1"), "rotated log");
        assertEquals(List.of(1), lines(search("login", "jpeeters"), "access.log.2.gz"), "rotated, gzipped log");
        assertEquals(List.of(1, 3), lines(search("email", "jan.peeters@example.be"), "access.log"));
        assertEquals(List.of(1, 3), lines(search("ip", "81.82.201.7"), "access.log"));
        assertEquals(List.of(2, 5), lines(search("ip", "2a02:1810:4d02:5200:1d2b:3c4d:5e6f:7a8b"), "access.log"));
        assertTrue(summary.toJson().encode().contains("1 line(s) not in access-log form, read as text (first at line 4)"),
                summary.toText());
    }

    @Test
    void realLogsXffChainsIpv6AndNoTimestampsAsAddresses() throws IOException {
        assertTrue(lines(search("ip", "85.181.35.98"), "nginx_access_test.log").size() >= 1, "every hop of X-Forwarded-For");
        assertTrue(lines(search("ip", "10.0.0.1"), "nginx_access_test.log").size() >= 1);
        assertTrue(!lines(search("ip", "2a03:0000:10ff:f00f:0000:0000:0:8000"), "nginx_access_test.log").isEmpty(), "IPv6 client");
        assertTrue(!lines(search("ip", "::1"), "apache_access_test.log").isEmpty());
        List<Finding> all = new ArrayList<>();
        try (InventoryIndex index = InventoryIndex.openReader(new DataDir(data).index())) {
            index.forEach(all::add);
        }
        assertTrue(all.stream().noneMatch(f -> f.type().equals("ip_address") && f.masked().startsWith("2016")),
                "timestamps such as 2016:11:05:07 are not IPv6 addresses");
        assertTrue(all.stream().anyMatch(f -> f.type().equals("visited_page") && f.container().endsWith("access.log")));
    }
}
