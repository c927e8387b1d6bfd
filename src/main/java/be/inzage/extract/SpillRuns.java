package be.inzage.extract;

import be.inzage.inventory.Finding;

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
     * Windows are sorted and written off the reading thread: on a 1 GB log that was 45 % of the
     * reading thread's time, while the other core sat idle until the merge (bench/README.md).
     */
    private static final java.util.concurrent.ExecutorService WRITERS = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "inzage-spill");
        t.setDaemon(true);
        return t;
    });

    private final List<Path> runs = new ArrayList<>();
    /** The window being written, if any: at most one, so memory holds two windows at most. */
    private java.util.concurrent.Future<?> pending;

    boolean isEmpty() {
        return runs.isEmpty();
    }

    /** Writes one window, sorted, on a spill thread; waits first for the window before it. */
    void spill(java.util.function.Supplier<List<Finding>> window) {
        await();
        Path run;
        try {
            run = Files.createTempFile("inzage-spill-", ".run");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run.toFile().deleteOnExit();
        runs.add(run); // in window order, whenever each is written: the merge relies on it
        pending = WRITERS.submit(() -> {
            List<Finding> w = window.get();
            w.sort(KEY);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
                for (Finding f : w) {
                    write(out, f);
                }
            }
            return null;
        });
    }

    /** Waits for the window being written; its failure is the caller's (the item fails, the scan goes on). */
    private void await() {
        java.util.concurrent.Future<?> p = pending;
        pending = null;
        if (p == null) {
            return;
        }
        try {
            p.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a spill run", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        }
    }

    /** Merges the runs; {@code template} gives the item's own fields (source, container, cid). */
    void merge(Finding template, int maxRecords, Consumer<Finding> out) {
        await();
        record Head(Finding f, DataInputStream in, int run) {
        }
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::f, KEY).thenComparingInt(Head::run));
        List<DataInputStream> ins = new ArrayList<>();
        try {
            for (int i = 0; i < runs.size(); i++) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(runs.get(i)), 1 << 16));
                ins.add(in);
                Finding f = read(in, template);
                if (f != null) {
                    heads.add(new Head(f, in, i));
                }
            }
            Finding acc = null;
            while (!heads.isEmpty()) {
                Head h = heads.poll();
                acc = acc != null && KEY.compare(acc, h.f()) == 0 ? combine(acc, h.f(), maxRecords) : flushAndStart(acc, h.f(), out);
                Finding next = read(h.in(), template);
                if (next != null) {
                    heads.add(new Head(next, h.in(), h.run()));
                }
            }
            if (acc != null) {
                out.accept(acc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (DataInputStream in : ins) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // deleted next
                }
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
        List<String> records = new ArrayList<>(a.records());
        for (String r : b.records()) {
            if (records.size() >= maxRecords) {
                break;
            }
            if (records.isEmpty() || !records.get(records.size() - 1).equals(r)) {
                records.add(r);
            }
        }
        String rows = a.rows().isEmpty() ? b.rows() : b.rows().isEmpty() ? a.rows()
                : a.rows().substring(0, a.rows().length() - 1) + "," + b.rows().substring(1);
        long first = a.firstSeen() == 0 ? b.firstSeen() : b.firstSeen() == 0 ? a.firstSeen() : Math.min(a.firstSeen(), b.firstSeen());
        return new Finding(a.sourceId(), a.source(), a.kind(), a.container(), a.part(), a.field(), a.type(), a.category(), a.risk(),
                Math.max(a.confidence(), b.confidence()), a.masked(), a.hash(), a.aliases(), lines, a.count() + b.count(), records,
                a.cid(), 0, rows, first, Math.max(a.lastSeen(), b.lastSeen()));
    }

    private static void write(DataOutputStream out, Finding f) throws IOException {
        out.writeUTF(f.type());
        out.writeUTF(f.hash());
        out.writeUTF(f.field() == null ? "\0" : f.field());
        out.writeUTF(f.category());
        out.writeUTF(f.risk());
        out.writeDouble(f.confidence());
        out.writeUTF(f.masked());
        out.writeInt(f.aliases().size());
        for (String a : f.aliases()) {
            out.writeUTF(a);
        }
        writeLong(out, f.lines());
        out.writeInt(f.count());
        // records that are lines of the item ("cid:42", every log line) as numbers: as strings they were a
        // third of the time spent reading a big log
        String own = f.cid() + ':';
        List<String> others = new ArrayList<>();
        int[] nums = new int[f.records().size()];
        int k = 0;
        for (String r : f.records()) {
            int n = r.startsWith(own) ? number(r, own.length()) : -1;
            if (n >= 0) {
                nums[k++] = n;
            } else {
                others.add(r);
            }
        }
        writeVarInt(out, k);
        for (int i = 0; i < k; i++) {
            writeVarInt(out, nums[i]);
        }
        writeVarInt(out, others.size());
        for (String r : others) {
            out.writeUTF(r);
        }
        writeLong(out, f.rows());
        out.writeLong(f.firstSeen());
        out.writeLong(f.lastSeen());
    }

    private static Finding read(DataInputStream in, Finding t) throws IOException {
        String type;
        try {
            type = in.readUTF();
        } catch (EOFException end) {
            return null;
        }
        String hash = in.readUTF();
        String field = in.readUTF();
        String category = in.readUTF();
        String risk = in.readUTF();
        double confidence = in.readDouble();
        String masked = in.readUTF();
        int na = in.readInt();
        List<String> aliases = new ArrayList<>(na);
        for (int i = 0; i < na; i++) {
            aliases.add(in.readUTF());
        }
        String lines = readLong(in);
        int count = in.readInt();
        int nl = readVarInt(in);
        List<String> records = new ArrayList<>(nl + 1);
        String own = t.cid() + ':';
        for (int i = 0; i < nl; i++) {
            records.add(own + readVarInt(in));
        }
        int nr = readVarInt(in);
        for (int i = 0; i < nr; i++) {
            records.add(in.readUTF());
        }
        String rows = readLong(in);
        long first = in.readLong();
        long last = in.readLong();
        return new Finding(t.sourceId(), t.source(), t.kind(), t.container(), t.part(), field.equals("\0") ? null : field, type,
                category, risk, confidence, masked, hash, aliases, lines, count, records, t.cid(), 0, rows, first, last);
    }

    /** The number after a record's "cid:", or -1 when it is not a plain line number. */
    private static int number(String r, int from) {
        int len = r.length() - from;
        if (len < 1 || len > 9) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
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
