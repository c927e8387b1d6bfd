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
    /** Office, PDF, mail, archives, images, video: read through Apache Tika, part by part. */
    DOCUMENT(false),
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
            Map.entry("json", JSON), Map.entry("jsonl", JSON), Map.entry("ndjson", JSON),
            Map.entry("doc", DOCUMENT), Map.entry("docx", DOCUMENT), Map.entry("dot", DOCUMENT), Map.entry("dotx", DOCUMENT),
            Map.entry("xls", DOCUMENT), Map.entry("xlsx", DOCUMENT), Map.entry("xlsm", DOCUMENT), Map.entry("ppt", DOCUMENT),
            Map.entry("pptx", DOCUMENT), Map.entry("odt", DOCUMENT), Map.entry("ods", DOCUMENT), Map.entry("odp", DOCUMENT),
            Map.entry("pdf", DOCUMENT), Map.entry("rtf", DOCUMENT), Map.entry("eml", DOCUMENT), Map.entry("msg", DOCUMENT),
            Map.entry("mbox", DOCUMENT), Map.entry("epub", DOCUMENT), Map.entry("zip", DOCUMENT), Map.entry("tar", DOCUMENT),
            Map.entry("gz", DOCUMENT), Map.entry("tgz", DOCUMENT), Map.entry("7z", DOCUMENT), Map.entry("jpg", DOCUMENT),
            Map.entry("jpeg", DOCUMENT), Map.entry("png", DOCUMENT), Map.entry("gif", DOCUMENT), Map.entry("tif", DOCUMENT),
            Map.entry("tiff", DOCUMENT), Map.entry("heic", DOCUMENT), Map.entry("webp", DOCUMENT), Map.entry("bmp", DOCUMENT),
            Map.entry("mp4", DOCUMENT), Map.entry("mov", DOCUMENT), Map.entry("avi", DOCUMENT), Map.entry("m4v", DOCUMENT),
            Map.entry("3gp", DOCUMENT), Map.entry("mkv", DOCUMENT));

    public static Format of(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (isRotatedLog(n)) {
            return LINES;
        }
        int dot = n.lastIndexOf('.');
        if (dot < 0 || dot == n.length() - 1) {
            return UNSUPPORTED;
        }
        return BY_EXTENSION.getOrDefault(n.substring(dot + 1), UNSUPPORTED);
    }

    /** access.log, access.log.1, access.log.2.gz: rotated logs are logs, compressed or not. */
    static boolean isRotatedLog(String lowerName) {
        String base = lowerName.endsWith(".gz") ? lowerName.substring(0, lowerName.length() - 3) : lowerName;
        return base.replaceFirst("\\.\\d+$", "").endsWith(".log");
    }

    /** Whether the item must be decompressed before it is read as text (a rotated, gzipped log). */
    public static boolean gzippedText(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".gz") && isRotatedLog(n);
    }

    /** A file's text bytes: decompressed when it is gzipped text ({@link #gzippedText}), as the scan reads it. */
    public static java.io.InputStream openText(java.nio.file.Path p) throws java.io.IOException {
        java.io.InputStream in = java.nio.file.Files.newInputStream(p);
        if (!gzippedText(p.getFileName().toString())) {
            return in;
        }
        try {
            return new java.util.zip.GZIPInputStream(in, 64 * 1024);
        } catch (java.io.IOException | RuntimeException notGzip) {
            in.close();
            throw notGzip;
        }
    }

    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "(none)" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
