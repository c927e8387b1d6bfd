package be.inzage.web;

import be.inzage.serve.Roles;
import be.inzage.serve.ScanRuns;
import be.inzage.serve.ServerConfig;
import be.inzage.source.SourceUri;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Sources, scan runs and their live progress (JSON and server-sent events). */
final class ScanApi {

    static final long EVENT_MILLIS = 500;

    private final Vertx vertx;
    private final ServerContext app;

    ScanApi(Vertx vertx, ServerContext app) {
        this.vertx = vertx;
        this.app = app;
    }

    void mount(Router api) {
        api.get("/sources").handler(ApiAuth.require(Roles.OFFICER)).handler(this::sources);
        api.get("/scans").handler(ApiAuth.require(Roles.OFFICER)).handler(this::list);
        api.post("/scans").handler(ApiAuth.require(Roles.ADMIN)).handler(this::start);
        api.get("/scans/:id").handler(ApiAuth.require(Roles.OFFICER)).handler(this::one);
        api.get("/scans/:id/events").handler(ApiAuth.require(Roles.OFFICER)).handler(this::events);
    }

    private void sources(RoutingContext ctx) {
        JsonArray out = new JsonArray();
        for (ServerConfig.SourceConfig s : app.config().sources()) {
            ScanRuns.Run last = app.runs().last(s.name());
            ScanRuns.Run active = app.runs().active(s.name());
            Instant next = app.scheduler().nextRun(s.name());
            out.add(new JsonObject().put("name", s.name()).put("uri", s.display()).put("kind", kind(s.uri()))
                    .put("schedule", s.schedule()).put("nextRun", next == null ? null : next.toString())
                    .put("lastRun", last == null ? null : last.toJson()).put("active", active == null ? null : active.id()));
        }
        Http.json(ctx, 200, new JsonObject().put("sources", out));
    }

    private void list(RoutingContext ctx) {
        JsonArray out = new JsonArray();
        for (ScanRuns.Run r : app.runs().recent()) {
            JsonObject j = r.toJson();
            j.remove("summary"); // the list stays small; GET /api/scans/{id} has it
            out.add(j);
        }
        Http.json(ctx, 200, new JsonObject().put("scans", out));
    }

    private void start(RoutingContext ctx) {
        JsonObject body = StrictJson.object(ctx, Set.of("source"));
        String source = StrictJson.string(body, "source", true);
        if (source.isBlank() || source.length() > 2048) {
            throw new Http.BadRequest("field 'source' must be a configured source name or a source URI");
        }
        if (app.config().source(source) == null && !looksLikeUri(source)) {
            throw new Http.BadRequest(404, "no configured source of that name (give a name from GET /api/sources or a URI)");
        }
        Principal who = ctx.get(Principal.KEY);
        // a source given as a URI is checked on disk (exists, readable): off the event loop, as a share can hang
        vertx.executeBlocking(() -> {
            ScanRuns.Run run = app.runs().submit(source, "manual");
            app.audit().append(who.name(), "scan start", List.of(), 0);
            return run;
        }, false).onSuccess(run -> Http.json(ctx, 202, new JsonObject().put("id", run.id()).put("state", run.state())))
                .onFailure(e -> {
                    if (e instanceof ScanRuns.AlreadyActive a) {
                        Http.json(ctx, 409, new JsonObject().put("status", 409).put("error", a.getMessage()).put("id", a.runId()));
                    } else if (e instanceof ScanRuns.QueueFull) {
                        Http.error(ctx, 503, e.getMessage());
                    } else if (e instanceof SourceUri.BadSource) {
                        Http.error(ctx, 400, e.getMessage());
                    } else {
                        ctx.fail(e);
                    }
                });
    }

    private static boolean looksLikeUri(String s) {
        return s.contains("://") || s.startsWith("/");
    }

    private void one(RoutingContext ctx) {
        ScanRuns.Run r = app.runs().get(ctx.pathParam("id"));
        if (r == null) {
            Http.error(ctx, 404, "no such scan run");
        } else {
            Http.json(ctx, 200, r.toJson());
        }
    }

    /** Server-sent events: the run as JSON twice a second until it has ended. */
    private void events(RoutingContext ctx) {
        ScanRuns.Run r = app.runs().get(ctx.pathParam("id"));
        if (r == null) {
            Http.error(ctx, 404, "no such scan run");
            return;
        }
        HttpServerResponse res = ctx.response();
        res.setChunked(true).putHeader("Content-Type", "text/event-stream").putHeader("Cache-Control", "no-store")
                .putHeader("X-Accel-Buffering", "no");
        res.write("retry: 2000\n\n");
        long[] timer = new long[1];
        Runnable push = () -> {
            if (res.closed() || res.ended()) {
                vertx.cancelTimer(timer[0]);
                return;
            }
            res.write("event: run\ndata: " + r.toJson().encode() + "\n\n");
            if (!r.active()) {
                vertx.cancelTimer(timer[0]);
                res.end();
            }
        };
        timer[0] = vertx.setPeriodic(0, EVENT_MILLIS, t -> push.run());
        res.closeHandler(v -> vertx.cancelTimer(timer[0]));
    }

    static String kind(String uri) {
        String l = uri.toLowerCase(java.util.Locale.ROOT);
        return l.startsWith("postgres") ? "postgres" : l.startsWith("mysql") || l.startsWith("mariadb") ? "mysql"
                : l.startsWith("log:") ? "log" : "file";
    }
}
