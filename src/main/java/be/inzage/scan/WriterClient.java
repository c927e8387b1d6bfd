package be.inzage.scan;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** How crawlers talk to the single inventory writer: asynchronously from an event loop, blocking from a worker. */
final class WriterClient {

    private static final DeliveryOptions WRITE = new DeliveryOptions().setSendTimeout(TimeUnit.MINUTES.toMillis(10));

    private final Vertx vertx;

    WriterClient(Vertx vertx) {
        this.vertx = vertx;
    }

    Future<Message<Object>> send(WriterCommand c) {
        return vertx.eventBus().request(InventoryWriterVerticle.ADDRESS, c, WRITE);
    }

    /** On an extraction worker: waits until the writer has it. That wait is the backpressure. */
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
