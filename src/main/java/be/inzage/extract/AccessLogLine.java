package be.inzage.extract;

import be.inzage.detect.Detection;
import be.inzage.detect.DetectionEngine;
import be.inzage.detect.FieldName;
import be.inzage.detect.Normalize;
import org.apache.commons.validator.routines.InetAddressValidator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of an Apache/Nginx access log (common, combined, vhost_combined, with extra quoted
 * fields such as X-Forwarded-For or the Cookie header): client addresses, the authenticated user,
 * the visited page, query parameters and referrer run through the detectors, every cookie by name
 * (Lead Info's _li_* cookies as their own type).
 */
final class AccessLogLine {

    static final Pattern LINE = Pattern.compile("^(?:[A-Za-z][\\w.-]*:\\d+ )?(?<host>\\S+(?:, \\S+)*) (?<ident>\\S+) (?<user>\\S+)"
            + " \\[(?<time>[^\\]]+)\\] \"(?<request>[^\"]*)\" (?<status>\\d{3}|-) (?<bytes>\\S+)(?<rest>.*)$");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final InetAddressValidator IP = InetAddressValidator.getInstance();

    private AccessLogLine() {
    }

    static boolean looksLikeAccessLog(String firstLine) {
        return LINE.matcher(firstLine).matches();
    }

    /** @return false when the line is not in access-log form (the caller reads it as plain text) */
    static boolean parse(String line, DetectionEngine engine, BiConsumer<Detection, String> out) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return false;
        }
        for (String h : m.group("host").split(",\\s*")) {
            ip(h, "client", out);
        }
        String user = m.group("user");
        if (!user.equals("-") && !user.isEmpty()) {
            out.accept(new Detection("login", 0, 0, user.toLowerCase(Locale.ROOT), 0.9, "access_log"), "user");
        }
        String request = m.group("request");
        String[] parts = request.split(" ");
        if (parts.length >= 2) {
            String target = parts[1];
            int q = target.indexOf('?');
            String path = q < 0 ? target : target.substring(0, q);
            if (path.startsWith("/")) {
                out.accept(new Detection("visited_page", 0, 0, path.toLowerCase(Locale.ROOT), 0.8, "access_log"), "request");
            }
            if (q >= 0) {
                query(target.substring(q + 1), engine, out);
            }
        }
        Matcher quoted = QUOTED.matcher(m.group("rest"));
        int field = 0;
        while (quoted.find()) {
            String v = quoted.group(1);
            field++;
            if (v.equals("-") || v.isEmpty()) {
                continue;
            }
            if (field == 1) { // referrer
                int rq = v.indexOf('?');
                if (rq >= 0) {
                    query(v.substring(rq + 1), engine, out);
                }
            } else if (field == 2) {
                continue; // user agent: not an identifier by itself
            } else if (v.matches("[0-9a-fA-F:., ]+") && v.indexOf('.') + v.indexOf(':') > -2) {
                for (String h : v.split(",\\s*")) {
                    ip(h, "x_forwarded_for", out);
                }
            } else if (v.indexOf('=') > 0) {
                cookies(v, out);
            }
        }
        return true;
    }

    private static void ip(String h, String field, BiConsumer<Detection, String> out) {
        String s = h.strip();
        if (IP.isValidInet4Address(s)) {
            out.accept(new Detection("ip_address", 0, 0, s, 0.95, "access_log"), field);
        } else if (IP.isValidInet6Address(s)) {
            Normalize.ipv6(s).ifPresent(v -> out.accept(new Detection("ip_address", 0, 0, v, 0.95, "access_log"), field));
        }
    }

    private static void query(String query, DetectionEngine engine, BiConsumer<Detection, String> out) {
        for (String kv : query.split("&")) {
            int eq = kv.indexOf('=');
            if (eq <= 0 || eq == kv.length() - 1) {
                continue;
            }
            String name = decode(kv.substring(0, eq));
            String value = decode(kv.substring(eq + 1));
            for (Detection d : engine.detect(value, FieldName.of(name))) {
                out.accept(d, name);
            }
        }
    }

    private static void cookies(String header, BiConsumer<Detection, String> out) {
        for (String c : header.split(";")) {
            int eq = c.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = c.substring(0, eq).strip();
            String value = c.substring(eq + 1).strip();
            if (value.length() < 4) {
                continue;
            }
            String type = name.startsWith("_li_") ? "leadinfo" : "cookie";
            out.accept(new Detection(type, 0, 0, value.toLowerCase(Locale.ROOT), 0.9, "access_log"), name);
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
