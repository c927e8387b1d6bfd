package be.inzage.extract;

import org.apache.commons.validator.routines.InetAddressValidator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand split of access-log lines and IPv4 check answer exactly as the regexes they stand in for. */
class AccessLogLineTest {

    /** The corpus's real access logs, a generated combined+cookie line, and shapes the fast path must leave to the regex. */
    static List<String> lines() throws IOException {
        List<String> out = new ArrayList<>();
        Path weblogs = Path.of(System.getenv().getOrDefault("INZAGE_SHARED", "../shared"), "corpus/weblogs");
        try (Stream<Path> files = Files.walk(weblogs)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                out.addAll(Files.readAllLines(f, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        out.add("81.82.201.7 - jpeeters [05/Oct/2023:13:55:36 +0200] \"GET /nl/contact?email=jan.peeters%40example.be HTTP/1.1\""
                + " 200 2326 \"https://www.google.be/\" \"Mozilla/5.0\" \"_ga=GA1.2.1234567890.1696500000; _li_id=abc123def\"");
        out.add("www.example.be:443 81.82.201.7 - - [05/Oct/2023:13:55:36 +0200] \"GET / HTTP/1.1\" 200 1 \"-\" \"-\"");
        out.add("10.0.0.1, 192.168.1.9 - - [05/Oct/2023:13:55:36 +0200] \"GET / HTTP/1.1\" 200 1");
        out.add("fe80::1:80 - - [05/Oct/2023:13:55:36 +0200] \"GET / HTTP/1.1\" - -");
        out.add("::1 - - [05/Oct/2023:13:55:36 +0200] \"\" 400 0 \"-\" \"-\"");
        out.add("1.2.3.4 - - [05/Oct/2023:13:55:36 +0200] \"GET / HTTP/1.1\" 200 12\r");
        out.add("1.2.3.4\t- - [05/Oct/2023:13:55:36 +0200] \"GET / HTTP/1.1\" 200 12");
        out.add("1.2.3.4 - - [05/Oct/2023:13:55:36 +0200] \"GET /\u2028 HTTP/1.1\" 200 12");
        out.add("1.2.3.4 - - [] \"GET / HTTP/1.1\" 200 12");
        out.add("1.2.3.4 - - [05/Oct/2023:13:55:36 +0200] \"GET / HTTP/1.1\" 2000 12");
        out.add("1.2.3.4 - - [05/Oct/2023:13:55:36 +0200] \"GET / HTTP/1.1\" 200  12");
        out.add("1.2.3.4 - - [05/Oct/2023:13:55:36 +0200] \"GET / HTTP/1.1\" 200");
        return out;
    }

    @Test
    void theHandSplitGivesWhatTheRegexCaptures() throws IOException {
        List<String> base = lines();
        assertTrue(base.size() > 40, "the corpus's access logs are there: " + base.size());
        Random rnd = new Random(7);
        String alphabet = " \"[]-,:.0aZ\t\r\u2028/=;";
        int fast = 0;
        List<String> all = new ArrayList<>(base);
        // every line also with a random character changed, inserted or removed: the edges of each field
        for (String l : base) {
            for (int k = 0; k < 20 && !l.isEmpty(); k++) {
                StringBuilder b = new StringBuilder(l);
                int at = rnd.nextInt(l.length());
                char c = alphabet.charAt(rnd.nextInt(alphabet.length()));
                switch (rnd.nextInt(3)) {
                    case 0 -> b.setCharAt(at, c);
                    case 1 -> b.insert(at, c);
                    default -> b.deleteCharAt(at);
                }
                all.add(b.toString());
            }
        }
        for (String l : all) {
            Matcher m = AccessLogLine.LINE.matcher(l);
            AccessLogLine.Parts p = AccessLogLine.FastSplit.split(l);
            if (p == null) {
                continue; // left to the regex
            }
            fast++;
            assertTrue(m.matches(), () -> "fast path accepted what the regex rejects: " + l);
            assertEquals(List.of(m.group("host"), m.group("user"), m.group("time"), m.group("request"), m.group("rest")),
                    List.of(p.host(), p.user(), p.time(), p.request(), p.rest()), l);
        }
        assertTrue(fast > base.size() / 2, "the fast path answers for most lines: " + fast + " of " + all.size());
        assertNull(AccessLogLine.FastSplit.split(base.get(base.size() - 11)), "a virtual-host prefix goes to the regex");
        assertNotNull(AccessLogLine.parts(base.get(base.size() - 11)), "which reads it");
        assertEquals("81.82.201.7", AccessLogLine.parts(base.get(base.size() - 11)).host());
    }

    @Test
    void ipv4IsCheckedAsTheValidatorChecksIt() {
        InetAddressValidator v = InetAddressValidator.getInstance();
        List<String> samples = new ArrayList<>(List.of("1.2.3.4", "255.255.255.255", "256.1.1.1", "01.2.3.4", "0.0.0.0", "1.2.3",
                "1.2.3.4.", ".1.2.3.4", "1..2.3", "1.2.3.4.5", "1234.1.1.1", "", "a.b.c.d", "1.2.3.04", "1.2.3.0", "١.2.3.4"));
        Random rnd = new Random(11);
        String chars = "0123456789..a";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            int len = 1 + rnd.nextInt(16);
            for (int k = 0; k < len; k++) {
                b.append(chars.charAt(rnd.nextInt(chars.length())));
            }
            samples.add(b.toString());
        }
        int valid = 0;
        for (String s : samples) {
            boolean expected = v.isValidInet4Address(s);
            assertEquals(expected, WebLogFields.ipv4(s), s);
            valid += expected ? 1 : 0;
        }
        assertTrue(valid > 100, "valid addresses were among the samples: " + valid);
    }
}
