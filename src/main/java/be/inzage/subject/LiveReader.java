package be.inzage.subject;

import be.inzage.detect.Rulebook;
import be.inzage.extract.DocumentItemScanner;
import be.inzage.extract.FindingCollector;
import be.inzage.extract.Format;
import be.inzage.extract.ItemRef;
import be.inzage.extract.TextItemScanner;
import be.inzage.inventory.Finding;
import be.inzage.inventory.KeyedHasher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads a location again, live, for what the index cannot give: the plain values (access reports)
 * and whether a value is still there (erasure verification). The item is re-detected and the
 * detections whose keyed hash matches are kept; nothing read here is written anywhere but the report.
 */
public final class LiveReader implements AutoCloseable {

    /**
     * What a live read found: the values, or why the place could not be read; for a database value in
     * more rows than its finding lists, the key of every row that holds it now (else null).
     */
    public record Live(Set<String> values, String unavailable, io.vertx.core.json.JsonArray rows) {
        Live(Set<String> values, String unavailable) {
            this(values, unavailable, null);
        }
    }

    private final Rulebook rules;
    private final KeyedHasher hasher;

    public LiveReader(Rulebook rules, KeyedHasher hasher) {
        this.rules = rules;
        this.hasher = hasher;
    }

    private DatabaseRows databases;

    public Live read(Finding f) {
        if ("db".equals(f.kind())) {
            return readRows(f);
        }
        if (!"file".equals(f.kind()) && !"log".equals(f.kind())) {
            return new Live(Set.of(), "live reading of " + f.kind() + " sources is not available yet");
        }
        Path p = Path.of(f.container());
        Set<String> values = new LinkedHashSet<>();
        FindingCollector.Tap tap = (d, part, line) -> {
            boolean samePart = f.part() == null ? part == null : f.part().equals(part);
            if (samePart && d.type().equals(f.type()) && hasher.hash(d.normalized()).equals(f.hash())) {
                values.add(d.normalized());
            }
        };
        ItemRef item = new ItemRef(f.sourceId(), f.source(), f.kind(), f.container(), null);
        try {
            String name = p.getFileName().toString();
            Format format = Format.of(name);
            if ("log".equals(f.kind()) && format != Format.DOCUMENT) {
                format = Format.LINES; // as the log source read it: "access_log", "messages" and rotated "access.log.2.gz" too
            }
            if (format == Format.DOCUMENT) {
                new DocumentItemScanner(rules.engine()).scan(name, () -> Files.newInputStream(p), part ->
                        collector(part == null ? item : item.withPart(part), tap));
            } else {
                new TextItemScanner(rules.engine()).scan(() -> Format.openText(p), format,
                        Format.gzippedText(name) ? be.inzage.extract.TextChunks.CHUNK : Files.size(p), collector(item, tap));
            }
            return new Live(values, null);
        } catch (NoSuchFileException gone) {
            return new Live(Set.of(), "the file no longer exists");
        } catch (IOException | RuntimeException e) {
            return new Live(Set.of(), "cannot be read now (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Live readRows(Finding f) {
        Set<String> values = new LinkedHashSet<>();
        try {
            if (databases == null) {
                databases = new DatabaseRows();
            }
            be.inzage.detect.FieldName field = be.inzage.detect.FieldName.of(f.field());
            io.vertx.core.json.JsonArray rows = f.count() > f.rowKeys().size() && !f.rowKeys().isEmpty()
                    ? new io.vertx.core.json.JsonArray() : null;
            if (rows != null) {
                // the finding lists its first 1,000 rows: the whole column is read to find every row that holds the value
                databases.forEachRow(f, (pk, v) -> {
                    if (holds(v, field, f, values)) {
                        rows.add(pk);
                    }
                });
                return new Live(values, null, rows);
            }
            for (String v : databases.read(f)) {
                holds(v, field, f, values);
            }
            return new Live(values, null);
        } catch (RuntimeException e) {
            return new Live(Set.of(), "the database cannot be read now (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Whether a column value holds the finding's value; adds it to {@code values} if so. */
    private boolean holds(String v, be.inzage.detect.FieldName field, Finding f, Set<String> values) {
        boolean found = false;
        if (v != null) {
            for (be.inzage.detect.Detection d : rules.engine().detect(v, field)) {
                if (d.type().equals(f.type()) && hasher.hash(d.normalized()).equals(f.hash())) {
                    values.add(d.normalized());
                    found = true;
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        if (databases != null) {
            databases.close();
        }
    }

    private FindingCollector collector(ItemRef item, FindingCollector.Tap tap) {
        return new FindingCollector(item, rules.policy(), hasher, (cid, batch, first) -> { }, false).tap(tap);
    }
}
