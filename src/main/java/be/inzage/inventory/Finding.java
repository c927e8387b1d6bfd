package be.inzage.inventory;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One identifier value in one place: a file (and part, field), with every line it is on.
 * Holds only the keyed hash and a masked preview of the value, never the value itself.
 *
 * @param cid      container id: the key under which a rescan replaces this place's findings
 * @param lines    line numbers as {@link LineSet} ranges; empty when the place has no lines
 * @param records  ids of the records (row, line, document) the value sits in, to link co-occurring identifiers
 * @param segment  0, or the number of an extra batch when a huge file was flushed in parts
 * @param rows     for database findings: a JSON array of the primary keys of the rows holding the value
 * @param firstSeen for logs: the earliest timestamp (epoch ms) of a line holding the value, 0 when unknown
 * @param lastSeen  for logs: the latest such timestamp, 0 when unknown
 */
public record Finding(String sourceId, String source, String kind, String container, String part, String field,
                      String type, String category, String risk, double confidence, String masked, String hash,
                      List<String> aliases, String lines, int count, List<String> records, String cid, int segment,
                      String rows, long firstSeen, long lastSeen) {

    /** Without timestamps: everything but logs. */
    public Finding(String sourceId, String source, String kind, String container, String part, String field, String type,
                   String category, String risk, double confidence, String masked, String hash, List<String> aliases,
                   String lines, int count, List<String> records, String cid, int segment, String rows) {
        this(sourceId, source, kind, container, part, field, type, category, risk, confidence, masked, hash, aliases, lines,
                count, records, cid, segment, rows, 0, 0);
    }

    /** Without database rows: files and logs locate by line. */
    public Finding(String sourceId, String source, String kind, String container, String part, String field, String type,
                   String category, String risk, double confidence, String masked, String hash, List<String> aliases,
                   String lines, int count, List<String> records, String cid, int segment) {
        this(sourceId, source, kind, container, part, field, type, category, risk, confidence, masked, hash, aliases, lines,
                count, records, cid, segment, "");
    }

    /** The same finding held by other rows (a live read found them all): {@code rows} a JSON array of keys. */
    public Finding withRows(String rows, int count) {
        return new Finding(sourceId, source, kind, container, part, field, type, category, risk, confidence, masked, hash, aliases,
                lines, count, records, cid, segment, rows, firstSeen, lastSeen);
    }

    /** Deterministic: the same value at the same place gets the same id scan after scan. */
    public String fingerprint() {
        return sha256(sourceId + '\0' + cid + '\0' + (field == null ? "" : field) + '\0' + type + '\0' + hash + '\0' + segment);
    }

    /** The id of the item (file, table) a finding sits in, whatever part of it: parts of a mail share it. */
    public static String itemId(String sourceId, String container) {
        return sha256(sourceId + '\0' + container + '\0');
    }

    public String itemId() {
        return itemId(sourceId, container);
    }

    public static String sha256(String s) {
        return HEX.formatHex(SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    /** The 16 bytes {@link #sha256} writes as hex: a row record's index term. */
    public static byte[] sha256Bytes(String s) {
        return java.util.Arrays.copyOf(SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8)), 16);
    }

    /** The first 8 bytes of {@link #sha256}: a row record's term begins with them. */
    public static long sha256Prefix(String s) {
        byte[] d = SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[i] & 0xFF);
        }
        return v;
    }

    private static final HexFormat HEX = HexFormat.of();

    /** One digest per thread: looking the algorithm up was a good part of hashing a short id. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /** The primary keys of the rows, without the foreign-key links ("@l") kept for correlation. */
    public JsonArray rowKeys() {
        JsonArray out = new JsonArray();
        if (rows == null || rows.isEmpty()) {
            return out;
        }
        for (Object o : new JsonArray(rows)) {
            JsonObject k = ((JsonObject) o).copy();
            k.remove("@l");
            out.add(k);
        }
        return out;
    }

    /** The record id of each row as the row's own findings carry it (aligned with {@link #rowKeys()}). */
    public List<String> rowRecords() {
        List<String> out = new java.util.ArrayList<>();
        for (Object o : rowKeys()) {
            out.add(cid + ":" + sha256(((JsonObject) o).encode()));
        }
        return out;
    }

    /** The records each row references by foreign key ("@l"), aligned with {@link #rowKeys()}. */
    public List<List<String>> rowLinks() {
        List<List<String>> out = new java.util.ArrayList<>();
        if (rows == null || rows.isEmpty()) {
            return out;
        }
        for (Object o : new JsonArray(rows)) {
            JsonArray l = ((JsonObject) o).getJsonArray("@l");
            List<String> links = new java.util.ArrayList<>();
            if (l != null) {
                l.forEach(x -> links.add((String) x));
            }
            out.add(links);
        }
        return out;
    }

    public JsonObject locator() {
        JsonObject loc = new JsonObject();
        if (part != null && !part.isEmpty()) {
            loc.put("part", part);
        }
        if (rows != null && !rows.isEmpty()) {
            JsonArray keys = rowKeys();
            if (keys.size() == 1) {
                loc.put("pk", keys.getJsonObject(0));
            } else {
                loc.put("rows", keys).put("count", count);
            }
        }
        int[] ls = LineSet.decode(lines);
        String unit = LineSet.unit(lines);
        if (ls.length == 1) {
            loc.put(unit, ls[0]);
        } else if (ls.length > 1) {
            JsonArray a = new JsonArray();
            for (int l : ls) {
                a.add(l);
            }
            loc.put(unit + "s", a).put("count", count);
        }
        if (field != null && !field.isEmpty()) {
            loc.put("column", field);
        }
        return loc;
    }

    public JsonObject toJson() {
        JsonObject j = new JsonObject()
                .put("source", source)
                .put("kind", kind)
                .put("container", container)
                .put("locator", locator())
                .put("type", type)
                .put("category", category)
                .put("confidence", Math.round(confidence * 100) / 100.0)
                .put("masked", masked)
                .put("risk", risk)
                .put("count", count);
        if (firstSeen > 0) {
            j.put("firstSeen", java.time.Instant.ofEpochMilli(firstSeen).toString())
                    .put("lastSeen", java.time.Instant.ofEpochMilli(lastSeen).toString());
        }
        return j;
    }
}
