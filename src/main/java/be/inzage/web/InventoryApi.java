package be.inzage.web;

import be.inzage.classify.Policy;
import be.inzage.inventory.Finding;
import be.inzage.inventory.InventoryIndex;
import be.inzage.serve.Roles;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Coverage (sources x policy categories, history, undeclared types) and the paged findings explorer. */
final class InventoryApi {

    static final int HISTORY_RECORDS = 500;
    static final int MAX_PAGE_SIZE = 500;

    private final ServerContext app;
    private final WorkerExecutor pool;

    InventoryApi(ServerContext app, WorkerExecutor pool) {
        this.app = app;
        this.pool = pool;
    }

    void mount(Router api) {
        api.get("/coverage").handler(ApiAuth.require(Roles.OFFICER)).handler(this::coverage);
        api.get("/findings").handler(ApiAuth.require(Roles.OFFICER)).handler(this::findings);
    }

    private void coverage(RoutingContext ctx) {
        pool.executeBlocking(this::buildCoverage, false).onComplete(ar -> {
            if (ar.succeeded()) {
                Http.json(ctx, 200, ar.result());
            } else {
                ctx.fail(ar.cause());
            }
        });
    }

    JsonObject buildCoverage() throws IOException {
        Policy policy = app.engine().rules().policy();
        InventoryIndex index = app.engine().index();
        List<JsonObject> records = scanRecords();
        Map<String, JsonObject> lastBySource = new LinkedHashMap<>();
        for (JsonObject r : records) {
            lastBySource.put(r.getString("source"), r); // records are oldest first: the last one wins
        }
        Map<String, JsonObject> rows = new LinkedHashMap<>();
        Map<String, Long> undeclared = new TreeMap<>();
        long total = 0;
        for (InventoryIndex.SourceInfo s : index.sources()) {
            JsonObject counts = new JsonObject();
            policy.categories().keySet().forEach(c -> counts.put(c, 0L));
            JsonObject types = new JsonObject();
            for (Map.Entry<String, Integer> t : index.countBy(s.id(), "type").entrySet()) {
                types.put(t.getKey(), t.getValue());
                String cat = policy.knows(t.getKey()) ? policy.type(t.getKey()).category() : "unclassified";
                counts.put(cat, counts.getLong(cat, 0L) + t.getValue());
                total += t.getValue();
                if (!policy.declared(t.getKey())) {
                    undeclared.merge(t.getKey(), (long) t.getValue(), Long::sum);
                }
            }
            JsonObject r = row(s.display(), s.kind(), counts, types, lastBySource.get(s.display()));
            retention(r, s);
            rows.put(s.display(), r);
        }
        // configured sources and scanned sources without findings still belong on the map
        for (JsonObject r : lastBySource.values()) {
            rows.computeIfAbsent(r.getString("source"), d -> {
                JsonObject counts = new JsonObject();
                policy.categories().keySet().forEach(c -> counts.put(c, 0L));
                return row(d, ScanApi.kind(d), counts, new JsonObject(), r);
            });
        }
        for (var s : app.config().sources()) {
            String d = s.display();
            rows.computeIfAbsent(d, k -> {
                JsonObject counts = new JsonObject();
                policy.categories().keySet().forEach(c -> counts.put(c, 0L));
                return row(d, ScanApi.kind(d), counts, new JsonObject(), null);
            });
        }
        JsonArray cats = new JsonArray();
        policy.categories().values().forEach(c -> cats.add(new JsonObject().put("id", c.id()).put("label", c.label())));
        JsonArray und = new JsonArray();
        undeclared.forEach((t, n) -> und.add(new JsonObject().put("type", t)
                .put("category", policy.knows(t) ? policy.type(t).category() : "unclassified").put("count", n)));
        JsonArray history = new JsonArray();
        for (JsonObject r : records) {
            history.add(new JsonObject().put("time", Instant.ofEpochMilli(r.getLong("scan", 0L)).toString())
                    .put("source", r.getString("source"))
                    .put("findings", r.getLong("inventoryFindings", r.getLong("findings", 0L))));
        }
        JsonArray past = new JsonArray();
        for (JsonObject r : rows.values()) {
            JsonObject p = r.getJsonObject("pastRetention");
            if (p != null && p.getLong("findings") != null && p.getLong("findings") > 0) {
                past.add(new JsonObject().put("source", r.getString("source")).put("retention", r.getString("retention"))
                        .put("items", p.getLong("items")).put("findings", p.getLong("findings")).put("oldest", p.getString("oldest")));
            }
        }
        return new JsonObject().put("categories", cats).put("total", total).put("pastRetention", past)
                .put("sources", new JsonArray(new ArrayList<>(rows.values())))
                .put("undeclared", und).put("history", history);
    }

