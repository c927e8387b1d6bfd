package be.inzage.scan;

import be.inzage.extract.ItemOutcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The account of one scan run: every item seen is counted as scanned, skipped or failed (with its
 * reason), so nothing is silently ignored; completeness is bytes scanned out of bytes seen.
 * Only touched from the crawler's event loop.
 */
public final class ScanSummary {

    static final int MAX_LISTED = 10_000;

    private final String source;
    private final long scan;
    private final long started = System.nanoTime();
    private long durationNanos;
    private long seen;
    private long scanned;
    private long skipped;
    private long unchanged;
    private long failed;
    private long bytesSeen;
    private long bytesScanned;
    private long findings;
    private final Map<String, Long> skippedBy = new TreeMap<>();
    private final Map<String, Long> failedBy = new TreeMap<>();
    private final Map<String, Long> perType = new TreeMap<>();
    private final JsonArray skippedItems = new JsonArray();
    private final JsonArray failedItems = new JsonArray();
    private final JsonArray warnings = new JsonArray();
    /** Databases: the columns that hold personal data, classified from their values. */
    private final JsonArray columns = new JsonArray();
    private long columnsRead;
    /** Databases: tables read from their change marks, by schema.table. */
    private final JsonObject incremental = new JsonObject();
    private long changedRows;
    private long deletedRows;
    /** Logs that had only grown, read from where the last scan stopped, and the bytes read of them. */
    private long appendedLogs;
    private long movedFiles;
    private long movedFindings;
    private int renamedLogs;
    private long renamedFindings;
    private long appendedBytes;
    private long rowsRead;
    private boolean complete;
    private final ScanProgress progress;
    private long inventoryFindings = -1;

    public ScanSummary(String source, long scan) {
        this(source, scan, new ScanProgress());
    }

    public ScanSummary(String source, long scan, ScanProgress progress) {
        this.source = source;
        this.scan = scan;
        this.progress = progress;
    }

    /** Findings of this source in the inventory once the run was committed (unchanged items included). */
    void inventoryFindings(long n) {
        inventoryFindings = n;
    }

    public ScanProgress progress() {
        return progress;
    }

    void record(Path path, ItemOutcome o, Map<String, Integer> types) {
        record(path == null ? null : path.toString(), o, types);
    }

    void record(String itemName, ItemOutcome o, Map<String, Integer> types) {
        seen++;
        bytesSeen += o.bytes();
        String p = itemName == null ? "(unknown)" : itemName;
        progress.done(o.status() == ItemOutcome.Status.SCANNED ? o.findings() : 0, o.status() == ItemOutcome.Status.FAILED);
        switch (o.status()) {
            case SCANNED -> {
                scanned++;
                bytesScanned += o.bytes();
                findings += o.findings();
                types.forEach((t, n) -> perType.merge(t, (long) n, Long::sum));
                if (o.reason() != null && warnings.size() < MAX_LISTED) {
                    warnings.add(new JsonObject().put("item", p).put("warning", o.reason()));
                }
            }
            case UNCHANGED -> {
                unchanged++;
                bytesScanned += o.bytes(); // its findings are in the inventory already: covered
            }
            case SKIPPED -> {
                skipped++;
                skippedBy.merge(o.reason(), 1L, Long::sum);
                if (skippedItems.size() < MAX_LISTED) {
                    skippedItems.add(new JsonObject().put("item", p).put("reason", o.reason()));
                }
            }
            case FAILED -> {
                failed++;
                failedBy.merge(o.reason(), 1L, Long::sum);
                if (failedItems.size() < MAX_LISTED) {
                    failedItems.add(new JsonObject().put("item", p).put("reason", o.reason()));
                }
            }
        }
    }

    private final Map<String, Long> estimates = new TreeMap<>();
    private int sample;

    void estimates(Map<String, Long> byTable) {
        estimates.putAll(byTable);
    }

    void sample(int rowsPerTable) {
        sample = rowsPerTable;
    }

    void columns(JsonArray classified, int read, long rows) {
        columnsRead += read;
        rowsRead += rows;
        for (Object o : classified) {
            if (columns.size() < MAX_LISTED) {
                columns.add(o);
            }
        }
    }

    /** A table read incrementally: its changed rows read, its deleted rows dropped, by which marks. */
    void incremental(String table, long changed, long deleted, String marks) {
        changedRows += changed;
        deletedRows += deleted;
        if (incremental.size() < MAX_LISTED) {
            incremental.put(table, new JsonObject().put("changedRows", changed).put("deletedRows", deleted).put("marks", marks));
        }
    }

    /** Files of a share found at a new path (moved, renamed), whose findings moved there instead of being read again. */
    void moved(long files, long findings) {
        movedFiles += files;
        movedFindings += findings;
    }

    /** Logs found at a new path (rotated), whose findings moved there instead of being read again. */
    void renamed(int logs, long findings) {
        renamedLogs += logs;
        renamedFindings += findings;
    }

    /** A log read from where the last scan stopped: {@code bytes} appended since. */
    void appended(long bytes) {
        appendedLogs++;
        appendedBytes += bytes;
    }

    void done(boolean complete) {
        this.complete = complete;
        this.durationNanos = System.nanoTime() - started;
    }

    public long scanned() {
        return scanned;
    }

    public long unchanged() {
        return unchanged;
    }

    public long failed() {
        return failed;
    }

