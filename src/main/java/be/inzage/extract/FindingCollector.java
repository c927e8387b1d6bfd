package be.inzage.extract;

import be.inzage.classify.Policy;
import be.inzage.detect.Detection;
import be.inzage.detect.Normalize;
import be.inzage.inventory.Finding;
import be.inzage.inventory.KeyedHasher;
import be.inzage.inventory.LineRecords;
import be.inzage.inventory.LineSet;
import be.inzage.inventory.Masker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates one item's detections per (value, type, field): one finding with every line it is on,
 * instead of one index document per occurrence. When an item is huge, full windows are spilled to
 * sorted temporary runs and merged at the end ({@link SpillRuns}), so memory stays bounded
 * whatever the file size and each value is still one finding.
 */
public final class FindingCollector {

    static final int MAX_VALUES = 20_000;
    static final int MAX_LINE_REFS = 200_000;
    static final int MAX_RECORDS_PER_FINDING = 1_000;
    /** In a database finding's rows: the record ids of the rows that row references by foreign key. */
    public static final String LINKS = "@l";
    /** Findings handed to the writer at a time when merged runs are written out. */
    static final int WRITE_BATCH = 5_000;

    /** A value of an item whose lines are not records (a document, a database table), in the window. */
    private static final class Agg {
        final String type;
        final String normalized;
        final String field;
        double confidence;
        int[] lines = new int[4];
        int nLines;
        String preview;
        /** Database rows: primary keys (JSON objects) of the rows holding the value. */
        java.util.List<String> rowKeys;
        /** Per row (aligned with rowKeys): the record ids of the rows it references by foreign key, or null. */
        java.util.List<List<String>> rowLinks;
        int count;
        long first;
        long last;

        Agg(String type, String normalized, String field) {
            this.type = type;
            this.normalized = normalized;
            this.field = field;
        }
    }

    /** A type and field of a line-record item's values, numbered for its {@link ValueTable}. */
    private record Kind(String type, String field, Policy.TypeInfo info, boolean links) {
    }

    private final ItemRef item;
    private final String cid;
    private final Policy policy;
    private final KeyedHasher hasher;
    private final FindingSink sink;
    private final boolean lineRecords;
    /** The window's values by (type, value, field). */
    private final Map<Key, Agg> values = new HashMap<>();
    /** The key a detection is looked up with: no key built per occurrence, only per new value. */
    private final Key probe = new Key();
    /** A line-record item's values (instead of {@link #values}): held compactly, spilled whole when full. */
    private ValueTable table;
    /** The kinds of the table's values by number; replaced (not changed) when one is added, as spill threads read it. */
    private Kind[] kinds = new Kind[0];
    /** Kind numbers by (type, "", field). */
    private final Map<Key, Integer> kindIds = new HashMap<>();

    /** A value's identity in a window: its type, normalised value and field ("" for none). */
    private static final class Key {
        String type;
        String value;
        String field;
        int hash;

        Key set(String type, String value, String field) {
            this.type = type;
            this.value = value;
            this.field = field == null ? "" : field;
            hash = (type.hashCode() * 31 + value.hashCode()) * 31 + this.field.hashCode();
            return this;
        }

        Key copy() {
            Key k = new Key();
            k.type = type;
            k.value = value;
            k.field = field;
            k.hash = hash;
            return k;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.value.equals(value) && k.type.equals(type) && k.field.equals(field);
        }
    }

    /** The window's value for the key, made (with {@code make}) when new. */
    private Agg value(String type, String value, String field, java.util.function.Supplier<Agg> make) {
        Agg a = values.get(probe.set(type, value, field));
        if (a == null) {
            a = make.get();
            values.put(probe.copy(), a);
        }
        return a;
    }
    /** Null unless each line is a record. */
    private final RecordGroups groups;
    /** Each record's set, when the sink stores sets; null otherwise. */
    private final LineReps lineReps;
    /** The record sets to store with the first batch, once every record is in; then null. */
    private List<be.inzage.inventory.SetLines.Block> sets;
    /** The lines' times, when the sink stores sets (they are stored with them); null otherwise. */
    private final be.inzage.inventory.LineTimes.Builder lineTimes;
    /** The table {@link #lineTimes} built, once every line is in: findings' times are stored against it. */
    private be.inzage.inventory.LineTimes times;
    /** Whether {@link #times} is still to be stored (with the first batch). */
    private boolean timesUnwritten;
    private final Map<String, Integer> perType = new HashMap<>();
    private int lineRefs;
    private int segment;
    private int total;

