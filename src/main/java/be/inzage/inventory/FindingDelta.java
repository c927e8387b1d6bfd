package be.inzage.inventory;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings a place's findings up to date from what changed alone, as a full read would leave them.
 * A database table: rows updated or deleted since the last scan leave every finding they were in
 * (a finding left without rows goes), and the values of the rows read again are merged into the
 * findings of the same value and column. A log that grew: the findings of the lines appended are
 * merged into those of the same value, their lines after the earlier ones. Reads and rewrites
 * findings by value hash, so a value held by a million rows or lines costs one document. Not
 * thread-safe: one place, one thread.
 */
public final class FindingDelta {

    /**
     * Findings merged at a time: each batch looks up the place's findings of its values, which for a
     * log's hashes (random points) reads most of the place's points whatever the batch's size. 4 times
     * the collector's batch: a 1 % append to the bench log merged in 28 → 7 passes. At most 40,000
     * findings (those merged and those they merge with) in hand.
     */
    public static final int MERGE_BATCH = 20_000;
    /** Row terms per lookup of the findings they are in. */
    static final int ROWS_PER_QUERY = 4096;
    /** The most rows a finding lists, as in a full read ({@code FindingCollector}). */
    static final int MAX_ROWS = 1_000;

    private final InventoryIndex index;
    private final String cid;
    private final long scan;
    private final Set<BytesRef> removed;
    private Finding place;

    /** @param removed the rows (16-byte terms) whose old values go: updated and deleted rows; none for a log */
    public FindingDelta(InventoryIndex index, String cid, long scan, Set<BytesRef> removed) {
        this.index = index;
        this.cid = cid;
        this.scan = scan;
        this.removed = removed;
    }

    /** The 16-byte term of the row with this key (its JSON), as {@link #FindingDelta} takes it: its record id's hash, unwritten. */
    public static BytesRef rowOf(String keyJson) {
        return new BytesRef(Finding.sha256Bytes(keyJson));
    }

    /** Every row the inventory holds for container {@code cid} (its 16-byte term), on the last commit or refresh. */
    public static void forEachRow(InventoryIndex index, String cid, java.util.function.Consumer<BytesRef> each) throws IOException {
        index.refreshNow();
        index.forEachRow(cid, each);
    }

    /**
     * First step: takes the removed rows out of every finding they are in. A finding held by one of
     * them alone is deleted unread; one held by other rows too is read and written back without them.
     */
    public void dropRemovedRows() throws IOException {
        List<BytesRef> all = new ArrayList<>(removed);
        for (int i = 0; i < all.size(); i += ROWS_PER_QUERY) {
            List<BytesRef> chunk = all.subList(i, Math.min(all.size(), i + ROWS_PER_QUERY));
            index.refreshNow();
            List<Finding> hit = index.multiRowFindingsInRows(cid, chunk);
            index.deleteSingleRowFindings(cid, chunk);
            if (hit.isEmpty()) {
                continue;
            }
            Set<String> hashes = new LinkedHashSet<>();
            hit.forEach(f -> hashes.add(f.hash()));
            // the same values elsewhere in the table (another column, an alias): written back too, as the rewrite deletes by value
            List<Finding> same = new ArrayList<>(hit);
            same.addAll(index.findingsWithHashesOutside(cid, hashes, chunk));
            List<Finding> out = new ArrayList<>();
            for (Finding f : same) {
                Finding kept = withoutRemoved(f);
                if (kept != null) {
                    out.add(kept);
                }
                place = f;
            }
            index.rewrite(cid, hashes, out);
        }
        index.refreshNow();
    }

    /**
     * Second step, once per batch of the changed rows' findings (each value in one batch only):
     * merges each into the table's finding of the same value, column and type, or adds it.
     */
    public void merge(List<Finding> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        Set<String> hashes = new LinkedHashSet<>();
        batch.forEach(f -> hashes.add(f.hash()));
        Map<String, List<Finding>> existing = new HashMap<>();
        for (Finding f : index.findingsWithHashes(cid, hashes)) {
            existing.computeIfAbsent(key(f), k -> new ArrayList<>()).add(f);
        }
        List<Finding> out = new ArrayList<>(batch.size() + existing.size());
        for (Finding n : batch) {
            List<Finding> same = existing.remove(key(n));
            Finding merged = n;
            if (same != null) {
                for (Finding e : same) {
                    Finding kept = withoutRemoved(e);
                    merged = kept == null ? merged : merged(kept, merged);
                }
            }
            out.add(merged);
        }
        // found through an alias of a value in the batch: written back as they were (their rows still checked)
        for (List<Finding> others : existing.values()) {
            for (Finding e : others) {
                Finding kept = withoutRemoved(e);
                if (kept != null) {
                    out.add(kept);
                }
            }
        }
        index.rewrite(cid, hashes, out);
        index.refreshNow();
        place = batch.get(0);
    }

