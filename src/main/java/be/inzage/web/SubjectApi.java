package be.inzage.web;

import be.inzage.serve.Roles;
import be.inzage.subject.IdentifierNormalizer;
import be.inzage.subject.LiveReader;
import be.inzage.subject.SubjectHit;
import be.inzage.subject.SubjectReports;
import be.inzage.subject.SubjectSearch;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Subject search and the access report / erasure plan; every call is audited (types and counts, never values). */
final class SubjectApi {

    private final ServerContext app;
    private final WorkerExecutor pool;
    private final IdentifierNormalizer normalizer;

    SubjectApi(ServerContext app, WorkerExecutor pool) {
        this.app = app;
        this.pool = pool;
        this.normalizer = new IdentifierNormalizer(app.engine().rules().engine());
    }

    void mount(Router api) {
        api.post("/subjects/search").handler(ApiAuth.require(Roles.OFFICER)).handler(this::search);
        api.post("/subjects/report").handler(ApiAuth.require(Roles.OFFICER)).handler(this::report);
    }

    private List<SubjectHit> find(Map<String, List<String>> ids, int hops) throws java.io.IOException {
        long t0 = System.nanoTime();
        try {
            return new SubjectSearch(app.engine().index(), app.engine().hasher(), normalizer).search(ids, hops);
        } finally {
            app.metrics().searched(System.nanoTime() - t0);
        }
    }

    private void search(RoutingContext ctx) {
        JsonObject body = StrictJson.object(ctx, Set.of("identifiers", "expand", "depth"));
        Map<String, List<String>> ids = StrictJson.identifiers(body);
        boolean expand = StrictJson.bool(body, "expand");
        int hops = expand ? StrictJson.depth(body) : 0;
        Principal who = ctx.get(Principal.KEY);
        pool.executeBlocking(() -> {
            List<SubjectHit> hits = find(ids, hops);
            app.audit().append(who.name(), hops > 0 ? "api search --expand " + hops : "api search", ids.keySet(), hits.size());
            JsonArray out = new JsonArray();
            hits.forEach(h -> out.add(InventoryApi.flagged(app, h.finding(), h.toJson())));
            return new JsonObject().put("locations", out);
        }, false).onComplete(ar -> {
            if (ar.succeeded()) {
                Http.json(ctx, 200, ar.result());
            } else {
                ctx.fail(ar.cause());
            }
        });
    }

    private void report(RoutingContext ctx) {
        JsonObject body = StrictJson.object(ctx, Set.of("identifiers", "expand", "depth", "kind", "format"));
        Map<String, List<String>> ids = StrictJson.identifiers(body);
        boolean expand = StrictJson.bool(body, "expand");
        int hops = expand ? StrictJson.depth(body) : 0;
        String kind = StrictJson.oneOf(body, "kind", null, Set.of("access", "erasure"));
        String format = StrictJson.oneOf(body, "format", "json", Set.of("json", "html"));
        if (kind.equals("erasure") && format.equals("html")) {
            throw new Http.BadRequest("the erasure plan is a JSON document (format json); verify it with `inzage verify`");
        }
        Principal who = ctx.get(Principal.KEY);
        pool.executeBlocking(() -> {
            List<SubjectHit> hits = find(ids, hops);
            JsonObject report;
            try (LiveReader live = new LiveReader(app.engine().rules(), app.engine().hasher())) {
                SubjectReports reports = new SubjectReports(app.engine().rules().policy(), live);
                report = kind.equals("access") ? reports.access(ids.keySet(), hits) : reports.erasure(ids.keySet(), hits);
            }
            app.audit().append(who.name(), "api report " + kind, ids.keySet(), hits.size());
            return format.equals("html") ? SubjectReports.html(report) : report.encodePrettily();
        }, false).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            String file = "inzage-" + kind + "-report." + format;
            ctx.response().putHeader("Content-Type", format.equals("html") ? "text/html; charset=utf-8" : "application/json; charset=utf-8")
                    .putHeader("Content-Disposition", "attachment; filename=\"" + file + "\"")
                    .putHeader("Cache-Control", "no-store")
                    .end(ar.result());
        });
    }
}