    /** @param lineRecords each line is a record (CSV row, log line); otherwise the whole item is one */
    public FindingCollector(ItemRef item, Policy policy, KeyedHasher hasher, FindingSink sink, boolean lineRecords) {
        this.item = item;
        this.cid = item.cid();
        this.policy = policy;
        this.hasher = hasher;
        this.sink = sink;
        this.lineRecords = lineRecords;
        this.spills = new SpillRuns(MAX_RECORDS_PER_FINDING);
        this.lineReps = lineRecords && sink.keepsSets() ? new LineReps() : null;
        this.lineTimes = lineReps != null ? new be.inzage.inventory.LineTimes.Builder() : null;
        this.groups = lineRecords ? new RecordGroups(lineReps, (v, record) -> table.addRecord(v, record)) : null;
        this.table = lineRecords ? new ValueTable() : null;
    }

    public void add(Detection d, int line, String field) {
        add(d, line, field, line);
    }

    /** Sees every detection with its plain value; used only by live reads for access reports, never stored. */
    public interface Tap {
        void seen(Detection d, String part, int line);
    }

    private Tap tap;

    public FindingCollector tap(Tap t) {
        this.tap = t;
        return this;
    }

    /** Spill runs go to {@code dir} (null: the JVM's temporary directory); set before the first value. */
    public FindingCollector spillTo(java.nio.file.Path dir) {
        spills.directory(dir);
        return this;
    }

    /** Findings handed to the sink at a time once merged ({@link #WRITE_BATCH} unless set). */
    private int writeBatch = WRITE_BATCH;

    /**
     * Hands the findings over {@code n} at a time: a sink that looks up what it merges them with by
     * value pays a pass over the place's values per batch ({@code FindingDelta}), so fewer, bigger batches.
     */
    public FindingCollector writeBatch(int n) {
        writeBatch = n;
        return this;
    }

    /** Creates the spill folder (owner only) and deletes the runs a crashed scan left in it. */
    public static void prepareSpillDirectory(java.nio.file.Path dir) throws java.io.IOException {
        SpillRuns.prepare(dir);
    }

    /** From now on the numbers given as lines are page (sheet) numbers; the finding says "page". */
    public void byPage(String unit) {
        this.unit = unit;
    }

    /** "" for lines, or the LineSet prefix of pages or sheets. */
    private String unit = "";

    /** The timestamp (epoch ms) of the log line being read, 0 when it has none; applies to the adds that follow. */
    public void at(long epochMillis) {
        if (pipe != null) {
            pipe.at(epochMillis, -1);
            return;
        }
        this.now = epochMillis;
    }

    /** The same, for log line {@code line}, read in line order: noted for the line-time table. */
    public void at(long epochMillis, int line) {
        if (pipe != null) {
            pipe.at(epochMillis, line);
            return;
        }
        atNow(epochMillis, line);
    }

    private void atNow(long epochMillis, int line) {
        this.now = epochMillis;
        if (lineTimes != null && epochMillis != 0) {
            lineTimes.note(line, epochMillis);
        }
    }

    private long now;

    /** Field names seen, so that every value of a field holds the same name object; at most 4096. */
    private final Map<String, String> fieldNames = new HashMap<>();

    /** The one object for this field name: spill runs find it among their symbols by identity. */
    private String field(String name) {
        if (name == null) {
            return null;
        }
        String known = fieldNames.get(name);
        if (known != null) {
            return known;
        }
        if (fieldNames.size() < 4096) {
            fieldNames.put(name, name);
        }
        return name;
    }

    /** @param recordLine the line that identifies the record (a JSON object's first line), for linking */
    public void add(Detection d, int line, String field, int recordLine) {
        if (pipe != null) {
            pipe.add(d, line, field, recordLine);
            return;
        }
        addNow(d, line, field, recordLine);
    }

    /**
     * From now on the detections of this line-record item are aggregated on a collecting thread while
     * the calling thread reads on ({@link CollectorPipe}); for big items, where reading is one thread's
     * work. No effect on other items.
     */
    public FindingCollector pipelined() {
        if (table != null && pipe == null && tap == null) {
            pipe = new CollectorPipe(new CollectorPipe.Target() {
                @Override
                public void ahead(Detection[] detections, String[] fields, int n) {
                    lookAhead(detections, fields, n);
                }

                @Override
                public void add(Detection d, int line, String field, int recordLine, int at) {
                    // no tap on a pipelined collector; its kind and hash were worked out ahead
                    addToTable(d, line, recordLine, aheadKinds[at], aheadHashes[at]);
                }

                @Override
                public void at(long epochMillis, int line) {
                    if (line < 0) {
                        now = epochMillis;
                    } else {
                        atNow(epochMillis, line);
                    }
                }
            });
        }
        return this;
    }

