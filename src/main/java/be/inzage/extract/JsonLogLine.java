package be.inzage.extract;

import be.inzage.detect.Detection;
import be.inzage.detect.DetectionEngine;
import be.inzage.detect.FieldName;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One JSON-lines log record (nginx escape=json, ECS, application loggers). Known keys are read as
 * their field (client address, X-Forwarded-For, user, request, referrer, cookies, time); nested
 * objects are flattened with dots ("client.ip"); every other string value goes through the
 * detectors with its key as the field hint.
 */
final class JsonLogLine {

    static final Set<String> CLIENT = Set.of("remote_addr", "client_ip", "clientip", "client.ip", "client.address",
            "source.ip", "source.address", "ip", "c-ip", "realip_remote_addr");
    static final Set<String> XFF = Set.of("http_x_forwarded_for", "x_forwarded_for", "xff", "http.request.headers.x-forwarded-for");
    static final Set<String> USER = Set.of("remote_user", "user", "user.name", "username", "cs-username");
    static final Set<String> REQUEST = Set.of("request", "request_line");
    static final Set<String> TARGET = Set.of("request_uri", "uri", "url", "url.original", "url.path", "path");
    static final Set<String> REFERER = Set.of("http_referer", "referer", "referrer", "http.request.referrer");
    static final Set<String> COOKIE = Set.of("http_cookie", "cookie", "cookies", "http.request.headers.cookie");
    static final Set<String> TIME = Set.of("time_iso8601", "@timestamp", "timestamp", "time", "time_local", "date");
    static final Set<String> SKIP = Set.of("http_user_agent", "user_agent", "user_agent.original", "status", "body_bytes_sent",
            "bytes_sent", "request_time", "upstream_response_time", "http.response.status_code", "message");

    private JsonLogLine() {
    }

    /** @return false when the line is not a JSON object */
    static boolean parse(String line, DetectionEngine engine, WebLogFields.Sink out) {
        JsonObject o;
        try {
            o = new JsonObject(line);
        } catch (DecodeException | ClassCastException e) {
            return false;
        }
        Map<String, String> flat = new java.util.LinkedHashMap<>();
        flatten("", o, flat);
        long time = 0;
        for (Map.Entry<String, String> e : flat.entrySet()) {
            if (TIME.contains(e.getKey()) && time == 0) {
                time = WebLogFields.isoTime(e.getValue());
            }
        }
        out.time(time);
        String client = null;
        boolean leadinfo = false;
        for (Map.Entry<String, String> e : flat.entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            if (v.isEmpty() || v.equals("-") || TIME.contains(k) || SKIP.contains(k)) {
                continue;
            }
            if (CLIENT.contains(k)) {
                client = client == null ? v : client;
                WebLogFields.ip(v, k, out);
            } else if (XFF.contains(k)) {
                WebLogFields.ipChain(v, "x_forwarded_for", out);
            } else if (USER.contains(k)) {
                WebLogFields.login(v, k, out);
            } else if (REQUEST.contains(k)) {
                WebLogFields.request(v, engine, out);
                leadinfo |= WebLogFields.leadinfo(v);
            } else if (TARGET.contains(k)) {
                WebLogFields.target(v, engine, out);
                leadinfo |= WebLogFields.leadinfo(v);
            } else if (REFERER.contains(k)) {
                WebLogFields.referrer(v, engine, out);
                leadinfo |= WebLogFields.leadinfo(v);
            } else if (COOKIE.contains(k)) {
                WebLogFields.cookies(v, out);
            } else {
                for (Detection d : engine.detect(v, FieldName.of(k))) {
                    out.add(d, k);
                }
            }
        }
        if (leadinfo && client != null) {
            WebLogFields.leadinfoVisitor(client, out);
        }
        return true;
    }

    private static void flatten(String prefix, Object value, Map<String, String> out) {
        if (value instanceof JsonObject o) {
            for (Map.Entry<String, Object> e : o) {
                flatten(prefix.isEmpty() ? e.getKey().toLowerCase(Locale.ROOT) : prefix + "." + e.getKey().toLowerCase(Locale.ROOT),
                        e.getValue(), out);
            }
        } else if (value instanceof JsonArray a) {
            for (Object x : a) {
                flatten(prefix, x, out);
            }
        } else if (value != null) {
            out.merge(prefix, String.valueOf(value), (x, y) -> x + "," + y);
        }
    }
}
