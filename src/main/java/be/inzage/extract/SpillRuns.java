package be.inzage.extract;

import be.inzage.inventory.Finding;
import be.inzage.inventory.LineRecords;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * External aggregation for items too big to aggregate in memory (a 1 GB log): each full window of
 * findings is sorted by (hash, type, field) and written to a temporary run file; at the end the
 * runs are merged so every value still becomes one finding with all its lines. Windows are in
 * line order, so a value's line ranges and records are appended, never re-sorted. Run files hold
 * keyed hashes and masked previews only — no identifier in plain text — and are deleted after
 * the merge.
 */
final class SpillRuns implements Closeable {

    /**
     * Hash first: hashes of different values differ in their first characters, types repeat.
     * Written out: the chained lambda comparator was a tenth of a big log's scan (sorts and merges).
     */
    static final Comparator<Finding> KEY = SpillRuns::compareKeys;

    private static int compareKeys(Finding a, Finding b) {
        int c = a.hash().compareTo(b.hash());
        if (c != 0) {
            return c;
        }
        c = a.type().compareTo(b.type());
        if (c != 0) {
            return c;
        }
        return (a.field() == null ? "" : a.field()).compareTo(b.field() == null ? "" : b.field());
    }

    /** Bits of a window index in {@link #sortByKey}'s packed keys; bigger windows are sorted with {@link #KEY}. */
    private static final int INDEX_BITS = 21;

    /**
     * Sorts a window into {@link #KEY} order through packed longs: the first six characters of the hash (7 bits each,
     * as {@code String.compareTo} orders ASCII) above the entry's index. A primitive sort touches no finding, where
     * sorting the findings chased two pointers per comparison (7 % of a big log's scan); entries whose six
     * characters tie (one value under several types or fields, or a rare collision) are then ordered by {@link #KEY}.
     */
    static void sortByKey(List<Finding> w) {
        int n = w.size();
        if (n < 64 || n >= 1 << INDEX_BITS) {
            w.sort(KEY);
            return;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            String h = w.get(i).hash();
            long p = 0;
            for (int k = 0; k < 6; k++) {
                char c = k < h.length() ? h.charAt(k) : 0;
                if (c > 127) {
                    w.sort(KEY);
                    return;
                }
                p = p << 7 | c;
            }
            keys[i] = p << INDEX_BITS | i;
        }
        java.util.Arrays.sort(keys);
        Finding[] sorted = new Finding[n];
        int mask = (1 << INDEX_BITS) - 1;
        for (int i = 0; i < n; ) {
            long prefix = keys[i] >>> INDEX_BITS;
            int j = i;
            while (j < n && keys[j] >>> INDEX_BITS == prefix) {
                sorted[j] = w.get((int) (keys[j] & mask));
                j++;
            }
            if (j - i > 1) {
                java.util.Arrays.sort(sorted, i, j, KEY);
            }
            i = j;
        }
        for (int i = 0; i < n; i++) {
            w.set(i, sorted[i]);
        }
    }

    /**
     * Runs merged at once. Every FAN_IN consecutive runs of one level are merged into one run of the
     * next, as they come: open files and read buffers stay bounded whatever the item's size (a
     * 1.1 GB log made 730 runs, 47 MB of buffers and as many open files, before this).
     */
    static final int FAN_IN = 32;

