package be.inzage.scan;

import java.nio.file.Path;

/**
 * One source to scan: its display URI (never with a password), a stable id derived from it,
 * the folder or file, the scan number stamped on every finding it writes, its live progress and
 * where huge items spill their aggregation runs (null: the JVM's temporary directory); {@code glob}
 * picks the files under {@code root} when the source has wildcards (null: every file).
 */
public record ScanJob(String source, String sourceId, Path root, long scan, ScanProgress progress,
                      be.inzage.extract.LogFormat logFormat, Path spill, be.inzage.source.PathGlob glob) {

    public ScanJob(String source, String sourceId, Path root, long scan) {
        this(source, sourceId, root, scan, new ScanProgress(), be.inzage.extract.LogFormat.AUTO, null, null);
    }

    /** Whether the source is a web-log source (log://): every text file is read line by line as a log. */
    public boolean logs() {
        return source.startsWith("log://");
    }
}
