package be.inzage.testdata;

import java.util.LinkedHashMap;
import java.util.Map;

/** Minimal JSON helpers for flat objects (string / number / boolean / null values). JDK only. */
final class Json {
    private Json() {}

    /** JSON string literal, quotes included. Escapes quote, backslash and control characters only. */
    static String str(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    /** Parses one flat JSON object; every value is returned as a Java string (numbers as their text). */
    static Map<String, String> parseFlat(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        int[] pos = {skipWs(line, 0)};
        expect(line, pos, '{');
        pos[0] = skipWs(line, pos[0]);
        if (line.charAt(pos[0]) == '}') return m;
        while (true) {
            pos[0] = skipWs(line, pos[0]);
            String key = readString(line, pos);
            pos[0] = skipWs(line, pos[0]);
            expect(line, pos, ':');
            pos[0] = skipWs(line, pos[0]);
            String val;
            if (line.charAt(pos[0]) == '"') {
                val = readString(line, pos);
            } else {
                int start = pos[0];
                while (pos[0] < line.length() && ",} \t".indexOf(line.charAt(pos[0])) < 0) pos[0]++;
                val = line.substring(start, pos[0]);
            }
            m.put(key, val);
            pos[0] = skipWs(line, pos[0]);
            char c = line.charAt(pos[0]++);
            if (c == '}') return m;
            if (c != ',') throw new IllegalArgumentException("bad JSON at " + (pos[0] - 1) + ": " + line);
        }
    }

    private static int skipWs(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    private static void expect(String s, int[] pos, char c) {
        if (pos[0] >= s.length() || s.charAt(pos[0]) != c)
            throw new IllegalArgumentException("expected '" + c + "' at " + pos[0] + ": " + s);
        pos[0]++;
    }

    private static String readString(String s, int[] pos) {
        expect(s, pos, '"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = s.charAt(pos[0]++);
            if (c == '"') return b.toString();
            if (c != '\\') { b.append(c); continue; }
            char e = s.charAt(pos[0]++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> { b.append((char) Integer.parseInt(s.substring(pos[0], pos[0] + 4), 16)); pos[0] += 4; }
                default -> throw new IllegalArgumentException("bad escape \\" + e);
            }
        }
    }
}
