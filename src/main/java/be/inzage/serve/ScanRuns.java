package be.inzage.serve;

import be.inzage.config.DataDir;
import be.inzage.scan.ScanEngine;
import be.inzage.scan.ScanProgress;
import be.inzage.scan.ScanSummary;
import be.inzage.source.SourceUri;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Scan runs of the server: a queue served one run at a time (the inventory has one writer and
 * the machine few cores), at most one queued or running run per source, every state change
 * saved under DATA/runs/ so history survives a restart and a run cut short by a shutdown or a
 * crash is marked "interrupted" and started again on the next start.
 */
public final class ScanRuns {

    private static final Logger LOG = LoggerFactory.getLogger(ScanRuns.class);
    static final int HISTORY = 200;

    /** Refused: a run of the same source is already queued or running. */
    public static final class AlreadyActive extends RuntimeException {
        final String runId;

        AlreadyActive(String runId) {
            super("a run of this source is already queued or running");
            this.runId = runId;
        }

        public String runId() {
            return runId;
        }
    }

    /** Refused: too many runs waiting. */
    public static final class QueueFull extends RuntimeException {
        QueueFull(int max) {
            super("the scan queue is full (" + max + " runs waiting)");
        }
    }

    /** One run of one source. Mutated under the ScanRuns lock; read by the API at any time. */
    public static final class Run {
        final String id;
        final String source;
        final String uri;
        final String trigger;
        final Instant queuedAt;
        final ScanProgress progress = new ScanProgress();
        volatile String state = "queued";
        volatile Instant startedAt;
        volatile Instant finishedAt;
        volatile JsonObject summary;
        volatile String error;
        /** Cut short by a graceful shutdown: started again at the next start. */
        volatile boolean restartPending;
        /** The URI as given, password included, for an ad-hoc run; never saved or shown. */
        String givenUri;

        Run(String id, String source, String uri, String trigger, Instant queuedAt) {
            this.id = id;
            this.source = source;
            this.uri = uri;
            this.trigger = trigger;
            this.queuedAt = queuedAt;
        }

        public String id() {
            return id;
        }

        public String state() {
            return state;
        }

        public String source() {
            return source;
        }

        public boolean active() {
            return state.equals("queued") || state.equals("running");
        }

        public JsonObject toJson() {
            JsonObject j = new JsonObject().put("id", id).put("source", source).put("uri", uri).put("trigger", trigger)
                    .put("state", state).put("queuedAt", queuedAt.toString())
                    .put("startedAt", startedAt == null ? null : startedAt.toString())
                    .put("finishedAt", finishedAt == null ? null : finishedAt.toString())
                    .put("error", error);
            if (restartPending) {
                j.put("restartPending", true);
            }
            JsonObject s = summary;
            if (s != null) {
                JsonObject items = s.getJsonObject("items", new JsonObject());
                long done = items.getLong("seen", 0L);
                j.put("progress", new JsonObject().put("itemsSeen", done).put("itemsDone", done).put("walkDone", true)
                        .put("findings", s.getLong("findings", 0L)).put("errors", items.getLong("failed", 0L))
                        .put("percent", 100.0).put("ratePerSecond", s.getDouble("seconds", 0.0) > 0
                                ? Math.round(10 * done / s.getDouble("seconds")) / 10.0 : 0.0).put("etaSeconds", 0));
                j.put("errors", s.getJsonArray("failedItems", new JsonArray()));
                j.put("completeness", s.getDouble("completeness"));
                j.put("summary", s);
            } else {
                j.put("progress", state.equals("queued") ? new JsonObject().put("itemsSeen", 0).put("itemsDone", 0)
                        .put("walkDone", false).put("findings", 0).put("errors", 0).put("percent", 0.0)
                        .put("ratePerSecond", 0.0).putNull("etaSeconds") : progress.toJson(false));
                j.put("errors", new JsonArray());
                j.putNull("completeness");
                j.putNull("summary");
            }
            return j;
        }

