package be.inzage.extract;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * External aggregation for items too big to aggregate in memory (a 1 GB log): each full window of
 * values ({@link SpillEntry}) is sorted by (hash, type, field) and written to a temporary run file;
 * at the end the runs are merged so every value still becomes one finding with all its lines. Windows are in
 * line order, so a value's line ranges and records are appended, never re-sorted. Run files hold
 * keyed hashes and masked previews only — no identifier in plain text — and are deleted after
 * the merge.
 */
final class SpillRuns implements Closeable {

    /** Bytes of a keyed hash's second number that hold any of it (the rest are zero): 4 of a 12-byte hash. */
    private static final int K1_BYTES = be.inzage.inventory.KeyedHasher.LENGTH - 8;

    /** Bits of a window index in {@link #sortByKey}'s packed keys; bigger windows are sorted with the comparator. */
    private static final int INDEX_BITS = 21;

    /**
     * Sorts a window into {@link SpillEntry#compare} order through packed longs: the first 42 bits of
     * the hash above the entry's index. A primitive sort touches no entry, where sorting the entries
     * chased two pointers per comparison; entries whose 42 bits tie (one value under several types or
     * fields, a rare collision, hashes that are not keyed hashes) are then ordered by the comparator.
     */
    static void sortByKey(List<SpillEntry> w) {
        int n = w.size();
        if (n < 64 || n >= 1 << INDEX_BITS) {
            w.sort(SpillEntry::compare);
            return;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            SpillEntry e = w.get(i);
            // other hashes after every keyed one, as the comparator has them
            long prefix = e.text != null ? (1L << 42) - 1 : e.k0 >>> 22;
            keys[i] = prefix << INDEX_BITS | i;
        }
        java.util.Arrays.sort(keys);
        SpillEntry[] sorted = new SpillEntry[n];
        int mask = (1 << INDEX_BITS) - 1;
        for (int i = 0; i < n; ) {
            long prefix = keys[i] >>> INDEX_BITS;
            int j = i;
            while (j < n && keys[j] >>> INDEX_BITS == prefix) {
                sorted[j] = w.get((int) (keys[j] & mask));
                j++;
            }
            if (j - i > 1) {
                java.util.Arrays.sort(sorted, i, j, SpillEntry::compare);
            }
            i = j;
        }
        for (int i = 0; i < n; i++) {
            w.set(i, sorted[i]);
        }
    }

    /**
     * Runs merged at once. Every FAN_IN consecutive runs of one level are merged into one run of the
     * next, as they come: open files and read buffers stay bounded whatever the item's size. As many
     * as a quarter of the open-file limit allows per reading thread, between 32 and 1024: a merge
     * writes every entry again and reads it back, so a 1.1 GB log's 730 runs are merged once, at the
     * end, where 32 at a time cost a third of the spill threads' time.
     */
    static final int FAN_IN = fanIn();

