package be.inzage.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Consistent answers: JSON bodies, and errors as {"status": N, "error": "reason"}. */
final class Http {

    private Http() {
    }

    static void json(RoutingContext ctx, int status, Object body) {
        String text = body instanceof JsonObject o ? o.encode() : body instanceof JsonArray a ? a.encode() : String.valueOf(body);
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(text);
    }

    static void error(RoutingContext ctx, int status, String reason) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        json(ctx, status, new JsonObject().put("status", status).put("error", reason));
    }

    /** A request the client must fix; becomes a 400 (or the given status) with the message. */
    static final class BadRequest extends RuntimeException {
        final int status;

        BadRequest(String message) {
            this(400, message);
        }

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
