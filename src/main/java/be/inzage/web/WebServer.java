package be.inzage.web;

import be.inzage.serve.Roles;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import io.vertx.micrometer.PrometheusScrapingHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * The HTTP side: /health, /ready, /metrics, the login form, the JSON API under /api (all of it
 * authenticated) and the web UI (static files, no inline script, strict CSP).
 */
public final class WebServer extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    static final long BODY_LIMIT = 64 * 1024;
    static final long SESSION_MILLIS = 30 * 60_000L;
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private final ServerContext app;
    private final String host;
    private final int port;
    private volatile boolean ready;
    private HttpServer server;
    private WorkerExecutor pool;

    public WebServer(ServerContext app, String host, int port) {
        this.app = app;
        this.host = host;
        this.port = port;
    }

    public void ready(boolean r) {
        ready = r;
    }

    public int actualPort() {
        return server.actualPort();
    }

    @Override
    public Future<?> start() {
        pool = vertx.createSharedWorkerExecutor("inzage-api", 4, 5, TimeUnit.MINUTES);
        Router router = Router.router(vertx);
        router.route().handler(WebServer::securityHeaders);
        router.get("/health").handler(ctx -> Http.json(ctx, 200, new JsonObject().put("status", "up")));
        router.get("/ready").handler(ctx -> Http.json(ctx, ready ? 200 : 503,
                new JsonObject().put("status", ready ? "ready" : "not ready")));
        PrometheusMeterRegistry registry = app.metrics().registry();
        router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));

        router.route().handler(SessionHandler.create(LocalSessionStore.create(vertx))
                .setSessionCookieName("inzage.session").setCookieHttpOnlyFlag(true)
                .setCookieSameSite(CookieSameSite.STRICT).setSessionTimeout(SESSION_MILLIS).setLazySession(true));
        router.route().handler(ctx -> {
            if (ApiAuth.changesState(ctx.request().method())) {
                BodyHandler.create(false).setBodyLimit(BODY_LIMIT).handle(ctx);
            } else {
                ctx.next();
            }
        });
        new LoginRoutes(vertx, app.config()).mount(router);

        Router api = Router.router(vertx);
        api.route().handler(new ApiAuth(vertx, app.tokens()).authenticate());
        api.get("/me").handler(this::me);
        new ScanApi(vertx, app).mount(api);
        new InventoryApi(app, pool).mount(api);
        new SubjectApi(app, pool).mount(api);
        api.get("/audit").handler(ApiAuth.require(Roles.ADMIN)).handler(this::audit);
        api.route().handler(ctx -> Http.error(ctx, 404, "no such API route"));
        api.route().failureHandler(WebServer::failure);
        router.route("/api/*").subRouter(api);

        // the page itself holds no data, but a visitor without a session goes to the login form first
        router.get("/").handler(WebServer::loginFirst);
        router.get("/index.html").handler(WebServer::loginFirst);
        router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars").setCachingEnabled(true));
        router.route().handler(StaticHandler.create("webroot").setIndexPage("index.html").setDirectoryListing(false)
                .setIncludeHidden(false));
        router.route().handler(ctx -> Http.error(ctx, 404, "not found"));
        router.route().failureHandler(WebServer::failure);

        server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port)
                .setMaxFormAttributeSize(8192).setCompressionSupported(true));
        return server.requestHandler(router).listen().onSuccess(s -> LOG.info("listening on {}:{}", host, s.actualPort()));
    }

    private static void loginFirst(RoutingContext ctx) {
        Session s = ctx.session();
        if (s == null || s.get("user") == null) {
            ctx.response().setStatusCode(302).putHeader("Location", "/login.html").end();
        } else {
            ctx.next();
        }
    }

    private static void securityHeaders(RoutingContext ctx) {
        ctx.response().putHeader("Content-Security-Policy", CSP)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cross-Origin-Opener-Policy", "same-origin")
                .putHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        ctx.next();
    }

    private void me(RoutingContext ctx) {
        Principal p = ctx.get(Principal.KEY);
        Session s = ctx.session();
        Http.json(ctx, 200, new JsonObject().put("user", p.name()).put("role", p.role())
                .put("csrf", p.viaToken() || s == null ? null : (String) s.get("csrf")));
    }

    private void audit(RoutingContext ctx) {
        pool.executeBlocking(() -> {
            String problem = app.audit().check();
            JsonArray entries = new JsonArray();
            app.audit().read().forEach(entries::add);
            return new JsonObject().put("intact", problem == null).put("problem", problem).put("entries", entries);
        }, false).onComplete(ar -> {
            if (ar.succeeded()) {
                Http.json(ctx, 200, ar.result());
            } else {
                ctx.fail(ar.cause());
            }
        });
    }

    /** Client errors with their reason; anything else a 500 whose log line names the class, not the data. */
    private static void failure(RoutingContext ctx) {
        Throwable t = ctx.failure();
        if (t instanceof Http.BadRequest b) {
            Http.error(ctx, b.status, b.getMessage());
        } else if (ctx.statusCode() == 413) {
            // 400 as the API promises for every invalid input (issue 7), with the reason
            Http.error(ctx, 400, "the request body is larger than " + BODY_LIMIT / 1024 + " KB");
        } else if (t == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            Http.error(ctx, ctx.statusCode(), ctx.statusCode() == 404 ? "not found" : "bad request");
        } else {
            LOG.error("request {} {} failed: {}", ctx.request().method(), ctx.normalizedPath(),
                    t == null ? "status " + ctx.statusCode() : t.getClass().getSimpleName());
            Http.error(ctx, 500, "internal error");
        }
    }

    @Override
    public Future<?> stop() {
        return (server == null ? Future.succeededFuture() : server.close()).compose(v -> pool.close());
    }
}
