package be.inzage.extract;

import be.inzage.detect.Detection;
import be.inzage.detect.DetectionEngine;

import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a log line by line in its format (access, W3C, JSON lines), with the line's timestamp on
 * every finding. Lines that cannot be read in the format are read as text; absurdly long or
 * binary lines are skipped; both are counted per reason with the first line number.
 */
final class LogLines {

    static final int MAX_LINE = 64 * 1024;

    private final DetectionEngine engine;
    private LogFormat format;
    private final W3cLog w3c = new W3cLog();
    /** reason → {count, first line} */
    private final Map<String, long[]> bad = new TreeMap<>();

    /** One sink for the whole file, pointed at each line in turn: no allocation per line. */
    private static final class LineSink implements WebLogFields.Sink {
        FindingCollector out;
        int line;

        @Override
        public void time(long epochMillis) {
            out.at(epochMillis, line);
        }

        @Override
        public void add(Detection d, String field) {
            out.add(d, line, field);
        }
    }

    private final LineSink sink = new LineSink();

    LogLines(DetectionEngine engine, LogFormat format) {
        this.engine = engine;
        this.format = format;
    }

    /** The format, decided from {@code firstLine} when it was AUTO. */
    LogFormat format(String firstLine) {
        if (format == LogFormat.AUTO) {
            format = LogFormat.sniff(firstLine);
        }
        return format;
    }

    void line(String t, int n, FindingCollector out) {
        if (t.isBlank()) {
            return;
        }
        if (t.length() > MAX_LINE) {
            bad("longer than 64 KB, skipped", n);
            return;
        }
        if (binary(t)) {
            bad("binary or control bytes, skipped", n);
            return;
        }
        sink.out = out;
        sink.line = n;
        boolean ok = switch (format) {
            case ACCESS -> AccessLogLine.parse(t, engine, sink);
            case W3C -> w3c.directive(t) || w3c.parse(t, engine, sink);
            case JSON -> JsonLogLine.parse(t, engine, sink);
            default -> false;
        };
        out.at(0);
        if (!ok) {
            bad("not in " + name() + " form, read as text", n);
            for (Detection d : engine.detect(t)) {
                out.add(d, n, null);
            }
        }
    }

    private String name() {
        return switch (format) {
            case ACCESS -> "access-log";
            case W3C -> "W3C (#Fields)";
            case JSON -> "JSON";
            default -> "log";
        };
    }

    /** NUL or a run of other control bytes: not text a logger wrote. */
    private static boolean binary(String t) {
        int control = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == 0 || c == '\uFFFD') {
                return true;
            }
            if (c < 0x20 && c != '\t' && ++control > 3) {
                return true;
            }
        }
        return false;
    }

    private void bad(String reason, int line) {
        long[] b = bad.computeIfAbsent(reason, k -> new long[] {0, line});
        b[0]++;
    }

    /** "3 line(s) not in access-log form, read as text (first at line 7); ..." or null. */
    String warning() {
        if (bad.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        bad.forEach((reason, b) -> {
            if (!s.isEmpty()) {
                s.append("; ");
            }
            s.append(b[0]).append(" line(s) ").append(reason).append(" (first at line ").append(b[1]).append(')');
        });
        return s.toString();
    }
}
