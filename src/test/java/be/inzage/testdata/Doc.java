package be.inzage.testdata;

import be.inzage.testdata.NearMisses.NearMiss;
import be.inzage.testdata.ValidValues.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds one corpus file line by line and records, for each planted value, the 1-based line on which it lands.
 * Parts passed to {@link #line} / {@link #sentence} are plain strings, {@link Value}s (labelled) or
 * {@link NearMiss}es (recorded, not labelled). Values never contain a newline, so a value is always an exact
 * substring of its line.
 */
final class Doc {
    /** A recorded near miss (debug output). */
    record PlantedNearMiss(String file, int line, String imitates, String value, String reason) {
        String toJson() {
            return "{\"file\":" + Json.str(file) + ",\"line\":" + line + ",\"imitates\":" + Json.str(imitates)
                    + ",\"value\":" + Json.str(value) + ",\"reason\":" + Json.str(reason) + "}";
        }
    }

    final String file;
    final int wrap; // 0 = a paragraph is one line
    private final StringBuilder sb = new StringBuilder(8192);
    private long bytes;
    private int line = 1;
    private int col;          // characters on the current (open) line
    private boolean lineOpen; // a paragraph line is open
    private boolean lastBlank = true;
    final List<Label> labels = new ArrayList<>();
    final List<PlantedNearMiss> nearMisses = new ArrayList<>();

    Doc(String file, int wrap) {
        this.file = file;
        this.wrap = wrap;
    }

    long bytes() { return bytes; }

    String text() { return sb.toString(); }

    private void put(String s) {
        sb.append(s);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
            if (c == '\n') line++;
        }
    }

    private static int renderedLength(Object[] parts) {
        int n = 0;
        for (Object p : parts) n += p.toString().length();
        return n;
    }

    /** Appends the parts to the current line, recording labels at the current line number. */
    private void emit(Object[] parts) {
        for (Object p : parts) {
            if (p instanceof Value v) {
                if (v.printed().indexOf('\n') >= 0) throw new IllegalStateException("newline in value");
                labels.add(new Label(file, line, v.type(), v.printed(), v.normalized()));
                put(v.printed());
            } else if (p instanceof NearMiss n) {
                nearMisses.add(new PlantedNearMiss(file, line, n.imitates(), n.value(), n.reason()));
                put(n.value());
            } else {
                String s = p.toString();
                if (s.indexOf('\n') >= 0) throw new IllegalStateException("newline in part");
                put(s);
            }
        }
    }

    private void closeLine() {
        if (lineOpen) {
            put("\n");
            lineOpen = false;
            col = 0;
        }
    }

    /** A complete line of its own. */
    Doc line(Object... parts) {
        closeLine();
        emit(parts);
        put("\n");
        lastBlank = renderedLength(parts) == 0;
        return this;
    }

    /** Blank line (paragraph break); never two in a row. */
    Doc blank() {
        closeLine();
        if (!lastBlank) {
            put("\n");
            lastBlank = true;
        }
        return this;
    }

    /** A sentence inside the current paragraph; wraps at sentence boundaries when {@code wrap > 0}. */
    Doc sentence(Object... parts) {
        int len = renderedLength(parts);
        if (lineOpen && (wrap == 0 || col + 1 + len <= wrap)) {
            put(" ");
            col++;
        } else {
            closeLine();
            lineOpen = true;
        }
        emit(parts);
        col += len;
        lastBlank = false;
        return this;
    }

    /** Raw text (e.g. JSON structure) without line bookkeeping other than newline counting. */
    Doc raw(Object... parts) {
        closeLine();
        emit(parts);
        lastBlank = false;
        return this;
    }

    Doc finish() {
        closeLine();
        return this;
    }

    /** Splits a template with "{}" placeholders and interleaves the values. */
    static Object[] t(String template, Object... values) {
        List<Object> out = new ArrayList<>();
        int from = 0, vi = 0;
        while (true) {
            int i = template.indexOf("{}", from);
            if (i < 0) break;
            if (i > from) out.add(template.substring(from, i));
            out.add(values[vi++]);
            from = i + 2;
        }
        if (from < template.length()) out.add(template.substring(from));
        if (vi != values.length) throw new IllegalArgumentException("placeholder count mismatch: " + template);
        return out.toArray();
    }
}