        static Run fromJson(JsonObject j) {
            Run r = new Run(j.getString("id"), j.getString("source"), j.getString("uri"), j.getString("trigger"),
                    Instant.parse(j.getString("queuedAt")));
            r.state = j.getString("state");
            r.startedAt = j.getString("startedAt") == null ? null : Instant.parse(j.getString("startedAt"));
            r.finishedAt = j.getString("finishedAt") == null ? null : Instant.parse(j.getString("finishedAt"));
            r.summary = j.getJsonObject("summary");
            r.error = j.getString("error");
            r.restartPending = j.getBoolean("restartPending", false);
            return r;
        }
    }

    private final Vertx vertx;
    private final ScanEngine engine;
    private final ServerConfig config;
    private final Path dir;
    private final ServerMetrics metrics;
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final io.vertx.core.WorkerExecutor writes;
    private final Deque<Run> queue = new ArrayDeque<>();
    private Run running;
    private Promise<Void> idle;
    private boolean stopping;

    public ScanRuns(Vertx vertx, ScanEngine engine, ServerConfig config, DataDir data, ServerMetrics metrics) {
        this.vertx = vertx;
        this.engine = engine;
        this.config = config;
        this.dir = data.root().resolve("runs");
        this.metrics = metrics;
        this.writes = vertx.createSharedWorkerExecutor("inzage-run-records", 1);
    }

