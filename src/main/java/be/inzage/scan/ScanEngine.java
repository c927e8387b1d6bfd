package be.inzage.scan;

import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.inventory.InventoryIndex;
import be.inzage.inventory.KeyedHasher;
import be.inzage.source.SourceUri;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;

/**
 * The inventory writer and the crawlers on one Vert.x instance: opened once by the CLI's `scan`
 * or by the server, then asked for one scan at a time. The index is the single Lucene writer, so
 * searches made while scans run see every commit (near-real-time readers).
 */
public final class ScanEngine {

    private final Vertx vertx;
    private final DataDir data;
    private final Rulebook rules;
    private final KeyedHasher hasher;
    private final InventoryIndex index;
    private final String writerDeployment;

    private ScanEngine(Vertx vertx, DataDir data, Rulebook rules, KeyedHasher hasher, InventoryIndex index, String writer) {
        this.vertx = vertx;
        this.data = data;
        this.rules = rules;
        this.hasher = hasher;
        this.index = index;
        this.writerDeployment = writer;
    }

    /** Opens the index for writing and deploys the writer verticle; call from a non-event-loop thread. */
    public static ScanEngine open(Vertx vertx, DataDir data, Rulebook rules, KeyedHasher hasher) throws IOException {
        InventoryIndex index = InventoryIndex.openWriter(data.index());
        try {
            // after the index: its write lock says no other scan uses this data directory, so runs left here are a crash's
            be.inzage.extract.FindingCollector.prepareSpillDirectory(data.spill());
        } catch (IOException e) {
            index.close();
            throw e;
        }
        registerCodecs(vertx);
        String id = vertx.deployVerticle(new InventoryWriterVerticle(index),
                new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)).await();
        return new ScanEngine(vertx, data, rules, hasher, index, id);
    }

    private static void registerCodecs(Vertx vertx) {
        var bus = vertx.eventBus();
        bus.registerDefaultCodec(WriterCommand.Remember.class, new LocalCodec<>(WriterCommand.Remember.class));
        bus.registerDefaultCodec(WriterCommand.Finish.class, new LocalCodec<>(WriterCommand.Finish.class));
    }

    public InventoryIndex index() {
        return index;
    }

    public Rulebook rules() {
        return rules;
    }

    public KeyedHasher hasher() {
        return hasher;
    }

    /** Scans one source; the summary is also saved under the data directory's scans/ folder. */
    public Future<ScanSummary> scan(SourceUri s, ScanProgress progress) {
        ScanJob job = new ScanJob(s.display(), s.id(), s.path(), System.currentTimeMillis(), progress,
                s.kind() == SourceUri.Kind.LOG ? be.inzage.extract.LogFormat.parse(s.param("format")) : be.inzage.extract.LogFormat.AUTO,
                data.spill(), s.glob());
        Promise<ScanSummary> done = Promise.promise();
        Deployable crawler;
        try {
            crawler = switch (s.kind()) {
                case FILE, LOG -> new FileShareCrawler(job, rules, hasher, index, done);
                case POSTGRES -> new DatabaseCrawler(job, new SqlDialect.Postgres(ScanRunner.postgres(s)), DbOptions.of(s), rules,
                        hasher, index, done);
                case MYSQL -> new DatabaseCrawler(job, new SqlDialect.MySql(ScanRunner.mysql(s)), DbOptions.of(s), rules, hasher,
                        index, done);
            };
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        progress.started();
        // the crawler is undeployed before the result is passed on, so closing Vert.x right after never races it
        return vertx.deployVerticle(crawler).compose(id -> done.future()
                .transform(ar -> vertx.undeploy(id).transform(u -> ar.succeeded()
                        ? Future.succeededFuture(ar.result()) : Future.<ScanSummary>failedFuture(ar.cause()))))
                .compose(summary -> vertx.executeBlocking(() -> {
                    summary.inventoryFindings(index.count(job.sourceId()));
                    return summary;
                }, false))
                .compose(summary -> save(job, summary).map(summary));
    }

    private Future<Void> save(ScanJob job, ScanSummary summary) {
        String file = data.scans().resolve(job.scan() + ".json").toString();
        return vertx.fileSystem().mkdirs(data.scans().toString())
                .compose(v -> vertx.fileSystem().writeFile(file, Buffer.buffer(summary.toJson().encodePrettily())));
    }

    /** Undeploys the writer (which commits) and closes the index. */
    public void close() throws IOException {
        try {
            vertx.undeploy(writerDeployment).await();
        } finally {
            index.close();
        }
    }
}
