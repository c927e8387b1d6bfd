package be.inzage.extract;

import java.util.Locale;
import java.util.Map;

/** How an item is read, decided by its name. Anything unknown is skipped and counted, never ignored. */
public enum Format {
    /** Prose and markup: the whole file is one record. */
    TEXT(false),
    /** One record per line (logs, SQL dumps). */
    LINES(true),
    /** CSV/TSV with a header row naming the fields. */
    DELIMITED(true),
    /** JSON documents and JSON lines, read with field names as hints. */
    JSON(true),
    UNSUPPORTED(false);

    public final boolean lineRecords;

    Format(boolean lineRecords) {
        this.lineRecords = lineRecords;
    }

    private static final Map<String, Format> BY_EXTENSION = Map.ofEntries(
            Map.entry("txt", TEXT), Map.entry("text", TEXT), Map.entry("md", TEXT), Map.entry("markdown", TEXT),
            Map.entry("html", TEXT), Map.entry("htm", TEXT), Map.entry("xml", TEXT), Map.entry("properties", TEXT),
            Map.entry("yaml", TEXT), Map.entry("yml", TEXT), Map.entry("ini", TEXT), Map.entry("conf", TEXT),
            Map.entry("log", LINES), Map.entry("sql", LINES),
            Map.entry("csv", DELIMITED), Map.entry("tsv", DELIMITED),
            Map.entry("json", JSON), Map.entry("jsonl", JSON), Map.entry("ndjson", JSON));

    public static Format of(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        if (dot < 0 || dot == n.length() - 1) {
            return UNSUPPORTED;
        }
        return BY_EXTENSION.getOrDefault(n.substring(dot + 1), UNSUPPORTED);
    }

    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "(none)" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
