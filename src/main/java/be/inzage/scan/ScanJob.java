package be.inzage.scan;

import java.nio.file.Path;

/**
 * One source to scan: its display URI (never with a password), a stable id derived from it,
 * the folder or file, and the scan number stamped on every finding it writes.
 */
public record ScanJob(String source, String sourceId, Path root, long scan) {
}
