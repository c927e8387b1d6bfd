package be.inzage.extract;

import be.inzage.detect.Detection;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A big item's detections on their way from the reading thread to its collector, in batches, in
 * order. Reading a 1.1 GB log was one thread's work: parsing lines (a third) and aggregating their
 * values (two thirds, mostly the value table's cache misses), while the second core compiled. Here
 * the reading thread parses and records each call, a collecting thread replays them into the
 * collector exactly as they came, so the collector's state (values, record sets, line times) is
 * the same as if it had been called directly. Bounded: {@link #BATCHES} batches in flight.
 */
final class CollectorPipe {

    /** What the collecting thread does with each call. */
    interface Target {
        /**
         * Before a batch is replayed: its detections (null where a call was a time) and fields, so the
         * target can look ahead (work out what it will need and start fetching it from memory).
         */
        void ahead(Detection[] detections, String[] fields, int n);

        /** @param at the call's place in the batch {@link #ahead} saw */
        void add(Detection d, int line, String field, int recordLine, int at);

        /** @param line the log line the time is of, or -1 for a time that applies to what follows only */
        void at(long epochMillis, int line);
    }

    static final int BATCH = 2048;
    static final int BATCHES = 4;

    private static final ExecutorService COLLECTING = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "inzage-collect");
        t.setDaemon(true);
        return t;
    });

    private static final class Batch {
        final Detection[] detections = new Detection[BATCH];
        final String[] fields = new String[BATCH];
        final int[] lines = new int[BATCH];
        final int[] recordLines = new int[BATCH];
        final long[] times = new long[BATCH];
        int n;
        boolean last;
    }

    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES + 1);
    private final BlockingQueue<Batch> empty = new ArrayBlockingQueue<>(BATCHES + 1);
    private final CompletableFuture<Void> done;
    private volatile RuntimeException failure;
    private volatile boolean abandoned;
    private Batch filling;

    CollectorPipe(Target target) {
        for (int i = 0; i < BATCHES; i++) {
            empty.add(new Batch());
        }
        filling = take(empty);
        done = CompletableFuture.runAsync(() -> replay(target), COLLECTING);
    }

    void add(Detection d, int line, String field, int recordLine) {
        // the strings' hashes, which the collector's lookups take, worked out here (a String keeps its
        // hash): the reading thread has time to spare, the collecting thread has not
        d.normalized().hashCode();
        if (field != null) {
            field.hashCode();
        }
        record(d, field, line, recordLine, 0);
    }

    void at(long epochMillis, int line) {
        record(null, null, line, 0, epochMillis); // no detection: a time
    }

    private void record(Detection d, String field, int line, int recordLine, long time) {
        Batch b = filling;
        int i = b.n++;
        b.detections[i] = d;
        b.fields[i] = field;
        b.lines[i] = line;
        b.recordLines[i] = recordLine;
        b.times[i] = time;
        if (b.n == BATCH) {
            handOver(false);
        }
    }

    /** Waits until every call recorded is replayed; rethrows what the collector threw. */
    void close() {
        handOver(true);
        join();
        rethrow();
    }

    /** Drops what is still to be replayed and waits for the collecting thread to stop (the item failed). */
    void abandon() {
        if (filling == null) {
            return; // closed already
        }
        abandoned = true;
        full.clear();
        filling.n = 0;
        filling.last = true;
        put(filling);
        join();
    }

    private void handOver(boolean last) {
        rethrow();
        Batch b = filling;
        b.last = last;
        put(b);
        filling = last ? null : take(empty);
    }

    private void replay(Target target) {
        while (true) {
            Batch b = take(full);
            try {
                if (!abandoned && failure == null) {
                    target.ahead(b.detections, b.fields, b.n);
                    for (int i = 0; i < b.n; i++) {
                        if (b.detections[i] == null) {
                            target.at(b.times[i], b.lines[i]);
                        } else {
                            target.add(b.detections[i], b.lines[i], b.fields[i], b.recordLines[i], i);
                        }
                    }
                }
            } catch (RuntimeException | Error e) {
                failure = e instanceof RuntimeException re ? re : new IllegalStateException(e);
            }
            java.util.Arrays.fill(b.detections, 0, b.n, null);
            java.util.Arrays.fill(b.fields, 0, b.n, null);
            boolean last = b.last;
            b.n = 0;
            b.last = false;
            empty.add(b);
            if (last) {
                return;
            }
        }
    }

    private void rethrow() {
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }

    private void join() {
        try {
            done.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    private static Batch take(BlockingQueue<Batch> q) {
        try {
            return q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing over detections");
        }
    }

    private void put(Batch b) {
        try {
            full.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing over detections");
        }
    }
}