    /** Non-null while detections are handed to a collecting thread. */
    private CollectorPipe pipe;

    /** Per call of the batch being replayed: its value's kind and hash. */
    private int[] aheadKinds = new int[0];
    private int[] aheadHashes = new int[0];
    /** The batch's values' hashes, calls that were times left out. */
    private int[] aheadValues = new int[0];

    /** Works out the kinds and hashes of a batch's values, and has the table read ahead for them ({@link ValueTable#readAhead}). */
    private void lookAhead(Detection[] ds, String[] fields, int n) {
        if (aheadKinds.length < n) {
            aheadKinds = new int[n];
            aheadHashes = new int[n];
            aheadValues = new int[n];
        }
        int m = 0;
        for (int i = 0; i < n; i++) {
            Detection d = ds[i];
            if (d != null) {
                aheadKinds[i] = kind(d.type(), fields[i]);
                aheadHashes[i] = ValueTable.hash(aheadKinds[i], d.normalized());
                aheadValues[m++] = aheadHashes[i];
            }
        }
        table.readAhead(aheadValues, m);
    }

    private void addNow(Detection d, int line, String field, int recordLine) {
        if (tap != null) {
            tap.seen(d, item.part(), line);
        }
        if (table != null) {
            addToTable(d, line, field, recordLine);
            return;
        }
        Agg a = values.get(probe.set(d.type(), d.normalized(), field));
        if (a == null) {
            a = new Agg(d.type(), d.normalized(), field(field));
            values.put(probe.copy(), a);
        }
        a.confidence = Math.max(a.confidence, d.confidence());
        a.count++;
        if (now > 0) {
            a.first = a.first == 0 ? now : Math.min(a.first, now);
            a.last = Math.max(a.last, now);
        }
        total++;
        boolean newLine = line > 0 && (a.nLines == 0 || a.lines[a.nLines - 1] != line);
        if (newLine) {
            if (a.nLines == a.lines.length) {
                a.lines = Arrays.copyOf(a.lines, a.nLines * 2);
            }
            a.lines[a.nLines++] = line;
            lineRefs++;
        }
        if (values.size() >= MAX_VALUES || lineRefs >= MAX_LINE_REFS) {
            spill();
        }
    }

    private void addToTable(Detection d, int line, String field, int recordLine) {
        int k = kind(d.type(), field);
        addToTable(d, line, recordLine, k, ValueTable.hash(k, d.normalized()));
    }

    /** @param k the value's kind, {@code h} its {@link ValueTable#hash} */
    private void addToTable(Detection d, int line, int recordLine, int k, int h) {
        String value = d.normalized();
        int v = table.find(k, value, h);
        if (v < 0) {
            if (!table.room() && !roomAfterWrites(true)) {
                spill();
            }
            Kind kind = kinds[k];
            long keyHash = kind.links ? RecordGroups.hash(kind.type, value, kind.field == null ? "" : kind.field) : 0;
            v = table.add(k, value, h, keyHash);
        }
        table.occurrence(v, d.confidence(), now, line);
        total++;
        if (recordLine > 0 && kinds[k].links) {
            groups.add(v, table.keyHash(v), recordLine);
        }
        if (table.full() && !roomAfterWrites(false)) {
            spill();
        }
    }

    /**
     * The table cannot grow. While this item's previous table is still being written it holds most of
     * the pool: wait for it rather than spill a table that only just started (runs of a few values
     * each). Whether the table then has room (for a new value, or for what it holds).
     */
    private boolean roomAfterWrites(boolean newValue) {
        if (table.bytes() >= TablePool.size() / 4 || !spills.writing()) {
            return false;
        }
        spills.await();
        return newValue ? table.room() : table.retry();
    }

    /** The number of (type, field), made when new. */
    private int kind(String type, String field) {
        Integer k = kindIds.get(probe.set(type, "", field));
        if (k != null) {
            return k;
        }
        Kind made = new Kind(type, field(field), policy.type(type), policy.type(type).links());
        kinds = Arrays.copyOf(kinds, kinds.length + 1);
        kinds[kinds.length - 1] = made;
        kindIds.put(probe.copy(), kinds.length - 1);
        return kinds.length - 1;
    }

