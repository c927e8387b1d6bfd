package be.inzage.scan;

import be.inzage.inventory.InventoryIndex;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the Lucene IndexWriter. Deployed as a worker verticle with one instance, so
 * every write is serialised on it and never touches an event loop.
 */
public final class InventoryWriterVerticle extends VerticleBase {

    public static final String ADDRESS = "inzage.inventory.write";
    private static final Logger LOG = LoggerFactory.getLogger(InventoryWriterVerticle.class);

    private final InventoryIndex index;
    private static final boolean STATS = Boolean.getBoolean("inzage.stats");
    private MessageConsumer<WriterCommand> consumer;

    public InventoryWriterVerticle(InventoryIndex index) {
        this.index = index;
    }

    @Override
    public Future<?> start() {
        consumer = vertx.eventBus().consumer(ADDRESS, this::handle);
        return consumer.completion();
    }

    private void handle(Message<WriterCommand> msg) {
        try {
            WriterCommand c = msg.body();
            if (c instanceof WriterCommand.Remember m) {
                index.remember(m.itemId(), m.sourceId(), new InventoryIndex.ItemState(m.size(), m.modified(), m.rules()), m.scan());
            } else if (c instanceof WriterCommand.Finish f) {
                long t1 = System.nanoTime();
                if (f.complete()) {
                    index.dropStale(f.sourceId(), f.scan()); // opens a reader: writes out the indexing buffers first
                }
                long t2 = System.nanoTime();
                index.commit();
                if (STATS) {
                    // for bench/: where the end of a scan goes
                    System.err.printf("end_of_scan drop_s=%.3f commit_s=%.3f%n", (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9);
                }
            }
            msg.reply(null);
        } catch (Exception e) {
            LOG.error("inventory write failed: {}", e.getClass().getSimpleName());
            msg.fail(500, "inventory write failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public Future<?> stop() {
        return consumer == null ? Future.succeededFuture() : consumer.unregister();
    }
}
