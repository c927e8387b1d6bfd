package be.inzage.web;

import be.inzage.serve.Roles;
import be.inzage.serve.TokenStore;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Authentication for everything under /api: an API token (Authorization: Bearer) or the login
 * session. Session requests that change state must carry the session's CSRF token in
 * X-CSRF-Token (synchroniser token; the SameSite=Strict cookie is the second line). Token requests
 * carry no ambient credential, so they need none.
 */
final class ApiAuth {

    static final String CSRF_HEADER = "X-CSRF-Token";

    private final Vertx vertx;
    private final TokenStore tokens;

    ApiAuth(Vertx vertx, TokenStore tokens) {
        this.vertx = vertx;
        this.tokens = tokens;
    }

    Handler<RoutingContext> authenticate() {
        return ctx -> {
            String header = ctx.request().getHeader("Authorization");
            if (header != null) {
                if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    Http.error(ctx, 401, "unsupported Authorization scheme (use Bearer TOKEN)");
                    return;
                }
                String token = header.substring(7).trim();
                vertx.executeBlocking(() -> tokens.lookup(token), false).onComplete(ar -> {
                    if (ar.failed()) {
                        Http.error(ctx, 503, "the token store cannot be read");
                    } else if (ar.result() == null) {
                        Http.error(ctx, 401, "unknown or revoked API token");
                    } else {
                        ctx.put(Principal.KEY, new Principal("token:" + ar.result().id(), ar.result().role(), true));
                        ctx.next();
                    }
                });
                return;
            }
            Session s = ctx.session();
            String user = s == null ? null : s.get("user");
            if (user == null) {
                Http.error(ctx, 401, "authentication required (log in, or send Authorization: Bearer TOKEN)");
                return;
            }
            if (changesState(ctx.request().method())) {
                String sent = ctx.request().getHeader(CSRF_HEADER);
                String expected = s.get("csrf");
                if (sent == null || expected == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                        expected.getBytes(StandardCharsets.UTF_8))) {
                    Http.error(ctx, 403, "missing or wrong " + CSRF_HEADER + " header (get it from GET /api/me)");
                    return;
                }
            }
            ctx.put(Principal.KEY, new Principal(user, s.get("role"), false));
            ctx.next();
        };
    }

    static Handler<RoutingContext> require(String role) {
        return ctx -> {
            Principal p = ctx.get(Principal.KEY);
            if (p == null || !Roles.allows(p.role(), role)) {
                Http.error(ctx, 403, "this needs the " + role + " role");
            } else {
                ctx.next();
            }
        };
    }

    static boolean changesState(HttpMethod m) {
        return !(m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS);
    }
}
