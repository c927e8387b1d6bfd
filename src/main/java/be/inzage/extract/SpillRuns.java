package be.inzage.extract;

import be.inzage.inventory.Finding;
import be.inzage.inventory.LineRecords;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
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

    /** Hash first: hashes of different values differ in their first characters, types repeat. */
    static final Comparator<Finding> KEY = Comparator.comparing(Finding::hash).thenComparing(Finding::type)
            .thenComparing(f -> f.field() == null ? "" : f.field());

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
     * at most this many windows plus the one handed over and the one filling.
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
            w.sort(KEY);
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

    private static Path newRun() {
        try {
            Path run = Files.createTempFile("inzage-spill-", ".run");
            run.toFile().deleteOnExit();
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
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::f, KEY).thenComparingInt(Head::run));
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
                acc = acc != null && KEY.compare(acc, h.f()) == 0 ? combine(acc, h.f(), maxRecords) : flushAndStart(acc, h.f(), out);
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

    /** The same value in two windows: the later window's lines and records follow the earlier's. */
    private static Finding combine(Finding a, Finding b, int maxRecords) {
        String lines = be.inzage.inventory.LineSet.concat(a.lines(), b.lines());
        List<String> records;
        if (a.records() instanceof LineRecords la && b.records() instanceof LineRecords lb) {
            records = la.append(lb, maxRecords);
        } else if (a.records().size() >= maxRecords || b.records().isEmpty()) {
            records = a.records();
        } else {
            records = new ArrayList<>(a.records());
            for (String r : b.records()) {
                if (records.size() >= maxRecords) {
                    break;
                }
                if (records.isEmpty() || !records.get(records.size() - 1).equals(r)) {
                    records.add(r);
                }
            }
        }
        String rows = a.rows().isEmpty() ? b.rows() : b.rows().isEmpty() ? a.rows()
                : a.rows().substring(0, a.rows().length() - 1) + "," + b.rows().substring(1);
        long first = a.firstSeen() == 0 ? b.firstSeen() : b.firstSeen() == 0 ? a.firstSeen() : Math.min(a.firstSeen(), b.firstSeen());
        return new Finding(a.sourceId(), a.source(), a.kind(), a.container(), a.part(), a.field(), a.type(), a.category(), a.risk(),
                Math.max(a.confidence(), b.confidence()), a.masked(), a.hash(), a.aliases(), lines, a.count() + b.count(), records,
                a.cid(), 0, rows, first, Math.max(a.lastSeen(), b.lastSeen()));
    }

    /**
     * Writes one run. Type, field, category and risk repeat on every entry: each is written once
     * in full and then as its number in the run's own table.
     */
    private static final class RunWriter implements Closeable {
        private final DataOutputStream out;
        private final java.util.Map<String, Integer> symbols = new java.util.HashMap<>();

        RunWriter(Path run) throws IOException {
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16));
        }

        private void symbol(String s) throws IOException {
            Integer id = symbols.get(s);
            if (id != null) {
                writeVarInt(out, id + 1);
            } else {
                writeVarInt(out, 0);
                out.writeUTF(s);
                symbols.put(s, symbols.size());
            }
        }

        void write(Finding f) {
            try {
                symbol(f.type());
                out.writeUTF(f.hash());
                symbol(f.field() == null ? "\0" : f.field());
                symbol(f.category());
                symbol(f.risk());
                out.writeDouble(f.confidence());
                out.writeUTF(f.masked());
                writeVarInt(out, f.aliases().size());
                for (String a : f.aliases()) {
                    out.writeUTF(a);
                }
                writeLong(out, f.lines());
                writeVarInt(out, f.count());
                // records that are lines of the item ("cid:42", every log line) as numbers: as strings they were a
                // third of the time spent reading a big log
                if (f.records() instanceof LineRecords lr) {
                    int[] nums = lr.lines();
                    writeVarInt(out, nums.length + 1);
                    int prev = 0;
                    for (int v : nums) {
                        writeVarInt(out, v - prev); // ascending: deltas
                        prev = v;
                    }
                } else {
                    writeVarInt(out, 0);
                    writeVarInt(out, f.records().size());
                    for (String r : f.records()) {
                        out.writeUTF(r);
                    }
                }
                writeLong(out, f.rows());
                out.writeLong(f.firstSeen());
                out.writeLong(f.lastSeen());
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
        private final DataInputStream in;
        private final Finding t;
        private final List<String> symbols = new ArrayList<>();

        RunReader(Path run, Finding template) throws IOException {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
            t = template;
        }

        private String symbol() throws IOException {
            int id = readVarInt(in);
            if (id > 0) {
                return symbols.get(id - 1);
            }
            String s = in.readUTF();
            symbols.add(s);
            return s;
        }

        /** The next entry, or null at the end of the run. */
        Finding read() throws IOException {
            String type;
            try {
                type = symbol();
            } catch (EOFException end) {
                return null;
            }
            String hash = in.readUTF();
            String field = symbol();
            String category = symbol();
            String risk = symbol();
            double confidence = in.readDouble();
            String masked = in.readUTF();
            int na = readVarInt(in);
            List<String> aliases = new ArrayList<>(na);
            for (int i = 0; i < na; i++) {
                aliases.add(in.readUTF());
            }
            String lines = readLong(in);
            int count = readVarInt(in);
            int nl = readVarInt(in);
            List<String> records;
            if (nl > 0) {
                int[] nums = new int[nl - 1];
                int prev = 0;
                for (int i = 0; i < nums.length; i++) {
                    prev += readVarInt(in);
                    nums[i] = prev;
                }
                records = new LineRecords(t.cid(), nums, nums.length);
            } else {
                int nr = readVarInt(in);
                records = new ArrayList<>(nr);
                for (int i = 0; i < nr; i++) {
                    records.add(in.readUTF());
                }
            }
            String rows = readLong(in);
            long first = in.readLong();
            long last = in.readLong();
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

    private static void writeVarInt(DataOutputStream out, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int readVarInt(DataInputStream in) throws IOException {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
    }

    /** writeUTF is limited to 64 KB; line sets of a busy address are longer. */
    private static void writeLong(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLong(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            await();
        } catch (RuntimeException ignored) {
            // already reported by the merge; the files go anyway
        }
        for (Path r : runs) {
            try {
                Files.deleteIfExists(r);
            } catch (IOException ignored) {
                // deleteOnExit is the fallback
            }
        }
        runs.clear();
    }
}