    public long skipped() {
        return skipped;
    }

    public long seen() {
        return seen;
    }

    public long findings() {
        return findings;
    }

    public Map<String, Long> perType() {
        return perType;
    }

    public double completeness() {
        return bytesSeen == 0 ? 1.0 : (double) bytesScanned / bytesSeen;
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("source", source)
                .put("scan", scan)
                .put("state", complete ? "completed" : "incomplete")
                .put("seconds", durationNanos / 1e9)
                .put("items", new JsonObject().put("seen", seen).put("scanned", scanned).put("unchanged", unchanged)
                        .put("skipped", skipped).put("failed", failed))
                .put("bytes", new JsonObject().put("seen", bytesSeen).put("scanned", bytesScanned))
                .put("completeness", Math.round(completeness() * 10000) / 10000.0)
                .put("findings", findings)
                .put("inventoryFindings", inventoryFindings < 0 ? null : inventoryFindings)
                .put("findingsByType", new JsonObject(new TreeMap<>(perType)))
                .put("skippedByReason", new JsonObject(new TreeMap<>(skippedBy)))
                .put("failedByReason", new JsonObject(new TreeMap<>(failedBy)))
                .put("skippedItems", skippedItems)
                .put("failedItems", failedItems)
                .put("warnings", warnings)
                .put("rows", rowsRead)
                .put("appended", appendedLogs == 0 ? null : new JsonObject().put("logs", appendedLogs).put("bytes", appendedBytes))
                .put("moved", movedFiles == 0 ? null : new JsonObject().put("files", movedFiles).put("findings", movedFindings))
                .put("renamed", renamedLogs == 0 ? null : new JsonObject().put("logs", renamedLogs).put("findings", renamedFindings))
                .put("incremental", incremental.isEmpty() ? null : new JsonObject().put("tables", incremental.size())
                        .put("changedRows", changedRows).put("deletedRows", deletedRows).put("byTable", incremental))
                .put("sample", sample == 0 ? null : sample)
                .put("rowEstimates", estimates.isEmpty() ? null : new JsonObject(new TreeMap<>(estimates)))
                .put("columns", new JsonObject().put("read", columnsRead).put("personal", columns.size()).put("classified", columns));
    }

    /** The human summary printed by `scan`. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("Scanned %s in %.1f s%n", source, durationNanos / 1e9));
        b.append(String.format("  items:    %d seen, %d scanned, %d unchanged, %d skipped, %d failed%n", seen, scanned,
                unchanged, skipped, failed));
        b.append(String.format("  bytes:    %s seen, %s scanned or unchanged (%.1f %% complete)%n", human(bytesSeen),
                human(bytesScanned), completeness() * 100));
        b.append(String.format("  findings: %d", findings));
        if (!perType.isEmpty()) {
            b.append(" (");
            perType.forEach((t, n) -> b.append(t).append(' ').append(n).append(", "));
            b.setLength(b.length() - 2);
            b.append(')');
        }
        b.append(System.lineSeparator());
        skippedBy.forEach((r, n) -> b.append(String.format("  skipped:  %d × %s%n", n, r)));
        failedBy.forEach((r, n) -> b.append(String.format("  failed:   %d × %s%n", n, r)));
        int shown = 0;
        for (Object o : failedItems) {
            if (shown++ == 20) {
                b.append(String.format("    ... %d more in the scan record%n", failed - 20));
                break;
            }
            JsonObject j = (JsonObject) o;
            b.append("    ").append(j.getString("item")).append(": ").append(j.getString("reason")).append(System.lineSeparator());
        }
        if (sample > 0) {
            b.append(String.format("  sample:   at most %d random rows per table, to classify the columns; the inventory is unchanged%n",
                    sample));
        }
        if (columnsRead > 0) {
            b.append(String.format("  columns:  %d of %d hold personal data (%d rows read)%n", columns.size(), columnsRead, rowsRead));
            int listed = 0;
            for (Object o : columns) {
                if (listed++ == 50) {
                    b.append(String.format("    ... %d more in the scan record%n", columns.size() - 50));
                    break;
                }
                JsonObject c = (JsonObject) o;
                b.append(String.format("    %s.%s: %s (%s), %.0f %% of %d values%n", c.getString("table"), c.getString("column"),
                        c.getString("type"), c.getString("category"), c.getDouble("share") * 100, c.getLong("values")));
            }
        }
        if (movedFiles > 0) {
            b.append(String.format("  moved: %d file(s) found at a new path took their %d finding(s) along, not read again%n",
                    movedFiles, movedFindings));
        }
        if (renamedLogs > 0) {
            b.append(String.format("  renamed: %d log(s) found at a new path (rotated) took their %d finding(s) along, not read again%n",
                    renamedLogs, renamedFindings));
        }
        if (appendedLogs > 0) {
            b.append(String.format("  appended: %d log(s) read from where the last scan stopped: %s new%n", appendedLogs,
                    human(appendedBytes)));
        }
        if (!incremental.isEmpty()) {
            b.append(String.format("  incremental: %d table(s) read from their change marks: %d changed row(s) read, %d deleted row(s) dropped%n",
                    incremental.size(), changedRows, deletedRows));
        }
        if (!warnings.isEmpty()) {
            b.append(String.format("  warnings: %d item(s), see the scan record%n", warnings.size()));
        }
        return b.toString();
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format("%.1f %s", v, units[u]);
    }
}