    /**
     * Loads the history; runs left queued or running by a shutdown or a crash are marked
     * interrupted and queued again. Blocking file I/O: call before serving.
     */
    public synchronized List<Run> recover() throws IOException {
        List<Run> restarted = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return restarted;
        }
        List<Run> loaded = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                try {
                    loaded.add(Run.fromJson(new JsonObject(Files.readString(p))));
                } catch (RuntimeException e) {
                    LOG.warn("run record {} is unreadable and was left alone", p.getFileName());
                }
            }
        }
        loaded.sort(Comparator.comparing(r -> r.queuedAt));
        for (Run r : loaded) {
            runs.put(r.id, r);
            if (r.active() || r.restartPending) {
                if (r.active()) {
                    r.state = "interrupted";
                    r.error = "interrupted by a shutdown or a crash; restarted";
                    r.finishedAt = Instant.now();
                }
                r.restartPending = false;
                Files.writeString(dir.resolve(r.id + ".json"), r.toJson().encodePrettily());
                restarted.add(r);
            }
        }
        trim();
        List<Run> again = new ArrayList<>();
        for (Run r : restarted) {
            if (r.source.contains("://") || r.source.startsWith("/") || config.source(r.source) != null) {
                try {
                    again.add(submit(r.source, "restart"));
                } catch (RuntimeException e) {
                    LOG.warn("interrupted run {} could not be restarted: {}", r.id, e.getMessage());
                }
            }
        }
        return again;
    }

    /**
     * Queues a run of a configured source (by name) or of a source URI.
     * @throws SourceUri.BadSource when it is neither
     */
    public synchronized Run submit(String sourceOrUri, String trigger) {
        if (stopping) {
            throw new QueueFull(0);
        }
        ServerConfig.SourceConfig configured = config.source(sourceOrUri);
        String uri = configured != null ? configured.uri() : sourceOrUri;
        String key = configured != null ? configured.name() : SourceUri.parse(uri).display();
        for (Run r : runs.values()) {
            if (r.active() && r.source.equals(key)) {
                throw new AlreadyActive(r.id);
            }
        }
        if (queue.size() >= config.scan().maxQueued()) {
            throw new QueueFull(config.scan().maxQueued());
        }
        String display = configured != null ? configured.display() : key;
        Run run = new Run(UUID.randomUUID().toString(), key, display, trigger, Instant.now());
        run.givenUri = configured == null ? uri : null;
        runs.put(run.id, run);
        queue.add(run);
        save(run);
        trim();
        vertx.runOnContext(v -> next());
        return run;
    }

    private synchronized void next() {
        if (running != null) {
            return;
        }
        Run run = stopping ? null : queue.poll();
        if (run == null) {
            if (idle != null) {
                idle.tryComplete();
            }
            return;
        }
        running = run;
        run.state = "running";
        run.startedAt = Instant.now();
        save(run);
        metrics.runStarted();
        ServerConfig.SourceConfig configured = config.source(run.source);
        String uri = configured != null ? configured.uri() : run.givenUri != null ? run.givenUri : run.source;
        Future<ScanSummary> f;
        try {
            f = engine.scan(SourceUri.parse(uri), run.progress);
        } catch (RuntimeException e) {
            f = Future.failedFuture(e);
        }
        f.onComplete(ar -> finished(run, ar.succeeded() ? ar.result() : null, ar.cause()));
    }

    private synchronized void finished(Run run, ScanSummary summary, Throwable failure) {
        run.finishedAt = Instant.now();
        if (summary != null) {
            run.summary = summary.toJson();
            run.state = "completed";
            metrics.runEnded(run.source, "completed", summary);
        } else if (stopping) {
            // the JVM is going down under the scan: not a failure of the source, so run it again next time
            run.state = "interrupted";
            run.error = "interrupted by a shutdown; restarted at the next start";
            run.restartPending = true;
            metrics.runEnded(run.source, "interrupted", null);
        } else {
            run.state = "failed";
            run.error = failure instanceof SourceUri.BadSource || failure instanceof IllegalArgumentException
                    ? failure.getMessage() : failure == null ? "unknown failure"
                    : run.uri.startsWith("postgres") || run.uri.startsWith("mysql") ? be.inzage.scan.SqlDialect.reason(failure)
                    : "scan failed (" + failure.getClass().getSimpleName() + ")";
            metrics.runEnded(run.source, "failed", null);
            LOG.warn("scan run {} of {} failed: {}", run.id, run.source, run.error);
        }
        save(run);
        running = null;
        vertx.runOnContext(v -> next());
        if (stopping && idle != null) {
            idle.tryComplete();
        }
    }

    /**
     * Saves the run as it is now. Writes go through one ordered worker thread, so they land in the
     * order the states changed and never on the event loop.
     */
    private void save(Run run) {
        Path file = dir.resolve(run.id + ".json");
        String body = run.toJson().encodePrettily();
        writes.executeBlocking(() -> {
            Files.createDirectories(dir);
            Files.writeString(file, body);
            return null;
        }, true).onFailure(e -> LOG.error("cannot save run {}: {}", run.id, e.getClass().getSimpleName()));
    }

    /** Completes once every save asked for so far has been written. */
    private Future<Void> flushed() {
        return writes.executeBlocking(() -> null, true).mapEmpty();
    }

    /** Keeps the newest runs in memory; older records stay on disk. */
    private void trim() {
        while (runs.size() > HISTORY) {
            String oldest = runs.keySet().iterator().next();
            if (runs.get(oldest).active()) {
                break;
            }
            runs.remove(oldest);
        }
    }

    public synchronized Run get(String id) {
        return runs.get(id);
    }

    /** Newest first. */
    public synchronized List<Run> recent() {
        List<Run> l = new ArrayList<>(runs.values());
        java.util.Collections.reverse(l);
        return l;
    }

    public synchronized Run last(String source) {
        Run last = null;
        for (Run r : runs.values()) {
            if (r.source.equals(source)) {
                last = r;
            }
        }
        return last;
    }

    public synchronized Run active(String source) {
        for (Run r : runs.values()) {
            if (r.active() && r.source.equals(source)) {
                return r;
            }
        }
        return null;
    }

    public synchronized boolean busy() {
        return running != null;
    }

    /**
     * Graceful stop: no new runs; the running one may finish within {@code graceMillis}. What is
     * still queued or running stays so on disk and is restarted on the next start.
     */
    public Future<Void> stop(long graceMillis) {
        Promise<Void> p;
        synchronized (this) {
            stopping = true;
            // what is still queued is started again at the next start
            for (Run q : queue) {
                q.state = "interrupted";
                q.error = "not started before a shutdown; restarted at the next start";
                q.restartPending = true;
                q.finishedAt = Instant.now();
                save(q);
            }
            queue.clear();
            if (running == null) {
                return flushed();
            }
            idle = Promise.promise();
            p = idle;
        }
        long timer = vertx.setTimer(Math.max(1, graceMillis), t -> p.tryComplete());
        return p.future().andThen(ar -> vertx.cancelTimer(timer)).compose(v -> flushed());
    }
}
