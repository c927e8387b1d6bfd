package be.inzage.scan;

import be.inzage.source.SourceUri;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to read of a database and how gently, from the source URI's query:
 * {@code ?include=crm.*,public.customer&exclude=*.audit_*&views=true&max_rows_per_second=5000}, and
 * {@code full=true}: read every table even when its statistics say it has not changed;
 * {@code changed_column=updated_at}: on MySQL/MariaDB, a date-time column of that name, set by the
 * application on insert and update, marks the rows changed since the last scan (tables without
 * one are read whole when they change; a column the server sets itself is used without asking); and
 * {@code sample=1000}: classify the columns from a random sample of rows per table, leaving the
 * inventory as it is (a subject search needs every row; a sample only says where to look).
 * Patterns are globs on "schema.table" (MySQL: "database.table"), matched case-insensitively;
 * filtering happens on the discovered names, never in SQL.
 */
public record DbOptions(List<Pattern> include, List<Pattern> exclude, boolean views, int maxRowsPerSecond, int sample,
                        boolean full, String changedColumn) {

    static final Set<String> KEYS = Set.of("include", "exclude", "views", "max_rows_per_second", "sample", "full", "changed_column");
    /** Every table, no views, no rate limit, every row, unchanged tables skipped. */
    public static final DbOptions NONE = new DbOptions(List.of(), List.of(), false, 0, 0, false, null);

    public static DbOptions of(SourceUri s) {
        List<Pattern> include = globs(s.param("include"));
        List<Pattern> exclude = globs(s.param("exclude"));
        String v = s.param("views");
        if (v != null && !v.equals("true") && !v.equals("false")) {
            throw new SourceUri.BadSource("views must be true or false, not '" + v + "'");
        }
        String r = s.param("max_rows_per_second");
        int rate = 0;
        if (r != null) {
            try {
                rate = Integer.parseInt(r);
            } catch (NumberFormatException e) {
                rate = -1;
            }
            if (rate < 1) {
                throw new SourceUri.BadSource("max_rows_per_second must be a whole number above 0, not '" + r + "'");
            }
        }
        String sm = s.param("sample");
        int sample = 0;
        if (sm != null) {
            try {
                sample = Integer.parseInt(sm);
            } catch (NumberFormatException e) {
                sample = -1;
            }
            if (sample < 1) {
                throw new SourceUri.BadSource("sample must be a number of rows above 0, not '" + sm + "'");
            }
        }
        String full = s.param("full");
        if (full != null && !full.equals("true") && !full.equals("false")) {
            throw new SourceUri.BadSource("full must be true or false, not '" + full + "'");
        }
        String changed = s.param("changed_column");
        if (changed != null && changed.isBlank()) {
            throw new SourceUri.BadSource("changed_column must name a column");
        }
        return new DbOptions(include, exclude, "true".equals(v), rate, sample, "true".equals(full), changed == null ? null : changed.strip());
    }

    /** Whether schema.table is to be read. */
    public boolean wanted(String schema, String table) {
        String name = (schema + "." + table).toLowerCase(Locale.ROOT);
        boolean in = include.isEmpty() || include.stream().anyMatch(p -> p.matcher(name).matches());
        return in && exclude.stream().noneMatch(p -> p.matcher(name).matches());
    }

    /** The connection URI without Inzage's own parameters (the drivers refuse unknown ones). */
    public static String connectionUri(String uri) {
        int q = uri.indexOf('?');
        if (q < 0) {
            return uri;
        }
        List<String> kept = new ArrayList<>();
        for (String kv : uri.substring(q + 1).split("&")) {
            int eq = kv.indexOf('=');
            if (!KEYS.contains(eq < 0 ? kv : kv.substring(0, eq)) && !kv.isEmpty()) {
                kept.add(kv);
            }
        }
        return uri.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    private static List<Pattern> globs(String csv) {
        List<Pattern> out = new ArrayList<>();
        if (csv == null || csv.isBlank()) {
            return out;
        }
        for (String g : csv.split(",")) {
            String t = g.strip().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            StringBuilder re = new StringBuilder();
            for (char c : t.toCharArray()) {
                re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
            out.add(Pattern.compile(re.toString()));
        }
        return out;
    }
}