    /** A value in a database row: located by the row's primary key (a JSON object) and its column. */
    public void addRow(Detection d, String column, String pkJson) {
        addRow(d, column, pkJson, List.of());
    }

    /** @param links record ids of the rows this row references (foreign keys); kept with the row */
    public void addRow(Detection d, String column, String pkJson, List<String> links) {
        noTable();
        if (tap != null) {
            tap.seen(d, item.part(), 0);
        }
        Agg a = value(d.type(), d.normalized(), column, () -> new Agg(d.type(), d.normalized(), column));
        a.confidence = Math.max(a.confidence, d.confidence());
        a.count++;
        total++;
        if (a.rowKeys == null) {
            a.rowKeys = new java.util.ArrayList<>(2);
        }
        if (a.rowKeys.size() < MAX_RECORDS_PER_FINDING && (a.rowKeys.isEmpty() || !a.rowKeys.get(a.rowKeys.size() - 1).equals(pkJson))) {
            a.rowKeys.add(pkJson);
            if (!links.isEmpty() || a.rowLinks != null) {
                if (a.rowLinks == null) {
                    a.rowLinks = new java.util.ArrayList<>();
                    for (int i = 0; i < a.rowKeys.size() - 1; i++) {
                        a.rowLinks.add(List.of());
                    }
                }
                a.rowLinks.add(links);
            }
            lineRefs++;
        }
        if (values.size() >= MAX_VALUES || lineRefs >= MAX_LINE_REFS) {
            spill();
        }
    }

    /** A photo or video: its identity is its place, its preview says what it is (never the content). */
    public void addMedia(String type, String identity, String preview) {
        noTable();
        Agg a = value(type, identity, null, () -> new Agg(type, identity, null));
        a.confidence = 1.0;
        a.count = 1;
        a.preview = preview;
        total++;
    }

    /** What a row's photo (a blob) shows in the inventory instead of its content. */
    public void previewOf(String type, String normalized, String field, String preview) {
        Agg a = values.get(probe.set(type, normalized, field));
        if (a != null) {
            a.preview = preview;
        }
    }

    /** Rows and media belong to items whose lines are not records: a line-record item keeps its values in {@link #table} only. */
    private void noTable() {
        if (table != null) {
            throw new IllegalStateException("an item whose lines are records holds no rows or media");
        }
    }

    public String itemCid() {
        return cid;
    }

    /** Writes what is left; an item with no finding still replaces (clears) its old findings. */
    public void finish() {
        if (pipe != null) {
            CollectorPipe p = pipe;
            pipe = null;
            try {
                p.close();
            } catch (RuntimeException | Error e) {
                p.abandon();
                discard();
                throw e;
            }
        }
        if (groups != null) {
            groups.close();
        }
        if (lineReps != null) {
            lineReps.seal();
            sets = lineReps.blocks();
            times = lineTimes.build();
            timesUnwritten = times != null;
        }
        if (spills.isEmpty()) {
            flush();
            return;
        }
        try {
            spill();
            Finding template = template();
            List<Finding> batch = new ArrayList<>(writeBatch);
            spills.merge(e -> {
                batch.add(e.toFinding(template, segment, covers(e), times));
                perType.merge(e.type, 1, Integer::sum);
                if (batch.size() >= writeBatch) {
                    writeBatch(batch);
                }
            });
            if (!batch.isEmpty() || segment == 0) {
                writeBatch(batch);
            }
        } finally {
            spills.close();
        }
    }

    /** The item's own fields, which every finding of it shares. */
    private Finding template() {
        return new Finding(item.sourceId(), item.source(), item.kind(), item.container(), item.part(), null, "",
                "", "", 0, "", "", List.of(), "", 0, List.of(), cid, 0, "");
    }

    /**
     * Drops what was collected without writing it (the item failed): its spill runs are deleted
     * now rather than left in the spill folder until the next start. Blocks while a run is being
     * written: not on an event loop.
     */
    public void discard() {
        if (pipe != null) {
            pipe.abandon();
            pipe = null;
        }
        values.clear();
        if (table != null) {
            table.release();
        }
        spills.close();
    }

    private void writeBatch(List<Finding> batch) {
        write(new ArrayList<>(batch));
        batch.clear();
    }

    /** How long the first batch, written before any other on the reading thread, took (stats). */
    private long firstBatchNanos;

