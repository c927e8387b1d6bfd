package be.inzage.scan;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

import java.util.concurrent.TimeUnit;

/**
 * How crawlers talk to the inventory writer: asynchronously from an event loop, blocking from a worker.
 * Findings are the exception: an extraction worker adds them to the IndexWriter itself, because
 * Lucene indexes on every thread that calls it (one in-memory segment per thread) and a single
 * writer thread was the bottleneck of database and log scans. A file's state is written the same
 * way, after its findings. What must follow everything else (a table's state, the end-of-scan drop
 * and commit) still goes through the writer verticle.
 */
final class WriterClient {

    private static final DeliveryOptions WRITE = new DeliveryOptions().setSendTimeout(TimeUnit.MINUTES.toMillis(10));

    private final Vertx vertx;
    private final be.inzage.inventory.InventoryIndex index;

    WriterClient(Vertx vertx, be.inzage.inventory.InventoryIndex index) {
        this.vertx = vertx;
        this.index = index;
    }

    Future<Message<Object>> send(WriterCommand c) {
        return vertx.eventBus().request(InventoryWriterVerticle.ADDRESS, c, WRITE);
    }

    /**
     * On an extraction worker: indexes a container's batch of findings on this thread and returns
     * when it is in. That wait is the backpressure. {@code first}: the batch replaces what the container held.
     */
    void replace(String cid, java.util.List<be.inzage.inventory.Finding> batch, long scan, boolean first) {
        try {
            index.replace(cid, batch, scan, first);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("inventory write failed: " + e.getClass().getSimpleName());
        }
    }

    /** The same for a container's first batch, with the record sets its findings' lines are read from and the line times. */
    void replace(String cid, java.util.List<be.inzage.inventory.Finding> batch, long scan,
            java.util.List<be.inzage.inventory.SetLines.Block> sets, be.inzage.inventory.LineTimes times) {
        try {
            index.replace(cid, batch, scan, true, sets, times);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("inventory write failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * On an extraction worker, once the item's findings are in: remembers its state on this thread
     * (a round trip to the writer verticle cost ~2 ms per file, a fifth of a document scan's wall time).
     */
    void remember(String itemId, String sourceId, be.inzage.inventory.InventoryIndex.ItemState state, long scan) {
        remember(itemId, sourceId, state, scan, null);
    }

    /** @param resume where a later read of the item may carry on from, or null */
    void remember(String itemId, String sourceId, be.inzage.inventory.InventoryIndex.ItemState state, long scan,
            be.inzage.inventory.InventoryIndex.Resume resume) {
        remember(itemId, sourceId, state, scan, resume, null, null);
    }

    /** @param path the file's path and {@code head} its first 64 KB's digest, to find it again when it moves (or null) */
    void remember(String itemId, String sourceId, be.inzage.inventory.InventoryIndex.ItemState state, long scan,
            be.inzage.inventory.InventoryIndex.Resume resume, String path, String head) {
        try {
            index.remember(itemId, sourceId, state, scan, resume, path, head);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("inventory write failed: " + e.getClass().getSimpleName());
        }
    }
}