    /**
     * Data kept past the retention configured for the source: items (files, logs) not modified
     * within the period. Databases carry no modification time per row here, so they are not judged.
     */
    private void retention(JsonObject row, InventoryIndex.SourceInfo s) throws IOException {
        var configured = app.config().sources().stream().filter(c -> c.display().equals(s.display())).findFirst();
        if (configured.isEmpty() || configured.get().retention() == null) {
            row.putNull("retention").putNull("pastRetention");
            return;
        }
        java.time.Period p = configured.get().retention();
        row.put("retention", p.toString());
        if (s.kind().equals("db")) {
            row.put("pastRetention", new JsonObject().putNull("items").putNull("findings")
                    .put("note", "rows carry no modification time; not judged"));
            return;
        }
        long cutoff = cutoff(p);
        InventoryIndex.Aged aged = app.engine().index().olderThan(s.id(), cutoff, 100_000);
        // logs: a finding is past retention when the last line holding it is older (its own timestamps),
        // whatever the file's modification time; other files go by the file's modification time
        long findings = s.kind().equals("log") ? Math.max(aged.findings(), app.engine().index().lastSeenBefore(s.id(), cutoff))
                : aged.findings();
        row.put("pastRetention", new JsonObject().put("items", aged.items()).put("findings", findings)
                .put("oldest", aged.items() == 0 ? null : Instant.ofEpochMilli(aged.oldestModified()).toString()));
    }

    static long cutoff(java.time.Period p) {
        return java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).minus(p).toInstant().toEpochMilli();
    }

    /** The configured retention of the source a finding belongs to, or null. */
    static java.time.Period retentionOf(ServerContext app, String sourceDisplay) {
        return app.config().sources().stream().filter(c -> c.retention() != null && c.display().equals(sourceDisplay))
                .map(be.inzage.serve.ServerConfig.SourceConfig::retention).findFirst().orElse(null);
    }

    /** A finding as JSON, flagged when its log timestamps show it is kept past its source's retention. */
    static JsonObject flagged(ServerContext app, Finding f, JsonObject j) {
        if (f.lastSeen() > 0) {
            java.time.Period p = retentionOf(app, f.source());
            if (p != null) {
                j.put("pastRetention", f.lastSeen() < cutoff(p));
            }
        }
        return j;
    }

    private static JsonObject row(String source, String kind, JsonObject counts, JsonObject types, JsonObject last) {
        JsonObject j = new JsonObject().put("source", source).put("kind", kind).put("counts", counts).put("types", types);
        if (last == null) {
            return j.putNull("lastScan").putNull("completeness").put("errors", 0).putNull("state");
        }
        return j.put("lastScan", Instant.ofEpochMilli(last.getLong("scan", 0L)).toString())
                .put("completeness", last.getDouble("completeness"))
                .put("errors", last.getJsonObject("items", new JsonObject()).getLong("failed", 0L))
                .put("state", last.getString("state"));
    }

    /** The newest scan records (CLI and server runs alike), oldest first. */
    private List<JsonObject> scanRecords() throws IOException {
        Path dir = app.data().scans();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("\\d+\\.json"))
                    .sorted(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().replace(".json", ""))))
                    .toList();
        }
        List<JsonObject> out = new ArrayList<>();
        for (Path p : files.subList(Math.max(0, files.size() - HISTORY_RECORDS), files.size())) {
            try {
                out.add(new JsonObject(Files.readString(p)));
            } catch (RuntimeException | IOException e) {
                // a half-written or foreign file does not break the dashboard
            }
        }
        return out;
    }

    private void findings(RoutingContext ctx) {
        String source = param(ctx, "source");
        String category = param(ctx, "category");
        String type = param(ctx, "type");
        Double min = number(ctx, "minConfidence", 0, 1);
        int page = number(ctx, "page", 0, 1_000_000) == null ? 0 : number(ctx, "page", 0, 1_000_000).intValue();
        int size = number(ctx, "size", 1, MAX_PAGE_SIZE) == null ? 50 : number(ctx, "size", 1, MAX_PAGE_SIZE).intValue();
        pool.executeBlocking(() -> {
            InventoryIndex index = app.engine().index();
            String sourceId = null;
            if (source != null) {
                sourceId = index.sources().stream().filter(s -> s.display().equals(source) || s.id().equals(source))
                        .map(InventoryIndex.SourceInfo::id).findFirst().orElse("-none-");
            }
            InventoryIndex.Page p = index.page(sourceId, category, type, min, page, size);
            JsonArray out = new JsonArray();
            for (Finding f : p.findings()) {
                out.add(flagged(app, f, f.toJson()));
            }
            return new JsonObject().put("total", p.total()).put("page", page).put("size", size).put("findings", out);
        }, false).onComplete(ar -> {
            if (ar.succeeded()) {
                Http.json(ctx, 200, ar.result());
            } else {
                ctx.fail(ar.cause());
            }
        });
    }

    private static String param(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (v.length() > 2048) {
            throw new Http.BadRequest("query parameter '" + name + "' is too long");
        }
        return v;
    }

    private static Double number(RoutingContext ctx, String name, double min, double max) {
        String v = param(ctx, name);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d) || d < min || d > max) {
                throw new Http.BadRequest("query parameter '" + name + "' must be between " + fmt(min) + " and " + fmt(max));
            }
            return d;
        } catch (NumberFormatException e) {
            throw new Http.BadRequest("query parameter '" + name + "' must be a number");
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