    /** The next batch; the first replaces what the container held, with its record sets and line times when there are any. */
    private void write(List<Finding> batch) {
        if (segment == 0 && (sets != null && !sets.isEmpty() || timesUnwritten)) {
            long start = System.nanoTime();
            sink.writeFirst(cid, batch, sets == null ? List.of() : sets, timesUnwritten && !batch.isEmpty() ? times : null);
            firstBatchNanos = System.nanoTime() - start;
        } else {
            sink.write(cid, batch, segment == 0);
        }
        sets = null;
        timesUnwritten = false;
        segment++;
    }

    /** Whether the entry's lines are exactly the union of its records' sets (then stored without them). */
    private boolean covers(SpillEntry e) {
        return lineReps != null && e.recs != null && e.ranges != null && lineReps.covers(e.ranges, e.nRanges, e.recs, e.nRecs);
    }

    private final SpillRuns spills;

    /** A full window goes to a sorted run on disk; merged in {@link #finish}. */
    private void spill() {
        if (groups != null) {
            groups.split();
        }
        if (table != null) {
            spillTable();
            return;
        }
        // hashing, masking and writing the window happen on a spill thread while this one reads on
        List<Agg> full = new ArrayList<>(values.values());
        String unitNow = unit;
        spills.spill(() -> {
            List<SpillEntry> window = new ArrayList<>(full.size());
            for (Agg a : full) {
                window.add(toEntry(a, unitNow));
            }
            return window;
        });
        values.clear();
        lineRefs = 0;
    }

    /** Tables spilled since the JVM started (tests). */
    static final java.util.concurrent.atomic.AtomicLong TABLES_SPILLED = new java.util.concurrent.atomic.AtomicLong();

    /** The table goes to a run whole, in key order, on a spill thread; the values to come go to a new table. */
    private void spillTable() {
        ValueTable full = table;
        Kind[] kindsNow = kinds;
        // An item that fills a table has more values than the pool holds: from now on its tables take
        // half of it each, so one fills while the other is written (a whole-pool table makes the
        // reading wait for every write).
        table = new ValueTable(TablePool.size() / 2);
        TABLES_SPILLED.incrementAndGet();
        if (Boolean.getBoolean("inzage.stats")) { // bench/: how often a big item's table fills
            System.out.printf("table_spilled values=%d mb=%.1f%n", full.size(), full.bytes() / 1e6);
        }
        spills.spillOrdered(run -> {
            try {
                int n = full.size();
                long[] k0 = new long[n];
                long[] k1 = new long[n];
                for (int v = 0; v < n; v++) {
                    byte[] h = hasher.hashBytes(full.value(v));
                    k0[v] = SpillEntry.longAt(h, 0);
                    k1[v] = SpillEntry.longAt(h, 8);
                }
                int[] order = full.sortedByHash(k0, k1, (a, b) -> {
                    Kind x = kindsNow[full.kind(a)];
                    Kind y = kindsNow[full.kind(b)];
                    int c = x.type.compareTo(y.type);
                    return c != 0 ? c : (x.field == null ? "" : x.field).compareTo(y.field == null ? "" : y.field);
                });
                for (int v : order) {
                    SpillEntry e = tableEntry(full, v, full.value(v), kindsNow);
                    e.k0 = k0[v];
                    e.k1 = k1[v];
                    run.accept(e);
                }
            } finally {
                full.release();
            }
        });
    }

    /** What an entry holds whatever the item: the value's type and field, policy, masked preview, aliases, count and times. */
    private SpillEntry entry(String type, String field, Policy.TypeInfo info, String value, String preview, double confidence,
            int count, long first, long last) {
        SpillEntry e = new SpillEntry();
        e.type = type;
        e.field = field;
        e.category = info.category();
        e.risk = info.risk();
        e.confidence = confidence;
        e.masked = preview != null ? preview : Masker.mask(type, value);
        if (type.equals("ip_address")) {
            e.aliases = Normalize.mappedIpv4(value).map(v4 -> List.of(hasher.hash(v4))).orElse(List.of());
        }
        e.count = count;
        e.first = first;
        e.last = last;
        return e;
    }

