package be.inzage.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Request bodies checked field by field: a JSON object, only known fields, the right types.
 * Messages name the field, never echo a value (it may be a subject's identifier).
 */
final class StrictJson {

    static final Set<String> IDENTIFIER_TYPES = be.inzage.subject.IdentifierNormalizer.TYPES;
    static final int MAX_VALUES = 100;
    static final int MAX_VALUE_LENGTH = 512;

    private StrictJson() {
    }

    static JsonObject object(RoutingContext ctx, Set<String> allowed) {
        String ct = ctx.request().getHeader("Content-Type");
        if (ct == null || !ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new Http.BadRequest(415, "the body must be JSON (Content-Type: application/json)");
        }
        Object parsed;
        try {
            String text = ctx.body().asString();
            if (text == null || text.isBlank()) {
                throw new Http.BadRequest("the body is empty; a JSON object is expected");
            }
            parsed = io.vertx.core.json.Json.decodeValue(text);
        } catch (DecodeException e) {
            throw new Http.BadRequest("the body is not valid JSON");
        }
        if (!(parsed instanceof JsonObject o)) {
            throw new Http.BadRequest("the body must be a JSON object");
        }
        for (String k : o.fieldNames()) {
            if (!allowed.contains(k)) {
                throw new Http.BadRequest("unknown field '" + safe(k) + "' (allowed: " + new java.util.TreeSet<>(allowed) + ")");
            }
        }
        return o;
    }

    static String string(JsonObject o, String field, boolean required) {
        Object v = o.getValue(field);
        if (v == null) {
            if (required) {
                throw new Http.BadRequest("field '" + field + "' is required");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw new Http.BadRequest("field '" + field + "' must be a string");
        }
        return s;
    }

    static boolean bool(JsonObject o, String field) {
        Object v = o.getValue(field);
        if (v == null) {
            return false;
        }
        if (!(v instanceof Boolean b)) {
            throw new Http.BadRequest("field '" + field + "' must be true or false");
        }
        return b;
    }

    /** Correlation hops for an expanded search: "depth" 1-3, default 1. */
    static int depth(JsonObject o) {
        Object v = o.getValue("depth");
        if (v == null) {
            return 1;
        }
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 1
                || ((Number) v).longValue() > be.inzage.subject.SubjectSearch.MAX_DEPTH) {
            throw new Http.BadRequest("field 'depth' must be a whole number from 1 to " + be.inzage.subject.SubjectSearch.MAX_DEPTH);
        }
        return ((Number) v).intValue();
    }

    static String oneOf(JsonObject o, String field, String dflt, Set<String> values) {
        String v = string(o, field, dflt == null);
        if (v == null) {
            return dflt;
        }
        if (!values.contains(v)) {
            throw new Http.BadRequest("field '" + field + "' must be one of " + new java.util.TreeSet<>(values));
        }
        return v;
    }

    /** {"email": ["..."], ...}: known identifier types, each a non-empty list of strings. */
    static Map<String, List<String>> identifiers(JsonObject body) {
        Object v = body.getValue("identifiers");
        if (v == null) {
            throw new Http.BadRequest("field 'identifiers' is required");
        }
        if (!(v instanceof JsonObject ids)) {
            throw new Http.BadRequest("field 'identifiers' must be an object of identifier type to a list of values");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String type : ids.fieldNames()) {
            if (!IDENTIFIER_TYPES.contains(type)) {
                throw new Http.BadRequest("unknown identifier type '" + safe(type) + "' (allowed: "
                        + new java.util.TreeSet<>(IDENTIFIER_TYPES) + ")");
            }
            Object list = ids.getValue(type);
            if (!(list instanceof JsonArray arr)) {
                throw new Http.BadRequest("identifiers." + type + " must be a list of strings");
            }
            if (arr.size() > MAX_VALUES) {
                throw new Http.BadRequest("identifiers." + type + " has more than " + MAX_VALUES + " values");
            }
            List<String> values = new ArrayList<>();
            for (Object x : arr) {
                if (!(x instanceof String s)) {
                    throw new Http.BadRequest("identifiers." + type + " must be a list of strings");
                }
                if (s.length() > MAX_VALUE_LENGTH) {
                    throw new Http.BadRequest("a value in identifiers." + type + " is longer than " + MAX_VALUE_LENGTH);
                }
                if (!s.isBlank()) {
                    values.add(s.strip());
                }
            }
            if (!values.isEmpty()) {
                out.put(type, values);
            }
        }
        if (out.isEmpty()) {
            throw new Http.BadRequest("give at least one identifier value");
        }
        return out;
    }

    /** A field name from the request, cut and stripped of anything odd, for an error message. */
    private static String safe(String s) {
        String t = s.replaceAll("[^A-Za-z0-9_.-]", "?");
        return t.length() > 40 ? t.substring(0, 40) + "..." : t;
    }
}
