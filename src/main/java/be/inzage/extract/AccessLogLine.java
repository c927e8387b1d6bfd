package be.inzage.extract;

import be.inzage.detect.DetectionEngine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of an Apache/Nginx access log (common, combined, vhost_combined, with extra quoted
 * fields such as X-Forwarded-For or the Cookie header): client addresses, the authenticated user,
 * the visited page, query parameters and referrer run through the detectors, every cookie by name,
 * the timestamp.
 */
final class AccessLogLine {

    static final Pattern LINE = Pattern.compile("^(?:[A-Za-z][\\w.-]*:\\d+ )?(?<host>\\S+(?:, \\S+)*) (?<ident>\\S+) (?<user>\\S+)"
            + " \\[(?<time>[^\\]]+)\\] \"(?<request>[^\"]*)\" (?<status>\\d{3}|-) (?<bytes>\\S+)(?<rest>.*)$");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern HOSTS = Pattern.compile(",\\s*");
    /** A quoted field of addresses only: an X-Forwarded-For chain. */
    private static final Pattern ADDRESSES = Pattern.compile("[0-9a-fA-F:., \\[\\]]+");

    private AccessLogLine() {
    }

    static boolean looksLikeAccessLog(String firstLine) {
        return LINE.matcher(firstLine).matches();
    }

    /** @return false when the line is not in access-log form (the caller reads it as plain text) */
    static boolean parse(String line, DetectionEngine engine, WebLogFields.Sink out) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return false;
        }
        out.time(WebLogFields.apacheTime(m.group("time")));
        String[] hosts = HOSTS.split(m.group("host"));
        for (String h : hosts) {
            WebLogFields.ip(h, "client", out);
        }
        WebLogFields.login(m.group("user"), "user", out);
        String request = m.group("request");
        WebLogFields.request(request, engine, out);
        boolean leadinfo = WebLogFields.leadinfo(request);
        Matcher quoted = QUOTED.matcher(m.group("rest"));
        int field = 0;
        while (quoted.find()) {
            String v = quoted.group(1);
            field++;
            if (v.equals("-") || v.isEmpty()) {
                continue;
            }
            if (field == 1) {
                WebLogFields.referrer(v, engine, out);
                leadinfo |= WebLogFields.leadinfo(v);
            } else if (field == 2) {
                continue; // user agent: not an identifier by itself
            } else if (ADDRESSES.matcher(v).matches() && v.indexOf('.') + v.indexOf(':') > -2) {
                WebLogFields.ipChain(v, "x_forwarded_for", out);
            } else if (v.indexOf('=') > 0) {
                WebLogFields.cookies(v, out);
            }
        }
        if (leadinfo) {
            WebLogFields.leadinfoVisitor(hosts[0], out);
        }
        return true;
    }
}