    /** Value {@code v} of {@code t}, spelt {@code value}, as an entry, its hash not yet set. */
    private SpillEntry tableEntry(ValueTable t, int v, String value, Kind[] kinds) {
        Kind k = kinds[t.kind(v)];
        SpillEntry e = entry(k.type, k.field, k.info, value, null, t.confidence(v), t.count(v), t.first(v), t.last(v));
        int nl = t.lineCount(v);
        int nr = t.recordCount(v);
        int[] lines = new int[nl];
        int[] recs = new int[nr];
        t.linesAndRecords(v, lines, recs);
        // decoded into arrays of their own: kept as they are when in order, as they usually are
        int[] sorted = LineSet.ascending(lines, nl) ? lines : LineSet.sortedUnique(lines, nl);
        e.lines(sorted, sorted.length);
        if (nl > 0) {
            // no record here when the value's sets were all represented in an earlier table
            e.recs = nr == 0 ? new int[0] : LineSet.ascending(recs, nr) ? recs : LineSet.sortedUnique(recs, nr);
            e.nRecs = e.recs.length;
        } else {
            e.records = List.of(item.recordId());
        }
        return e;
    }

    /** Occurrences seen (every line of every value). */
    public int total() {
        return total;
    }

    /** Findings written: one per value, field and type (what the inventory counts). */
    public int findings() {
        return perType.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Map<String, Integer> perType() {
        return perType;
    }

    private void flush() {
        if (table != null) {
            flushTable();
            return;
        }
        List<Finding> batch = new ArrayList<>(values.size());
        Finding template = template();
        for (Agg a : values.values()) {
            SpillEntry e = toEntry(a, unit);
            batch.add(e.toFinding(template, segment, covers(e), times));
            perType.merge(a.type, 1, Integer::sum);
        }
        write(batch);
        values.clear();
        lineRefs = 0;
    }

    /** The table's values, in batches: the item never filled a table, so nothing was spilled. */
    private void flushTable() {
        boolean stats = Boolean.getBoolean("inzage.stats") && table.size() > 100_000;
        if (stats) {
            System.out.printf("table_written values=%d mb=%.1f%n", table.size(), table.bytes() / 1e6);
        }
        long start = System.nanoTime();
        Finding template = template();
        List<Finding> batch = new ArrayList<>(Math.min(writeBatch, table.size()));
        try {
            for (int v = 0; v < table.size(); v++) {
                String value = table.value(v); // spelt once, for the entry and its hash
                SpillEntry e = tableEntry(table, v, value, kinds);
                e.hash(hasher.hashBytes(value));
                batch.add(e.toFinding(template, segment, covers(e), times));
                perType.merge(e.type, 1, Integer::sum);
                if (batch.size() >= writeBatch) {
                    writeBatch(batch);
                    table.dropRowsBelow(v + 1);
                }
            }
            if (!batch.isEmpty() || segment == 0) {
                writeBatch(batch);
            }
            if (stats) {
                System.out.printf("table_flush_s=%.3f first_batch_s=%.3f%n", (System.nanoTime() - start) / 1e9, firstBatchNanos / 1e9);
            }
        } finally {
            table.release();
        }
    }

    /** @param unit the line-set prefix of the window ("" for lines), read when the window closed */
    private SpillEntry toEntry(Agg a, String unit) {
        SpillEntry e = entry(a.type, a.field, policy.type(a.type), a.normalized, a.preview, a.confidence, a.count, a.first, a.last);
        e.hash(hasher.hashBytes(a.normalized));
        int[] lines = LineSet.sortedUnique(a.lines, a.nLines);
        if (unit.isEmpty()) {
            e.lines(lines, lines.length);
        } else {
            e.ranges = null;
            e.lineText = lines.length == 0 ? "" : unit + LineSet.encode(lines);
        }
        if (a.rowKeys != null) {
            List<String> records = new ArrayList<>();
            // one record per row, so co-occurring identifiers of a customer row are linked
            for (String pk : a.rowKeys) {
                records.add(cid + ":" + Finding.sha256(pk));
            }
            if (a.rowLinks == null) {
                e.rows = "[" + String.join(",", a.rowKeys) + "]";
            } else {
                // each row carries the rows it references as "@l"; their ids join the records, so they are searchable
                io.vertx.core.json.JsonArray withLinks = new io.vertx.core.json.JsonArray();
                java.util.Set<String> linked = new java.util.LinkedHashSet<>();
                for (int i = 0; i < a.rowKeys.size(); i++) {
                    io.vertx.core.json.JsonObject row = new io.vertx.core.json.JsonObject(a.rowKeys.get(i));
                    List<String> l = a.rowLinks.get(i);
                    if (!l.isEmpty()) {
                        row.put(LINKS, new io.vertx.core.json.JsonArray(new ArrayList<>(l)));
                        linked.addAll(l);
                    }
                    withLinks.add(row);
                }
                e.rows = withLinks.encode();
                records.addAll(linked);
            }
            e.records = records;
        } else {
            e.records = List.of(item.recordId());
        }
        return e;
    }
}