    /**
     * Windows are sorted and written off the reading thread: on a 1 GB log that was 45 % of the
     * reading thread's time, while the other core sat idle until the merge (bench/README.md).
     */
    private static final java.util.concurrent.ExecutorService WRITERS = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "inzage-spill");
        t.setDaemon(true);
        return t;
    });

    private final String cid;
    private final int maxRecords;
    /** Runs in window order, and the level of each (0: one window; n + 1: FAN_IN runs of level n). */
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

    /** @param cid the item's container id; @param maxRecords records kept per finding */
    SpillRuns(String cid, int maxRecords) {
        this.cid = cid;
        this.maxRecords = maxRecords;
    }

    boolean isEmpty() {
        return runs.isEmpty();
    }

    /** Runs merged into bigger ones so far (for tests). */
    int merges() {
        return merges;
    }

    /** Writes one window, sorted, on a spill thread; waits first if two windows are still being written. */
    void spill(java.util.function.Supplier<List<Finding>> window) {
        pending.values().removeIf(f -> f.isDone() && !f.isCompletedExceptionally());
        while (pending.size() >= WINDOWS_IN_FLIGHT) {
            join(pending.remove(pending.keySet().iterator().next()));
        }
        Path run = newRun();
        runs.add(run); // in window order, whenever each is written: the merges rely on it
        levels.add(0);
        pending.put(run, CompletableFuture.runAsync(() -> {
            List<Finding> w = window.get();
            sortByKey(w);
            try (RunWriter out = new RunWriter(run)) {
                for (Finding f : w) {
                    out.write(f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, WRITERS));
        // the merges this run completes, each once the runs it reads are written
        for (int level = 0; tailOf(level) >= FAN_IN; level++) {
            int from = runs.size() - FAN_IN;
            List<Path> inputs = new ArrayList<>(runs.subList(from, runs.size()));
            Path merged = newRun();
            runs.subList(from, runs.size()).clear();
            levels.subList(from, levels.size()).clear();
            runs.add(merged);
            levels.add(level + 1);
            CompletableFuture<?>[] before = inputs.stream().map(pending::remove).filter(java.util.Objects::nonNull)
                    .toArray(CompletableFuture<?>[]::new);
            pending.put(merged, CompletableFuture.allOf(before).thenRunAsync(() -> {
                try (RunWriter out = new RunWriter(merged)) {
                    mergeRuns(inputs, template(), out::write);
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

    /** What intermediate merges read with: only the fields the runs do not hold. */
    private Finding template() {
        return new Finding("", "", "", "", null, null, "", "", "", 0, "", "", List.of(), "", 0, List.of(), cid, 0, "");
    }

    /** Waits for every write and merge; the first failure is the caller's (the item fails, the scan goes on). */
    private void await() {
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

    /** Merges the runs; {@code template} gives the item's own fields (source, container, cid). */
    void merge(Finding template, Consumer<Finding> out) {
        await();
        try {
            mergeRuns(runs, template, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One value's entries from runs in window order become one finding, in key order. */
    private void mergeRuns(List<Path> inputs, Finding template, Consumer<Finding> out) throws IOException {
        record Head(Finding f, RunReader in, int run) {
        }
        PriorityQueue<Head> heads = new PriorityQueue<>((x, y) -> {
            int c = compareKeys(x.f(), y.f());
            return c != 0 ? c : Integer.compare(x.run(), y.run());
        });
        List<RunReader> ins = new ArrayList<>();
        try {
            for (int i = 0; i < inputs.size(); i++) {
                RunReader in = new RunReader(inputs.get(i), template);
                ins.add(in);
                Finding f = in.read();
                if (f != null) {
                    heads.add(new Head(f, in, i));
                }
            }
            Finding acc = null;
            while (!heads.isEmpty()) {
                Head h = heads.poll();
                acc = acc != null && KEY.compare(acc, h.f()) == 0 ? be.inzage.inventory.FindingMerge.later(acc, h.f(), maxRecords) : flushAndStart(acc, h.f(), out);
                Finding next = h.in().read();
                if (next != null) {
                    heads.add(new Head(next, h.in(), h.run()));
                }
            }
            if (acc != null) {
                out.accept(acc);
            }
        } finally {
            for (RunReader in : ins) {
                in.close();
            }
        }
    }

    private static Finding flushAndStart(Finding acc, Finding next, Consumer<Finding> out) {
        if (acc != null) {
            out.accept(acc);
        }
        return next;
    }

    /**
     * Writes one run. Type, field, category, risk, confidence and most masked previews repeat from
     * entry to entry: each is written once in full and then as its number in the run's own table
     * (of bounded size). A value's lines are not written again when they are its records too.
     */
    private static final class RunWriter implements Closeable {
        /** Distinct symbols remembered per run; beyond, they are written in full every time. */
        static final int MAX_SYMBOLS = 4096;
        private final RunIo.Out out;
        private final java.util.Map<String, Integer> symbols = new java.util.HashMap<>();
        private final java.util.Map<Double, Integer> confidences = new java.util.HashMap<>();
        /** Masked previews looked up while the table is full, and how many of those were in it. */
        private int maskedLookups;
        private int maskedHits;

        RunWriter(Path run) throws IOException {
            out = new RunIo.Out(run);
        }

        /** Writes s as a symbol; whether it was in the table already. */
        private boolean symbol(String s) throws IOException {
            Integer id = symbols.get(s);
            if (id != null) {
                out.varInt(id + 1);
                return true;
            } else {
                out.varInt(0);
                out.string(s);
                if (symbols.size() < MAX_SYMBOLS) {
                    symbols.put(s, symbols.size());
                }
                return false;
            }
        }

        /**
         * A masked preview as a symbol while that pays: once the table is full and fewer than one lookup in eight
         * finds it there (a log's cookie ids, each masked its own way), previews are written in full unlooked-up,
         * which saved hashing every preview of a big log's values.
         */
        private void maskedSymbol(String masked) throws IOException {
            if (symbols.size() >= MAX_SYMBOLS) {
                if (maskedLookups >= 1024 && maskedHits * 8 < maskedLookups) {
                    out.varInt(0);
                    out.string(masked);
                    return;
                }
                maskedLookups++;
                if (symbol(masked)) {
                    maskedHits++;
                }
                return;
            }
            symbol(masked);
        }

        void write(Finding f) {
            try {
                symbol(f.type());
                out.string(f.hash());
                symbol(f.field() == null ? "\0" : f.field());
                symbol(f.category());
                symbol(f.risk());
                Integer c = confidences.get(f.confidence());
                if (c != null) {
                    out.varInt(c + 1);
                } else {
                    out.varInt(0);
                    out.doubleValue(f.confidence());
                    if (confidences.size() < MAX_SYMBOLS) {
                        confidences.put(f.confidence(), confidences.size());
                    }
                }
                maskedSymbol(f.masked());
                out.varInt(f.aliases().size());
                for (String a : f.aliases()) {
                    out.string(a);
                }
                out.varInt(f.count());
                // records that are lines of the item ("cid:42", every log line) as numbers: as strings they were a
                // third of the time spent reading a big log
                boolean linesAreRecords = false;
                if (f.records() instanceof LineRecords lr) {
                    int[] nums = lr.lines();
                    out.varInt(nums.length + 1);
                    int prev = 0;
                    for (int v : nums) {
                        out.varInt(v - prev); // ascending: deltas
                        prev = v;
                    }
                    linesAreRecords = f.lines().equals(be.inzage.inventory.LineSet.encode(nums));
                } else {
                    out.varInt(0);
                    out.varInt(f.records().size());
                    for (String r : f.records()) {
                        out.string(r);
                    }
                }
                out.varInt(linesAreRecords ? 1 : 0);
                if (!linesAreRecords) {
                    out.string(f.lines());
                }
                out.string(f.rows());
                out.varLong(f.firstSeen());
                out.varLong(f.lastSeen() - f.firstSeen());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Reads one run back; {@code t} gives the fields runs do not hold. */
    private static final class RunReader implements Closeable {
        private final RunIo.In in;
        private final Finding t;
        private final List<String> symbols = new ArrayList<>();
        private final List<Double> confidences = new ArrayList<>();

        RunReader(Path run, Finding template) throws IOException {
            in = new RunIo.In(run);
            t = template;
        }

        private String symbol() throws IOException {
            int id = in.varInt();
            if (id > 0) {
                return symbols.get(id - 1);
            }
            String s = in.string();
            if (symbols.size() < RunWriter.MAX_SYMBOLS) {
                symbols.add(s);
            }
            return s;
        }

        /** The next entry, or null at the end of the run. */
        Finding read() throws IOException {
            if (in.atEnd()) {
                return null;
            }
            String type = symbol();
            String hash = in.string();
            String field = symbol();
            String category = symbol();
            String risk = symbol();
            int c = in.varInt();
            double confidence;
            if (c > 0) {
                confidence = confidences.get(c - 1);
            } else {
                confidence = in.doubleValue();
                if (confidences.size() < RunWriter.MAX_SYMBOLS) {
                    confidences.add(confidence);
                }
            }
            String masked = symbol();
            int na = in.varInt();
            List<String> aliases = new ArrayList<>(na);
            for (int i = 0; i < na; i++) {
                aliases.add(in.string());
            }
            int count = in.varInt();
            int nl = in.varInt();
            List<String> records;
            int[] nums = null;
            if (nl > 0) {
                nums = new int[nl - 1];
                int prev = 0;
                for (int i = 0; i < nums.length; i++) {
                    prev += in.varInt();
                    nums[i] = prev;
                }
                records = new LineRecords(t.cid(), nums, nums.length);
            } else {
                int nr = in.varInt();
                records = new ArrayList<>(nr);
                for (int i = 0; i < nr; i++) {
                    records.add(in.string());
                }
            }
            String lines = in.varInt() == 1 ? be.inzage.inventory.LineSet.encode(nums) : in.string();
            String rows = in.string();
            long first = in.varLong();
            long last = first + in.varLong();
            return new Finding(t.sourceId(), t.source(), t.kind(), t.container(), t.part(), field.equals("\0") ? null : field,
                    type, category, risk, confidence, masked, hash, aliases, lines, count, records, t.cid(), 0, rows, first, last);
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
