package be.inzage.web;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST API against a running server: the auth matrix, validation, a scan started through the API. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerApiTest {

    TestServer srv;
    WebClient http;

    /** Every API route with a valid body; expected role: null = any authenticated user. */
    record Route(String method, String path, JsonObject body, String role) {
    }

    static final JsonObject SEARCH = new JsonObject().put("identifiers", new JsonObject().put("email", new JsonArray().add(TestServer.EMAIL)));
    static final List<Route> ROUTES = List.of(
            new Route("GET", "/api/me", null, null),
            new Route("GET", "/api/sources", null, null),
            new Route("GET", "/api/scans", null, null),
            new Route("GET", "/api/coverage", null, null),
            new Route("GET", "/api/findings", null, null),
            new Route("POST", "/api/subjects/search", SEARCH, null),
            new Route("POST", "/api/subjects/report", SEARCH.copy().put("kind", "access"), null),
            new Route("POST", "/api/subjects/report", SEARCH.copy().put("kind", "erasure"), null),
            new Route("GET", "/api/audit", null, "admin"),
            new Route("POST", "/api/scans", new JsonObject().put("source", "share"), "admin"));

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        srv = TestServer.start(null);
        http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(srv.port())
                .setFollowRedirects(false));
        // one completed scan, so searches and reports have something to find
        JsonObject started = send("POST", "/api/scans", new JsonObject().put("source", "share"), srv.adminToken).bodyAsJsonObject();
        waitFor(started.getString("id"), srv.adminToken);
    }

    @AfterAll
    void stop() throws Exception {
        srv.close();
    }

    HttpResponse<Buffer> send(String method, String path, JsonObject body, String token) {
        HttpRequest<Buffer> r = http.request(io.vertx.core.http.HttpMethod.valueOf(method), path);
        if (token != null) {
            r.bearerTokenAuthentication(token);
        }
        return body == null ? r.send().await() : r.sendJsonObject(body).await();
    }

    JsonObject waitFor(String id, String token) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonObject run = send("GET", "/api/scans/" + id, null, token).bodyAsJsonObject();
            if (!run.getString("state").equals("queued") && !run.getString("state").equals("running")) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("scan run " + id + " did not end in 60 s");
    }

    @Test
    void everyApiRouteNeedsAuthenticationAndTheRightRole() throws Exception {
        for (Route r : ROUTES) {
            HttpResponse<Buffer> anon = send(r.method(), r.path(), r.body(), null);
            assertEquals(401, anon.statusCode(), "anonymous " + r.method() + " " + r.path());
            assertEquals(401, anon.bodyAsJsonObject().getInteger("status"));
            assertEquals(401, send(r.method(), r.path(), r.body(), "inz_not-a-real-token").statusCode(), "bad token " + r.path());

            HttpResponse<Buffer> officer = send(r.method(), r.path(), r.body(), srv.officerToken);
            if ("admin".equals(r.role())) {
                assertEquals(403, officer.statusCode(), "officer " + r.method() + " " + r.path());
            } else {
                assertEquals(200, officer.statusCode(), "officer " + r.method() + " " + r.path() + ": " + officer.bodyAsString());
            }
            HttpResponse<Buffer> admin = send(r.method(), r.path(), r.body(), srv.adminToken);
            assertTrue(admin.statusCode() == 200 || admin.statusCode() == 202 || admin.statusCode() == 409,
                    "admin " + r.method() + " " + r.path() + ": " + admin.statusCode());
            if (r.path().equals("/api/scans") && r.method().equals("POST")) {
                waitFor(admin.bodyAsJsonObject().getString("id"), srv.adminToken);
            }
        }
        // open routes
        assertEquals(200, send("GET", "/health", null, null).statusCode());
        assertEquals(200, send("GET", "/ready", null, null).statusCode());
        HttpResponse<Buffer> metrics = send("GET", "/metrics", null, null);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.bodyAsString().contains("inzage_scan_runs_total{source=\"share\",state=\"completed\"}"),
                "scan runs are counted in /metrics");
        assertTrue(metrics.bodyAsString().contains("inzage_subject_search_seconds"), "search latency in /metrics");
        assertFalse(metrics.bodyAsString().contains(TestServer.EMAIL), "no identifier in /metrics");
        assertEquals(200, send("GET", "/openapi.yaml", null, null).statusCode());
        assertEquals(404, send("GET", "/api/nothing-here", null, srv.adminToken).statusCode());
    }

    @Test
    void sessionLoginWithCsrfAndRoles() {
        HttpResponse<Buffer> bad = http.post("/login").sendForm(MultiMap.caseInsensitiveMultiMap()
                .add("username", "bob").add("password", "wrong")).await();
        assertEquals(303, bad.statusCode());
        assertEquals("/login.html?failed", bad.getHeader("Location"));
        assertTrue(bad.cookies().stream().noneMatch(c -> c.startsWith("inzage.session=")), "no session for a failed login");

        HttpResponse<Buffer> ok = http.post("/login").sendForm(MultiMap.caseInsensitiveMultiMap()
                .add("username", "bob").add("password", TestServer.PASSWORD)).await();
        assertEquals(303, ok.statusCode());
        assertEquals("/", ok.getHeader("Location"));
        String cookie = ok.cookies().stream().filter(c -> c.startsWith("inzage.session=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        String session = cookie.substring(0, cookie.indexOf(';'));

        JsonObject me = http.get("/api/me").putHeader("Cookie", session).send().await().bodyAsJsonObject();
        assertEquals("bob", me.getString("user"));
        assertEquals("officer", me.getString("role"));
        String csrf = me.getString("csrf");
        assertNotNull(csrf);

        HttpResponse<Buffer> noCsrf = http.post("/api/subjects/search").putHeader("Cookie", session).sendJsonObject(SEARCH).await();
        assertEquals(403, noCsrf.statusCode(), "a session POST without the CSRF header is refused");
        HttpResponse<Buffer> withCsrf = http.post("/api/subjects/search").putHeader("Cookie", session)
                .putHeader("X-CSRF-Token", csrf).sendJsonObject(SEARCH).await();
        assertEquals(200, withCsrf.statusCode());
        assertFalse(withCsrf.bodyAsJsonObject().getJsonArray("locations").isEmpty());
        HttpResponse<Buffer> scan = http.post("/api/scans").putHeader("Cookie", session).putHeader("X-CSRF-Token", csrf)
                .sendJsonObject(new JsonObject().put("source", "share")).await();
        assertEquals(403, scan.statusCode(), "an officer cannot start scans");
        assertEquals(403, http.get("/api/audit").putHeader("Cookie", session).send().await().statusCode());

        HttpResponse<Buffer> page = http.get("/").putHeader("Cookie", session).send().await();
        assertEquals(200, page.statusCode());
        assertTrue(page.getHeader("Content-Security-Policy").contains("script-src 'self'"));
        assertEquals(302, http.get("/").send().await().statusCode(), "no session: to the login form");

        assertEquals(403, http.post("/logout").putHeader("Cookie", session).sendForm(MultiMap.caseInsensitiveMultiMap()).await()
                .statusCode(), "logout needs the CSRF token");
        assertEquals(303, http.post("/logout").putHeader("Cookie", session).sendForm(MultiMap.caseInsensitiveMultiMap()
                .add("csrf", csrf)).await().statusCode());
        assertEquals(401, http.get("/api/me").putHeader("Cookie", session).send().await().statusCode(), "the session is gone");
    }

    @Test
    void invalidInputIsRefusedWithAReason() {
        String t = srv.officerToken;
        JsonObject unknown = send("POST", "/api/subjects/search", SEARCH.copy().put("limit", 3), t).bodyAsJsonObject();
        assertEquals(400, unknown.getInteger("status"));
        assertTrue(unknown.getString("error").contains("unknown field 'limit'"), unknown.encode());

        JsonObject wrongType = send("POST", "/api/subjects/search", new JsonObject().put("identifiers",
                new JsonObject().put("email", TestServer.EMAIL)), t).bodyAsJsonObject();
        assertEquals(400, wrongType.getInteger("status"));
        assertFalse(wrongType.encode().contains(TestServer.EMAIL), "an identifier is never echoed in an error");

        assertEquals(400, send("POST", "/api/subjects/search", new JsonObject().put("identifiers",
                new JsonObject().put("shoe_size", new JsonArray().add("42"))), t).statusCode());
        assertEquals(400, send("POST", "/api/subjects/search", SEARCH.copy().put("expand", "yes"), t).statusCode());
        assertEquals(400, send("POST", "/api/subjects/report", SEARCH.copy().put("kind", "everything"), t).statusCode());
        assertEquals(400, send("POST", "/api/subjects/search", new JsonObject(), t).statusCode());
        assertEquals(400, send("POST", "/api/scans", new JsonObject().put("source", 12), srv.adminToken).statusCode());
        assertEquals(404, send("POST", "/api/scans", new JsonObject().put("source", "no-such-source"), srv.adminToken).statusCode());
        // a source URI is checked on disk (off the event loop); a missing folder is the client's error, said in one line
        HttpResponse<Buffer> missing = send("POST", "/api/scans", new JsonObject().put("source", "/no/such/share"), srv.adminToken);
        assertEquals(400, missing.statusCode(), missing.bodyAsString());
        assertTrue(missing.bodyAsJsonObject().getString("error").contains("/no/such/share"), missing.bodyAsString());

        HttpResponse<Buffer> notJson = http.post("/api/subjects/search").bearerTokenAuthentication(t)
                .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{not json")).await();
        assertEquals(400, notJson.statusCode());
        assertEquals("the body is not valid JSON", notJson.bodyAsJsonObject().getString("error"));

        HttpResponse<Buffer> huge = http.post("/api/subjects/search").bearerTokenAuthentication(t)
                .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("x".repeat(100_000))).await();
        assertEquals(400, huge.statusCode());
        assertTrue(huge.bodyAsJsonObject().getString("error").contains("64 KB"));

        assertEquals(400, send("GET", "/api/findings?size=100000", null, t).statusCode());
        assertEquals(400, send("GET", "/api/findings?minConfidence=high", null, t).statusCode());
        assertEquals(404, send("GET", "/api/scans/not-a-run", null, t).statusCode());
    }

    @Test
    void aScanStartedThroughTheApiIsSearchableAndVisibleInCoverage() throws Exception {
        HttpResponse<Buffer> started = send("POST", "/api/scans", new JsonObject().put("source", srv.share.toString()), srv.adminToken);
        assertEquals(202, started.statusCode(), started.bodyAsString());
        JsonObject run = waitFor(started.bodyAsJsonObject().getString("id"), srv.adminToken);
        assertEquals("completed", run.getString("state"), run.encode());
        assertEquals(100.0, run.getJsonObject("progress").getDouble("percent"));
        assertEquals(3, run.getJsonObject("progress").getLong("itemsDone"));
        assertEquals(1.0, run.getDouble("completeness"));

        JsonArray locations = send("POST", "/api/subjects/search", new JsonObject().put("identifiers",
                new JsonObject().put("phone", new JsonArray().add("+32 475 12 34 56"))), srv.officerToken)
                .bodyAsJsonObject().getJsonArray("locations");
        List<String> containers = locations.stream().map(o -> ((JsonObject) o).getString("container")).toList();
        assertTrue(containers.contains(srv.share.resolve("klanten/brief.txt").toString()), containers.toString());
        assertTrue(containers.contains(srv.share.resolve("klanten/export.csv").toString()), containers.toString());
        for (Object o : locations) {
            assertFalse(((JsonObject) o).encode().contains("475 12 34 56"), "only masked values leave the server");
        }

        JsonObject coverage = send("GET", "/api/coverage", null, srv.officerToken).bodyAsJsonObject();
        JsonObject row = coverage.getJsonArray("sources").stream().map(o -> (JsonObject) o)
                .filter(s -> s.getString("source").equals(srv.share.toUri().toString())).findFirst().orElseThrow();
        long sum = row.getJsonObject("counts").stream().mapToLong(e -> ((Number) e.getValue()).longValue()).sum();
        assertEquals(coverage.getLong("total"), sum, "one source: its category counts add up to the total");
        assertTrue(row.getJsonObject("counts").getLong("identification") >= 5, row.encode());
        assertTrue(row.getJsonObject("counts").getLong("financial") >= 1, row.encode());
        assertFalse(coverage.getJsonArray("history").isEmpty());
        assertEquals("P1Y", row.getString("retention"));
        JsonObject past = row.getJsonObject("pastRetention");
        assertEquals(1L, past.getLong("items"), "only the two-year-old letter is past the one-year retention: " + past);
        assertTrue(past.getLong("findings") >= 3, "its e-mail, phone, IBAN and name: " + past);
        assertEquals(1, coverage.getJsonArray("pastRetention").size());

        JsonObject page = send("GET", "/api/findings?type=email&size=2&page=0", null, srv.officerToken).bodyAsJsonObject();
        assertEquals(2, page.getJsonArray("findings").size());
        assertTrue(page.getLong("total") >= 3, page.encode());
        JsonObject last = send("GET", "/api/findings?type=email&size=2&page=" + (page.getLong("total") - 1) / 2, null,
                srv.officerToken).bodyAsJsonObject();
        assertFalse(last.getJsonArray("findings").isEmpty());

        // the run list, the run's own record and the sources' last run agree
        JsonObject sources = send("GET", "/api/sources", null, srv.officerToken).bodyAsJsonObject();
        assertEquals("share", sources.getJsonArray("sources").getJsonObject(0).getString("name"));
        assertTrue(Files.exists(srv.data.root().resolve("runs").resolve(run.getString("id") + ".json")), "runs are kept on disk");
    }

    @Test
    void logFindingsPastTheirRetentionAreFlagged() throws Exception {
        JsonObject started = send("POST", "/api/scans", new JsonObject().put("source", "weblog"), srv.adminToken).bodyAsJsonObject();
        assertEquals("completed", waitFor(started.getString("id"), srv.adminToken).getString("state"));
        JsonObject old = send("POST", "/api/subjects/search", new JsonObject().put("identifiers",
                new JsonObject().put("ip", new JsonArray().add(TestServer.OLD_VISITOR))), srv.officerToken).bodyAsJsonObject()
                .getJsonArray("locations").getJsonObject(0);
        assertEquals("log", old.getString("kind"));
        assertEquals("2023-10-05T11:55:36Z", old.getString("lastSeen"));
        assertEquals(true, old.getBoolean("pastRetention"), old.encode());
        JsonObject recent = send("POST", "/api/subjects/search", new JsonObject().put("identifiers",
                new JsonObject().put("ip", new JsonArray().add(TestServer.NEW_VISITOR))), srv.officerToken).bodyAsJsonObject()
                .getJsonArray("locations").getJsonObject(0);
        assertEquals(false, recent.getBoolean("pastRetention"), recent.encode());
        JsonObject coverage = send("GET", "/api/coverage", null, srv.officerToken).bodyAsJsonObject();
        JsonObject row = coverage.getJsonArray("sources").stream().map(o -> (JsonObject) o)
                .filter(r -> r.getString("source").startsWith("log://")).findFirst().orElseThrow();
        assertEquals(0L, row.getJsonObject("pastRetention").getLong("items"), "the file itself was written today");
        assertTrue(row.getJsonObject("pastRetention").getLong("findings") >= 1,
                "the 2023 line's address is past the one-year retention: " + row.encode());
    }

    @Test
    void progressIsPushedAsServerSentEventsUntilTheRunEnds() throws Exception {
        JsonObject started = send("POST", "/api/scans", new JsonObject().put("source", "share"), srv.adminToken).bodyAsJsonObject();
        String id = started.getString("id");
        HttpResponse<Buffer> events = http.get("/api/scans/" + id + "/events").bearerTokenAuthentication(srv.officerToken)
                .send().await();
        assertEquals(200, events.statusCode());
        assertTrue(events.getHeader("Content-Type").startsWith("text/event-stream"));
        List<JsonObject> runs = events.bodyAsString().lines().filter(l -> l.startsWith("data: "))
                .map(l -> new JsonObject(l.substring(6))).toList();
        assertFalse(runs.isEmpty());
        JsonObject lastEvent = runs.get(runs.size() - 1);
        assertEquals("completed", lastEvent.getString("state"), "the stream ends with the finished run");
        assertEquals(100.0, lastEvent.getJsonObject("progress").getDouble("percent"));
    }

    @Test
    void searchesAndReportsAreAuditedWithoutValues() {
        send("POST", "/api/subjects/search", SEARCH, srv.officerToken);
        HttpResponse<Buffer> report = send("POST", "/api/subjects/report", SEARCH.copy().put("kind", "access").put("format", "html"),
                srv.officerToken);
        assertEquals(200, report.statusCode());
        assertTrue(report.getHeader("Content-Disposition").contains("inzage-access-report.html"));
        assertTrue(report.bodyAsString().contains(TestServer.EMAIL), "the access report carries the live value");
        JsonObject audit = send("GET", "/api/audit", null, srv.adminToken).bodyAsJsonObject();
        assertTrue(audit.getBoolean("intact"));
        List<JsonObject> entries = audit.getJsonArray("entries").stream().map(o -> (JsonObject) o).toList();
        assertTrue(entries.stream().anyMatch(e -> e.getString("action").equals("api report access")
                && e.getString("who").startsWith("token:")));
        assertFalse(audit.encode().contains(TestServer.EMAIL), "the audit trail holds no identifier");
    }
}