    private static int fanIn() {
        long files = 1024;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            files = unix.getMaxFileDescriptorCount();
        }
        // the extraction threads and the document parses of one scan, each of which may be merging
        int readers = Integer.getInteger("inzage.extractThreads", Math.max(2, Runtime.getRuntime().availableProcessors())) + 1;
        return (int) Math.max(32, Math.min(1024, files / 4 / readers));
    }

    /** An entry's flags in a run: what it holds and in which form. */
    private static final int TEXT_HASH = 1;
    private static final int LINE_TEXT = 2;
    private static final int LINE_RECORDS = 4;
    private static final int ALIASES = 8;
    private static final int ROWS = 16;
    private static final int TIMES = 32;

    /**
     * Windows are sorted and written off the reading thread: on a 1 GB log that was 45 % of the
     * reading thread's time, while the other core sat idle until the merge (bench/README.md).
     */
    private static final java.util.concurrent.ExecutorService WRITERS = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "inzage-spill");
        t.setDaemon(true);
        return t;
    });

    private final int maxRecords;
    private final int fanIn;
    /** Runs in window order, and the level of each (0: one window; n + 1: fanIn runs of level n). */
    private final List<Path> runs = new ArrayList<>();
    private final List<Integer> levels = new ArrayList<>();
    /**
     * Writes and merges not yet known to be done, by the run they make, oldest first. Windows are
     * written two at a time (one per spill thread); a merge starts when the runs it reads are written.
     */
    private final java.util.LinkedHashMap<Path, CompletableFuture<Void>> pending = new java.util.LinkedHashMap<>();
    /**
     * A window is handed over only while fewer writes and merges than this are pending: memory holds
     * at most this many windows handed over, plus the one filling.
     */
    static final int WINDOWS_IN_FLIGHT = 2;
    private int merges;

    /** The symbols of this instance's runs, which they refer to by number. */
    private final Symbols symbols = new Symbols();

    /** @param maxRecords records kept per finding */
    SpillRuns(int maxRecords) {
        this(maxRecords, FAN_IN);
    }

    /** @param fanIn runs merged at once (tests make it small) */
    SpillRuns(int maxRecords, int fanIn) {
        this.maxRecords = maxRecords;
        this.fanIn = fanIn;
    }

    boolean isEmpty() {
        return runs.isEmpty();
    }

    /** Runs merged into bigger ones so far (for tests). */
    int merges() {
        return merges;
    }

    /** Writes one window, sorted, on a spill thread; waits first if two windows are still being written. */
    void spill(java.util.function.Supplier<List<SpillEntry>> window) {
        spillOrdered(out -> {
            List<SpillEntry> w = window.get();
            sortByKey(w);
            for (SpillEntry e : w) {
                out.accept(e);
            }
        });
    }

    /**
     * Writes one window on a spill thread, as {@code window} hands its entries to the run in
     * {@link SpillEntry#compare} order, one value once; waits first if two windows are still being written.
     */
    void spillOrdered(Consumer<Consumer<SpillEntry>> window) {
        pending.values().removeIf(f -> f.isDone() && !f.isCompletedExceptionally());
        while (pending.size() >= WINDOWS_IN_FLIGHT) {
            join(pending.remove(pending.keySet().iterator().next()));
        }
        Path run = newRun();
        runs.add(run); // in window order, whenever each is written: the merges rely on it
        levels.add(0);
        pending.put(run, CompletableFuture.runAsync(() -> {
            try (RunWriter out = new RunWriter(run, symbols)) {
                window.accept(out::write);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, WRITERS));
        // the merges this run completes, each once the runs it reads are written
        for (int level = 0; tailOf(level) >= fanIn; level++) {
            int from = runs.size() - fanIn;
            List<Path> inputs = new ArrayList<>(runs.subList(from, runs.size()));
            Path merged = newRun();
            runs.subList(from, runs.size()).clear();
            levels.subList(from, levels.size()).clear();
            runs.add(merged);
            levels.add(level + 1);
            CompletableFuture<?>[] before = inputs.stream().map(pending::remove).filter(java.util.Objects::nonNull)
                    .toArray(CompletableFuture<?>[]::new);
            pending.put(merged, CompletableFuture.allOf(before).thenRunAsync(() -> {
                try (RunWriter out = new RunWriter(merged, symbols)) {
                    mergeRuns(inputs, out::write);
                    for (Path in : inputs) {
                        Files.deleteIfExists(in);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, WRITERS));
            merges++;
        }
    }

    /** How many runs at the end of the list are of {@code level}. */
    private int tailOf(int level) {
        int n = 0;
        for (int i = levels.size() - 1; i >= 0 && levels.get(i) == level; i--) {
            n++;
        }
        return n;
    }

    /** Where runs go; null: the JVM's temporary directory. */
    private Path dir;

    void directory(Path d) {
        this.dir = d;
    }

    /** Creates {@code d} (owner only where the file system has permissions) and deletes runs left in it. */
    static void prepare(Path d) throws IOException {
        Files.createDirectories(d);
        try {
            Files.setPosixFilePermissions(d, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply
        }
        try (var s = Files.newDirectoryStream(d, "inzage-spill-*.run")) {
            for (Path left : s) {
                Files.deleteIfExists(left);
            }
        }
    }

    /** Every run file made for this item, to delete them all at the end whatever happened. */
    private final List<Path> created = new ArrayList<>();

    private Path newRun() {
        try {
            Path run;
            if (dir == null) {
                run = Files.createTempFile("inzage-spill-", ".run");
                run.toFile().deleteOnExit(); // in the spill folder, the next start cleans up instead: no list growing forever
            } else {
                run = Files.createTempFile(dir, "inzage-spill-", ".run");
            }
            created.add(run);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a window is still being written or merged. */
    boolean writing() {
        return pending.values().stream().anyMatch(f -> !f.isDone());
    }

    /** Waits for every write and merge; the first failure is the caller's (the item fails, the scan goes on). */
    void await() {
        RuntimeException first = null;
        for (CompletableFuture<Void> f : pending.values()) {
            try {
                join(f);
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        pending.clear();
        if (first != null) {
            throw first;
        }
    }

    private static void join(CompletableFuture<Void> f) {
        try {
            f.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        }
    }

    /** Merges the runs: one entry per value, in key order. */
    void merge(Consumer<SpillEntry> out) {
        await();
        try {
            mergeRuns(runs, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One value's entries from runs in window order become one, in key order. */
    private void mergeRuns(List<Path> inputs, Consumer<SpillEntry> out) throws IOException {
        RunReader[] ins = new RunReader[inputs.size()];
        try {
            SpillEntry[] first = new SpillEntry[ins.length];
            for (int i = 0; i < ins.length; i++) {
                ins[i] = new RunReader(inputs.get(i), symbols);
                first[i] = ins[i].read();
            }
            MergeTree tree = new MergeTree(first);
            SpillEntry acc = null;
            for (int run = tree.winner(); run >= 0; run = tree.winner()) {
                SpillEntry e = tree.head(run);
                if (acc != null && SpillEntry.compare(acc, e) == 0) {
                    acc.later(e, maxRecords);
                } else {
                    if (acc != null) {
                        out.accept(acc);
                    }
                    acc = e;
                }
                tree.advance(ins[run].read());
            }
            if (acc != null) {
                out.accept(acc);
            }
        } finally {
            for (RunReader in : ins) {
                if (in != null) {
                    in.close();
                }
            }
        }
    }

    /**
     * The symbols (types, fields, categories, risks, masked previews) of one instance's runs, kept in
     * memory, where the runs refer to them by number. Each run used to keep a table of its own, which its
     * reader held until the final merge: 4,096 strings a run, 2.4 million strings (170 MB) across the 730
     * runs of a 1.1 GB log, a third of a 512 MB heap, and the old-generation collections that came with it.
     * Bounded; symbols beyond {@link #MAX} are written in full. Written by the run writers (two at a time);
     * a reader reads a run only once its writing has completed, which publishes what it added.
     */
    static final class Symbols {
        static final int MAX = 1 << 16;
        private final java.util.concurrent.ConcurrentHashMap<String, Integer> ids = new java.util.concurrent.ConcurrentHashMap<>();
        /** Grown as symbols come: most items never spill, and a collector is made for every item. */
        private volatile String[] byId = new String[16];
        private volatile int size;

        /** The symbol's number, or null. */
        Integer id(String s) {
            return ids.get(s);
        }

        /** The symbol's number, added if there is room; -1 when the table is full. */
        int add(String s) {
            Integer id = ids.get(s);
            if (id != null) {
                return id;
            }
            synchronized (this) {
                id = ids.get(s);
                if (id != null) {
                    return id;
                }
                if (size == MAX) {
                    return -1;
                }
                if (size == byId.length) {
                    byId = java.util.Arrays.copyOf(byId, Math.min(MAX, byId.length * 2));
                }
                byId[size] = s;
                ids.put(s, size);
                return size++;
            }
        }

        boolean full() {
            return size >= MAX;
        }

        String get(int id) {
            return byId[id];
        }
    }

    /**
     * Writes one run. Type, field, category, risk, confidence and most masked previews repeat from
     * entry to entry: each is written as its number in the instance's {@link Symbols} (or in full once
     * that is full), confidences as their number in the run's own table. The hash is two numbers, lines
     * and records are numbers: gaps and lengths.
     */
    private static final class RunWriter implements Closeable {
        /** Distinct confidences remembered per run; beyond, they are written in full every time. */
        static final int MAX_SYMBOLS = 4096;
        private final RunIo.Out out;
        private final Symbols symbols;
        private final java.util.Map<Double, Integer> confidences = new java.util.HashMap<>();
        /** Masked previews looked up while the table is full, and how many of those were in it. */
        private int maskedLookups;
        private int maskedHits;

        RunWriter(Path run, Symbols symbols) throws IOException {
            out = new RunIo.Out(run);
            this.symbols = symbols;
        }

        /** Writes s as a symbol; whether it was in the table already. */
        private boolean symbol(String s) throws IOException {
            // types, categories, risks and (interned) fields are the same few objects entry after entry
            for (int i = 0; i < recent.length; i++) {
                if (recent[i] == s) {
                    out.varInt(recentIds[i] + 1);
                    return true;
                }
            }
            Integer id = symbols.id(s);
            if (id != null) {
                recent[nextRecent] = s;
                recentIds[nextRecent] = id;
                nextRecent = (nextRecent + 1) % recent.length;
            }
            return tableSymbol(s, id);
        }

        /** Writes s as its number in the table ({@code id}, looked up; added when null and there is room) or in full. */
        private boolean tableSymbol(String s, Integer id) throws IOException {
            if (id != null) {
                out.varInt(id + 1);
                return true;
            }
            int added = symbols.add(s);
            if (added >= 0) {
                out.varInt(added + 1);
            } else {
                out.varInt(0);
                out.string(s);
            }
            return false;
        }

        /** The last symbols found in the table, looked up by identity first. */
        private final String[] recent = new String[8];
        private final int[] recentIds = new int[8];
        private int nextRecent;

        /**
         * A masked preview as a symbol while that pays: once the table is full and fewer than one lookup in eight
         * finds it there (a log's cookie ids, each masked its own way), previews are written in full unlooked-up,
         * which saved hashing every preview of a big log's values.
         */
        private void maskedSymbol(String masked) throws IOException {
            if (symbols.full()) {
                if (maskedLookups >= 1024 && maskedHits * 8 < maskedLookups) {
                    out.varInt(0);
                    out.string(masked);
                    return;
                }
                maskedLookups++;
                if (tableSymbol(masked, symbols.id(masked))) {
                    maskedHits++;
                }
                return;
            }
            tableSymbol(masked, symbols.id(masked));
        }

        void write(SpillEntry e) {
            try {
                int flags = (e.text != null ? TEXT_HASH : 0) | (e.ranges == null ? LINE_TEXT : 0) | (e.recs != null ? LINE_RECORDS : 0)
                        | (e.aliases.isEmpty() ? 0 : ALIASES) | (e.rows.isEmpty() ? 0 : ROWS) | (e.first != 0 || e.last != 0 ? TIMES : 0);
                out.varInt(flags);
                symbol(e.type);
                symbol(e.field == null ? "\0" : e.field);
                symbol(e.category);
                symbol(e.risk);
                Integer c = confidences.get(e.confidence);
                if (c != null) {
                    out.varInt(c + 1);
                } else {
                    out.varInt(0);
                    out.doubleValue(e.confidence);
                    if (confidences.size() < MAX_SYMBOLS) {
                        confidences.put(e.confidence, confidences.size());
                    }
                }
                maskedSymbol(e.masked);
                if (e.text != null) {
                    out.string(e.text);
                } else {
                    out.fixedLong(e.k0);
                    out.fixedHigh(e.k1, K1_BYTES);
                }
                if ((flags & ALIASES) != 0) {
                    out.varInt(e.aliases.size());
                    for (String a : e.aliases) {
                        out.string(a);
                    }
                }
                out.varInt(e.count);
                if (e.ranges == null) {
                    out.string(e.lineText);
                } else {
                    // each range as the gap from the previous one's end and its length
                    out.varInt(e.nRanges);
                    int prev = 0;
                    for (int i = 0; i < e.nRanges; i++) {
                        out.varInt(e.ranges[2 * i] - prev);
                        out.varInt(e.ranges[2 * i + 1] - e.ranges[2 * i]);
                        prev = e.ranges[2 * i + 1];
                    }
                }
                if (e.recs != null) {
                    out.varInt(e.nRecs);
                    int prev = 0;
                    for (int i = 0; i < e.nRecs; i++) {
                        out.varInt(e.recs[i] - prev); // ascending: deltas
                        prev = e.recs[i];
                    }
                } else {
                    out.varInt(e.records.size());
                    for (String r : e.records) {
                        out.string(r);
                    }
                }
                if ((flags & ROWS) != 0) {
                    out.string(e.rows);
                }
                if ((flags & TIMES) != 0) {
                    out.varLong(e.first);
                    out.varLong(e.last - e.first);
                }
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Reads one run back. */
    private static final class RunReader implements Closeable {
        private final RunIo.In in;
        private final Symbols symbols;
        private final List<Double> confidences = new ArrayList<>();

        RunReader(Path run, Symbols symbols) throws IOException {
            in = new RunIo.In(run);
            this.symbols = symbols;
        }

        private String symbol() throws IOException {
            int id = in.varInt();
            return id > 0 ? symbols.get(id - 1) : in.string();
        }

        /** The next entry, or null at the end of the run. */
        SpillEntry read() throws IOException {
            if (in.atEnd()) {
                return null;
            }
            SpillEntry e = new SpillEntry();
            int flags = in.varInt();
            e.type = symbol();
            String field = symbol();
            e.field = field.equals("\0") ? null : field;
            e.category = symbol();
            e.risk = symbol();
            int c = in.varInt();
            if (c > 0) {
                e.confidence = confidences.get(c - 1);
            } else {
                e.confidence = in.doubleValue();
                if (confidences.size() < RunWriter.MAX_SYMBOLS) {
                    confidences.add(e.confidence);
                }
            }
            e.masked = symbol();
            if ((flags & TEXT_HASH) != 0) {
                e.text = in.string();
            } else {
                e.k0 = in.fixedLong();
                e.k1 = in.fixedHigh(K1_BYTES);
            }
            if ((flags & ALIASES) != 0) {
                int na = in.varInt();
                List<String> aliases = new ArrayList<>(na);
                for (int i = 0; i < na; i++) {
                    aliases.add(in.string());
                }
                e.aliases = aliases;
            }
            e.count = in.varInt();
            if ((flags & LINE_TEXT) != 0) {
                e.ranges = null;
                e.lineText = in.string();
            } else {
                int n = in.varInt();
                int[] r = new int[2 * n];
                int prev = 0;
                for (int i = 0; i < n; i++) {
                    r[2 * i] = prev + in.varInt();
                    r[2 * i + 1] = r[2 * i] + in.varInt();
                    prev = r[2 * i + 1];
                }
                e.ranges = r;
                e.nRanges = n;
            }
            int nr = in.varInt();
            if ((flags & LINE_RECORDS) != 0) {
                int[] recs = new int[nr];
                int prev = 0;
                for (int i = 0; i < nr; i++) {
                    prev += in.varInt();
                    recs[i] = prev;
                }
                e.recs = recs;
                e.nRecs = nr;
            } else {
                List<String> records = new ArrayList<>(nr);
                for (int i = 0; i < nr; i++) {
                    records.add(in.string());
                }
                e.records = records;
            }
            if ((flags & ROWS) != 0) {
                e.rows = in.string();
            }
            if ((flags & TIMES) != 0) {
                e.first = in.varLong();
                e.last = e.first + in.varLong();
            }
            return e;
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // the file is deleted next
            }
        }
    }

    @Override
    public void close() {
        try {
            await();
        } catch (RuntimeException ignored) {
            // already reported by the merge; the files go anyway
        }
        // every file made, not only the runs still listed: a merge that failed leaves its inputs
        for (Path r : created) {
            try {
                Files.deleteIfExists(r);
            } catch (IOException ignored) {
                // the spill folder is emptied at the next start
            }
        }
        created.clear();
        runs.clear();
        levels.clear();
    }
}
