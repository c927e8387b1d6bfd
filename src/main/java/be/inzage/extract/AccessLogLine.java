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
    private static final Pattern HOSTS = Pattern.compile(",\\s*");

    private AccessLogLine() {
    }

    static boolean looksLikeAccessLog(String firstLine) {
        return LINE.matcher(firstLine).matches();
    }

    /** What {@link #LINE} captures of a line; {@code rest} is what follows the bytes field (quoted fields). */
    record Parts(String host, String user, String time, String request, String rest) {
    }

    /** The line's parts as {@link #LINE} captures them, or null when it does not match. */
    static Parts parts(String line) {
        Parts p = FastSplit.split(line);
        if (p != null) {
            return p;
        }
        Matcher m = LINE.matcher(line);
        return m.matches() ? new Parts(m.group("host"), m.group("user"), m.group("time"), m.group("request"), m.group("rest")) : null;
    }

    /** @return false when the line is not in access-log form (the caller reads it as plain text) */
    static boolean parse(String line, DetectionEngine engine, WebLogFields.Sink out) {
        Parts p = parts(line);
        if (p == null) {
            return false;
        }
        out.time(WebLogFields.apacheTime(p.time()));
        String host = p.host();
        String[] hosts = host.indexOf(',') < 0 ? new String[] {host} : HOSTS.split(host);
        for (String h : hosts) {
            WebLogFields.ip(h, "client", out);
        }
        WebLogFields.login(p.user(), "user", out);
        String request = p.request();
        WebLogFields.request(request, engine, out);
        boolean leadinfo = WebLogFields.leadinfo(request);
        String rest = p.rest();
        int field = 0;
        // the quoted fields: from a quote to the next one, then on after it
        for (int open = rest.indexOf('"'); open >= 0; ) {
            int close = rest.indexOf('"', open + 1);
            if (close < 0) {
                break;
            }
            String v = rest.substring(open + 1, close);
            open = rest.indexOf('"', close + 1);
            field++;
            if (v.equals("-") || v.isEmpty()) {
                continue;
            }
            if (field == 1) {
                WebLogFields.referrer(v, engine, out);
                leadinfo |= WebLogFields.leadinfo(v);
            } else if (field == 2) {
                continue; // user agent: not an identifier by itself
            } else if (addressesOnly(v) && v.indexOf('.') + v.indexOf(':') > -2) {
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

    /** A quoted field of addresses only (an X-Forwarded-For chain): hex digits, colons, dots, commas, spaces and brackets. */
    static boolean addressesOnly(String v) {
        if (v.isEmpty()) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
                    || c == ':' || c == '.' || c == ',' || c == ' ' || c == '[' || c == ']';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * The common shape of an access-log line split by hand: the regex was a third of the reading
     * thread's time on a big log. Answers only when {@link #LINE} would match with the same groups;
     * anything unusual (a virtual-host prefix, an address chain in the host field, control or line
     * separator characters, a missing field) is left to the regex.
     */
    static final class FastSplit {

        private FastSplit() {
        }

        static Parts split(String s) {
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                // \s other than the space, and what ends '.' or '$' (line terminators): the regex decides
                if (c < 0x20 || c == 0x85 || c == 0x2028 || c == 0x2029) {
                    return null;
                }
            }
            int hostEnd = s.indexOf(' ');
            if (hostEnd <= 0 || s.charAt(hostEnd - 1) == ',' || virtualHost(s, hostEnd)) {
                return null;
            }
            int identEnd = s.indexOf(' ', hostEnd + 1);
            if (identEnd <= hostEnd + 1) {
                return null;
            }
            int userEnd = s.indexOf(' ', identEnd + 1);
            if (userEnd <= identEnd + 1 || userEnd + 1 >= n || s.charAt(userEnd + 1) != '[') {
                return null;
            }
            int timeEnd = s.indexOf(']', userEnd + 2);
            if (timeEnd <= userEnd + 2 || !s.startsWith(" \"", timeEnd + 1)) {
                return null;
            }
            int requestEnd = s.indexOf('"', timeEnd + 3);
            if (requestEnd < 0 || requestEnd + 1 >= n || s.charAt(requestEnd + 1) != ' ') {
                return null;
            }
            int status = requestEnd + 2;
            int statusEnd;
            if (status < n && s.charAt(status) == '-') {
                statusEnd = status + 1;
            } else if (status + 3 <= n && digit(s.charAt(status)) && digit(s.charAt(status + 1)) && digit(s.charAt(status + 2))) {
                statusEnd = status + 3;
            } else {
                return null;
            }
            if (statusEnd + 1 >= n || s.charAt(statusEnd) != ' ' || s.charAt(statusEnd + 1) == ' ') {
                return null;
            }
            int bytesEnd = s.indexOf(' ', statusEnd + 1);
            if (bytesEnd < 0) {
                bytesEnd = n;
            }
            return new Parts(s.substring(0, hostEnd), s.substring(identEnd + 1, userEnd), s.substring(userEnd + 2, timeEnd),
                    s.substring(timeEnd + 3, requestEnd), s.substring(bytesEnd));
        }

        private static boolean digit(char c) {
            return c >= '0' && c <= '9';
        }

        /** Whether the first field could be LINE's optional "vhost:port " prefix ({@code [A-Za-z][\w.-]*:\d+}). */
        private static boolean virtualHost(String s, int end) {
            char c0 = s.charAt(0);
            if (!(c0 >= 'a' && c0 <= 'z' || c0 >= 'A' && c0 <= 'Z')) {
                return false;
            }
            return s.lastIndexOf(':', end) > 0; // a letter first and a colon in it: rare enough to leave to the regex
        }
    }
}
