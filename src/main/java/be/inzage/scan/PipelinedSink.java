package be.inzage.scan;

import be.inzage.extract.FindingSink;
import be.inzage.inventory.Finding;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Hands a collector's later batches to indexing threads, so a big item's merge (or its next rows)
 * and the indexing of what is already merged run at the same time. The first batch of a container
 * is written on the caller's thread, before any other: it deletes what the container held, and a
 * batch added concurrently could be caught by that delete. {@link #drain} waits for the rest.
 */
final class PipelinedSink implements FindingSink {

    /** Batches being indexed at once per sink: bounds the memory held by pending batches. */
    static final int IN_FLIGHT = 2;

    private static final ExecutorService INDEXING = Executors.newFixedThreadPool(FileShareCrawler.EXTRACT_THREADS, r -> {
        Thread t = new Thread(r, "inzage-index");
        t.setDaemon(true);
        return t;
    });

    private final FindingSink target;
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private volatile RuntimeException failure;

    PipelinedSink(FindingSink target) {
        this.target = target;
    }

    @Override
    public void write(String cid, List<Finding> batch, boolean first) {
        if (first) {
            drain();
            target.write(cid, batch, true);
            return;
        }
        rethrow();
        slots.acquireUninterruptibly();
        try {
            INDEXING.execute(() -> {
                try {
                    target.write(cid, batch, false);
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    @Override
    public boolean keepsSets() {
        return target.keepsSets();
    }

    @Override
    public void writeFirst(String cid, List<Finding> batch, List<be.inzage.inventory.SetLines.Block> sets,
            be.inzage.inventory.LineTimes times) {
        drain();
        target.writeFirst(cid, batch, sets, times);
    }

    /** Waits until every batch handed over is indexed; rethrows the first indexing failure. */
    void drain() {
        slots.acquireUninterruptibly(IN_FLIGHT);
        slots.release(IN_FLIGHT);
        rethrow();
    }

    private void rethrow() {
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }
}
