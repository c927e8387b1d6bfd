package be.inzage.extract;

import be.inzage.detect.Detection;
import be.inzage.detect.DetectionEngine;
import be.inzage.detect.FieldName;
import be.inzage.detect.Normalize;
import org.apache.commons.validator.routines.InetAddressValidator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * What every web-log format shares: client addresses, the visited page and its query parameters,
 * cookies by name (Lead Info's own type), requests that involve Lead Info, timestamps.
 */
final class WebLogFields {

    /** Receives what one log line yields; {@link #time} comes before the line's detections. */
    interface Sink {
        void time(long epochMillis);

        void add(Detection d, String field);
    }

    private static final InetAddressValidator IP = InetAddressValidator.getInstance();
    static final DateTimeFormatter APACHE_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    private WebLogFields() {
    }

    static void ip(String h, String field, Sink out) {
        String s = h.strip();
        if (s.startsWith("[") && s.indexOf(']') > 0) {
            s = s.substring(1, s.indexOf(']'));
        }
        if (ipv4(s)) {
            out.add(new Detection("ip_address", 0, 0, s, 0.95, "web_log"), field);
        } else if (IP.isValidInet6Address(s)) {
            Normalize.ipv6(s).ifPresent(v -> out.add(new Detection("ip_address", 0, 0, v, 0.95, "web_log"), field));
        }
    }

    /** Every address of an X-Forwarded-For chain ("client, proxy1, proxy2"). */
    static void ipChain(String v, String field, Sink out) {
        for (String h : v.split(",")) {
            ip(h, field, out);
        }
    }

    static void login(String user, String field, Sink out) {
        if (user != null && !user.isBlank() && !user.equals("-")) {
            out.add(new Detection("login", 0, 0, user.strip().toLowerCase(Locale.ROOT), 0.9, "web_log"), field);
        }
    }

    /** A request target "/path?query": the page visited and the query parameters through the detectors. */
    static void target(String target, DetectionEngine engine, Sink out) {
        if (target == null || target.isEmpty() || target.equals("-")) {
            return;
        }
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        if (path.startsWith("/") || path.startsWith("http")) {
            out.add(new Detection("visited_page", 0, 0, path.toLowerCase(Locale.ROOT), 0.8, "web_log"), "request");
        }
        if (q >= 0) {
            query(target.substring(q + 1), engine, out);
        }
    }

    /** "GET /path?query HTTP/1.1" */
    static void request(String request, DetectionEngine engine, Sink out) {
        int a = request.indexOf(' ');
        if (a >= 0) {
            int b = request.indexOf(' ', a + 1);
            target(b < 0 ? request.substring(a + 1) : request.substring(a + 1, b), engine, out);
        }
    }

    static void referrer(String v, DetectionEngine engine, Sink out) {
        int rq = v.indexOf('?');
        if (rq >= 0) {
            query(v.substring(rq + 1), engine, out);
        }
    }

    static void query(String query, DetectionEngine engine, Sink out) {
        for (int from = 0, amp; from < query.length(); from = amp + 1) {
            amp = query.indexOf('&', from);
            if (amp < 0) {
                amp = query.length();
            }
            String kv = query.substring(from, amp);
            int eq = kv.indexOf('=');
            if (eq <= 0 || eq == kv.length() - 1) {
                continue;
            }
            String name = decode(kv.substring(0, eq));
            String value = decode(kv.substring(eq + 1));
            for (Detection d : engine.detect(value, FieldName.of(name))) {
                out.add(d, name);
            }
        }
    }

    /** A Cookie header: every cookie by name; Lead Info's _li_* cookies as their own type. */
    static void cookies(String header, Sink out) {
        // by index, not split and strip: a big log's every line has a few cookies
        for (int from = 0, semi; from < header.length(); from = semi + 1) {
            semi = header.indexOf(';', from);
            if (semi < 0) {
                semi = header.length();
            }
            int eq = header.indexOf('=', from);
            if (eq <= from || eq >= semi) {
                continue;
            }
            int valueFrom = skipSpace(header, eq + 1, semi);
            int valueTo = trimSpace(header, valueFrom, semi);
            if (valueTo - valueFrom < 4 || valueTo - valueFrom == 1 && header.charAt(valueFrom) == '-') {
                continue;
            }
            String name = header.substring(skipSpace(header, from, eq), trimSpace(header, from, eq));
            String value = header.substring(valueFrom, valueTo);
            String type = name.startsWith("_li_") ? "leadinfo" : "cookie";
            out.add(new Detection(type, 0, 0, value.toLowerCase(Locale.ROOT), 0.9, "web_log"), name);
        }
    }

    /** The first index from {@code i} (before {@code end}) that is not white space, as {@link String#strip} sees it. */
    private static int skipSpace(String s, int i, int end) {
        while (i < end && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code end}, moved back over white space down to {@code from}. */
    private static int trimSpace(String s, int from, int end) {
        while (end > from && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** Whether a URL, host or referrer involves Lead Info's tracker (cdn.leadinfo.net/ping.js, api.leadinfo.com). */
    static boolean leadinfo(String s) {
        if (s == null) {
            return false;
        }
        // without a lower-cased copy of every request target and referrer
        for (int i = 0; i + LEADINFO.length() <= s.length(); i++) {
            if ((s.charAt(i) | 0x20) == 'l' && s.regionMatches(true, i, LEADINFO, 0, LEADINFO.length())) {
                return true;
            }
        }
        return false;
    }

    private static final String LEADINFO = "leadinfo.";

    /** The client's address as Lead Info data: it is what Lead Info's tracker processes (IDENTIFIERS.md section 7). */
    static void leadinfoVisitor(String clientIp, Sink out) {
        String s = clientIp == null ? "" : clientIp.strip();
        if (ipv4(s)) {
            out.add(new Detection("leadinfo", 0, 0, s, 0.85, "web_log"), "leadinfo_request");
        } else if (IP.isValidInet6Address(s)) {
            Normalize.ipv6(s).ifPresent(v -> out.add(new Detection("leadinfo", 0, 0, v, 0.85, "web_log"), "leadinfo_request"));
        }
    }

    /**
     * {@link InetAddressValidator#isValidInet4Address} without its regex (a tenth of reading a log line):
     * four groups of one to three ASCII digits, each at most 255 and without a leading zero.
     */
    static boolean ipv4(String s) {
        int n = s.length();
        int groups = 0;
        int i = 0;
        while (i < n) {
            int start = i;
            int v = 0;
            while (i < n && i - start < 4 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                v = v * 10 + (s.charAt(i) - '0');
                i++;
            }
            int len = i - start;
            if (len == 0 || len > 3 || v > 255 || len > 1 && s.charAt(start) == '0') {
                return false;
            }
            groups++;
            if (i == n) {
                break;
            }
            if (s.charAt(i) != '.' || groups == 4) {
                return false;
            }
            i++;
        }
        return groups == 4 && i == n && s.charAt(n - 1) != '.';
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** "10/Oct/2026:13:55:36 +0200" → epoch ms, 0 when unreadable. */
    static long apacheTime(String s) {
        // lines of the same second follow each other: the last answer is reused (a parse costs a microsecond)
        LastTime last = LAST_TIME.get();
        if (s.equals(last.text)) {
            return last.millis;
        }
        long millis;
        try {
            millis = OffsetDateTime.parse(s, APACHE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            millis = 0;
        }
        last.text = s;
        last.millis = millis;
        return millis;
    }

    private static final class LastTime {
        String text;
        long millis;
    }

    private static final ThreadLocal<LastTime> LAST_TIME = ThreadLocal.withInitial(LastTime::new);

    /** ISO-8601 with offset or Z ("2023-10-05T13:55:36+02:00", "2023-10-05T11:55:36.123Z"), 0 when unreadable. */
    static long isoTime(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return s.length() > 10 && s.charAt(2) == '/' ? apacheTime(s) : 0;
        }
    }
}
