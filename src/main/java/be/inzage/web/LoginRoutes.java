package be.inzage.web;

import be.inzage.serve.PasswordHasher;
import be.inzage.serve.ServerConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Form login and logout. The password check (PBKDF2, deliberately slow) runs off the event loop;
 * an unknown user costs the same time as a wrong password; the session id is renewed at login
 * (no fixation); after {@link #MAX_FAILURES} failures a user name is locked for a while.
 */
final class LoginRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(LoginRoutes.class);
    static final int MAX_FAILURES = 10;
    static final long LOCK_MILLIS = 15 * 60_000L;
    private static final String DUMMY = PasswordHasher.hash("not a password".toCharArray());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final Map<String, ServerConfig.UserConfig> users;
    private final Map<String, long[]> failures = new ConcurrentHashMap<>();

    LoginRoutes(Vertx vertx, ServerConfig config) {
        this.vertx = vertx;
        this.users = config.usersByName();
    }

    void mount(Router router) {
        router.post("/login").handler(this::login);
        router.post("/logout").handler(this::logout);
    }

    private void login(RoutingContext ctx) {
        String name = ctx.request().getFormAttribute("username");
        String password = ctx.request().getFormAttribute("password");
        if (name == null || password == null || name.length() > 64 || password.length() > 1024) {
            redirect(ctx, "/login.html?failed");
            return;
        }
        long[] f = failures.get(name);
        boolean locked = f != null && f[0] >= MAX_FAILURES && System.currentTimeMillis() - f[1] < LOCK_MILLIS;
        ServerConfig.UserConfig user = users.get(name);
        vertx.executeBlocking(() -> PasswordHasher.verify(password.toCharArray(), user == null ? DUMMY : user.passwordHash())
                && user != null && !locked, false).onComplete(ar -> {
                    if (ar.failed() || !ar.result()) {
                        failures.compute(name, (k, v) -> v == null || System.currentTimeMillis() - v[1] > LOCK_MILLIS
                                ? new long[] {1, System.currentTimeMillis()} : new long[] {v[0] + 1, System.currentTimeMillis()});
                        LOG.info("login failed{}", locked ? " (user name locked after repeated failures)" : "");
                        redirect(ctx, "/login.html?failed");
                        return;
                    }
                    failures.remove(name);
                    Session s = ctx.session();
                    s.regenerateId();
                    s.put("user", user.name());
                    s.put("role", user.role());
                    s.put("csrf", random());
                    LOG.info("login of user {} ({})", user.name(), user.role());
                    redirect(ctx, "/");
                });
    }

    private void logout(RoutingContext ctx) {
        Session s = ctx.session();
        String sent = ctx.request().getFormAttribute("csrf");
        if (sent == null) {
            sent = ctx.request().getHeader(ApiAuth.CSRF_HEADER);
        }
        String expected = s == null ? null : s.get("csrf");
        if (expected != null && (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8)))) {
            Http.error(ctx, 403, "missing or wrong CSRF token");
            return;
        }
        if (s != null) {
            s.destroy();
        }
        redirect(ctx, "/login.html");
    }

    private static void redirect(RoutingContext ctx, String to) {
        ctx.response().setStatusCode(303).putHeader("Location", to).end();
    }

    static String random() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