    /** Last step: the container document follows, added for a table that had no finding, dropped for one left with none. */
    public void finish() throws IOException {
        index.refreshNow();
        int[] counts = index.findingsAndContainer(cid);
        if (counts[0] > 0 && counts[1] == 0 && place != null) {
            index.addContainer(place, scan);
        } else if (counts[0] == 0 && counts[1] > 0) {
            index.deleteContainer(cid);
        }
    }

    private static String key(Finding f) {
        return (f.field() == null ? "" : f.field()) + '\0' + f.type() + '\0' + f.hash();
    }

    /** {@code f} without the removed rows; null when no row holds the value any more. */
    Finding withoutRemoved(Finding f) {
        if (f.rows() == null || f.rows().isEmpty()) {
            return f;
        }
        JsonArray rows = new JsonArray(f.rows());
        JsonArray kept = new JsonArray();
        for (Object o : rows) {
            if (!removed.contains(rowOf(ownKey((JsonObject) o).encode()))) {
                kept.add(o);
            }
        }
        if (kept.size() == rows.size()) {
            return f;
        }
        int gone = rows.size() - kept.size();
        if (kept.isEmpty() && (rows.size() < MAX_ROWS || f.count() - gone <= 0)) {
            return null;
        }
        // a value held by more rows than a finding lists stays, with its count, even when every listed row went
        return withRows(f, kept, Math.max(kept.size(), f.count() - gone), f.confidence(), f.masked(), f.aliases());
    }

    /**
     * An existing finding and a new one of the same value: rows (at most {@link #MAX_ROWS}) or lines
     * (the new ones after the old) and counts added up.
     */
    private Finding merged(Finding old, Finding changed) {
        if (old.rows().isEmpty() && changed.rows().isEmpty()) {
            return FindingMerge.later(old, changed, MAX_ROWS);
        }
        JsonArray rows = new JsonArray(old.rows());
        Set<String> keys = new java.util.HashSet<>();
        for (Object o : rows) {
            keys.add(ownKey((JsonObject) o).encode());
        }
        for (Object o : new JsonArray(changed.rows())) {
            if (rows.size() < MAX_ROWS && keys.add(ownKey((JsonObject) o).encode())) {
                rows.add(o);
            }
        }
        Set<String> aliases = new LinkedHashSet<>(old.aliases());
        aliases.addAll(changed.aliases());
        return withRows(old, rows, old.count() + changed.count(), Math.max(old.confidence(), changed.confidence()),
                changed.masked(), new ArrayList<>(aliases));
    }

    /** A row without its foreign-key links: its primary key, as its record id is made from. */
    private static JsonObject ownKey(JsonObject row) {
        if (!row.containsKey(be.inzage.extract.FindingCollector.LINKS)) {
            return row;
        }
        JsonObject k = row.copy();
        k.remove(be.inzage.extract.FindingCollector.LINKS);
        return k;
    }

    /** {@code f} with other rows: its records are the rows' own ids and the rows they reference, as a full read makes them. */
    private Finding withRows(Finding f, JsonArray rows, int count, double confidence, String masked, List<String> aliases) {
        List<String> records = new ArrayList<>(rows.size());
        Collection<String> linked = new LinkedHashSet<>();
        for (Object o : rows) {
            JsonObject row = (JsonObject) o;
            records.add(cid + ':' + Finding.sha256(ownKey(row).encode()));
            JsonArray l = row.getJsonArray(be.inzage.extract.FindingCollector.LINKS);
            if (l != null) {
                l.forEach(x -> linked.add((String) x));
            }
        }
        for (String l : linked) {
            if (records.size() >= MAX_ROWS) {
                break;
            }
            records.add(l);
        }
        return new Finding(f.sourceId(), f.source(), f.kind(), f.container(), f.part(), f.field(), f.type(), f.category(),
                f.risk(), confidence, masked, f.hash(), aliases, f.lines(), count, records, cid, f.segment(), rows.encode(),
                f.firstSeen(), f.lastSeen());
    }
}
