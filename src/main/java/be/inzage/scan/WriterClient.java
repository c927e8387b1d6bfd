package be.inzage.scan;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How crawlers talk to the inventory writer: asynchronously from an event loop, blocking from a worker.
 * Findings are the exception: an extraction worker adds them to the IndexWriter itself, because
 * Lucene indexes on every thread that calls it (one in-memory segment per thread) and a single
 * writer thread was the bottleneck of database and log scans. What must be ordered (item states,
 * the end-of-scan drop and commit) still goes through the writer verticle.
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

    /** On an extraction worker: waits until the writer has done it. */
    void await(WriterCommand c) {
        try {
            send(c).toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing findings");
        } catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("inventory writer unavailable");
        }
    }
}
