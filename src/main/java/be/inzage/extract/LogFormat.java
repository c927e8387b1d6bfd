package be.inzage.extract;

import java.util.Locale;

/**
 * How the lines of a log are laid out: detected per file from its first line, or forced with
 * {@code log:///path?format=...}.
 */
public enum LogFormat {
    /** Decide from the first non-empty line. */
    AUTO,
    /** Apache common / combined / vhost_combined, Nginx combined, with extra quoted fields (XFF, Cookie). */
    ACCESS,
    /** W3C extended (IIS): fields named by the latest #Fields header. */
    W3C,
    /** One JSON object per line (nginx escape=json, ECS, app loggers). */
    JSON,
    /** No structure: every line through the detectors. */
    TEXT;

    /** The value of ?format=; null or empty means AUTO. */
    public static LogFormat parse(String s) {
        if (s == null || s.isBlank()) {
            return AUTO;
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "combined", "common", "vhost_combined", "combined_cookie", "nginx", "apache", "access" -> ACCESS;
            case "w3c", "iis" -> W3C;
            case "json", "jsonl", "ndjson" -> JSON;
            case "text", "plain" -> TEXT;
            default -> throw new IllegalArgumentException("unknown log format '" + s
                    + "' (use combined, common, vhost_combined, json, w3c or text)");
        };
    }

    /** The format a file's first non-empty line shows. */
    static LogFormat sniff(String firstLine) {
        String t = firstLine.strip();
        if (t.startsWith("#Software:") || t.startsWith("#Version:") || t.startsWith("#Fields:") || t.startsWith("#Date:")) {
            return W3C;
        }
        if (t.startsWith("{")) {
            return JSON;
        }
        return AccessLogLine.looksLikeAccessLog(t) ? ACCESS : TEXT;
    }
}
