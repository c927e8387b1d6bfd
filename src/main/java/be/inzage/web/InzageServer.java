package be.inzage.web;

import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.inventory.KeyedHasher;
import be.inzage.scan.ScanEngine;
import be.inzage.serve.ScanRuns;
import be.inzage.serve.Scheduler;
import be.inzage.serve.ServerConfig;
import be.inzage.serve.ServerMetrics;
import be.inzage.serve.TokenStore;
import be.inzage.subject.AuditLog;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;

/**
 * The whole server in one object: Vert.x with metrics, the scan engine (the index's one writer),
 * scan runs and their schedule, the HTTP verticle. Used by `serve` and by the tests.
 */
public final class InzageServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InzageServer.class);
    /** How long a shutdown lets a running scan finish before leaving it to be restarted. */
    static final long SHUTDOWN_GRACE_MILLIS = Long.getLong("inzage.shutdownGraceMillis", 20_000L);

    private final Vertx vertx;
    private final ServerContext context;
    private final WebServer web;
    private final long ticker;
    private boolean closed;

    private InzageServer(Vertx vertx, ServerContext context, WebServer web, long ticker) {
        this.vertx = vertx;
        this.context = context;
        this.web = web;
        this.ticker = ticker;
    }

    /**
     * Starts everything; with {@code tickEverySecond} false the schedule only moves when a test
     * calls {@link Scheduler#tick(java.time.Instant)}.
     */
    public static InzageServer start(ServerConfig config, DataDir data, Rulebook rules, String host, int port, Clock clock,
            boolean tickEverySecond) throws IOException {
        ServerMetrics metrics = new ServerMetrics();
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(metrics.registry()))
                .build();
        try {
            KeyedHasher hasher = KeyedHasher.open(config.hmacKey() != null ? config.hmacKey() : data.keyFile());
            ScanEngine engine = ScanEngine.open(vertx, data, rules, hasher);
            ScanRuns runs = new ScanRuns(vertx, engine, config, data, metrics);
            Scheduler scheduler = new Scheduler(config, runs, clock);
            ServerContext ctx = new ServerContext(config, data, engine, runs, scheduler, new TokenStore(data.root()),
                    new AuditLog(data.root()), metrics);
            WebServer web = new WebServer(ctx, host, port);
            vertx.deployVerticle(web).await();
            int restarted = runs.recover().size();
            if (restarted > 0) {
                LOG.info("{} interrupted run(s) queued again", restarted);
            }
            long ticker = tickEverySecond ? vertx.setPeriodic(1000, t -> scheduler.tick()) : -1;
            web.ready(true);
            return new InzageServer(vertx, ctx, web, ticker);
        } catch (IOException | RuntimeException e) {
            vertx.close().await();
            throw e;
        }
    }

    public int port() {
        return web.actualPort();
    }

    public ScanRuns runs() {
        return context.runs();
    }

    public Scheduler scheduler() {
        return context.scheduler();
    }

    public TokenStore tokens() {
        return context.tokens();
    }

    public Vertx vertx() {
        return vertx;
    }

    /** Graceful: not ready, no new runs, the running scan gets a grace period, the index is committed and closed. */
    @Override
    public void close() throws IOException {
        close(SHUTDOWN_GRACE_MILLIS);
    }

    /** As {@link #close()}, with the time the running scan may take to finish. */
    public synchronized void close(long graceMillis) throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        web.ready(false);
        if (ticker >= 0) {
            vertx.cancelTimer(ticker);
        }
        try {
            context.runs().stop(graceMillis).await();
            context.engine().close();
        } finally {
            vertx.close().await();
        }
    }
}
