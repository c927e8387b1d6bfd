package be.inzage.scan;

import be.inzage.classify.Policy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one table's columns hold, counted while its rows are read: per column the values read and,
 * per finding type, the rows where that type was found. A column is classified as its most
 * frequent type; its confidence is the share of non-empty values of that type, times the
 * detector's own confidence. One instance per table read (rows of a table are detected in order).
 */
final class ColumnProfile {

    /** Below this share of values, a type in a column is incidental (a free-text column mentioning an e-mail). */
    static final double MIN_SHARE = 0.05;

    private final String table;
    private final List<String> columns;
    private final long[] values;
    private final List<Map<String, long[]>> hits; // type -> {rows, confidence x 1000}

    ColumnProfile(String table, List<String> columns) {
        this.table = table;
        this.columns = columns;
        this.values = new long[columns.size()];
        this.hits = new java.util.ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            hits.add(new TreeMap<>());
        }
    }

    void value(int column) {
        values[column]++;
    }

    /** A row's value in {@code column} holds {@code type}; call once per row and type. */
    void hit(int column, String type, double confidence) {
        long[] h = hits.get(column).computeIfAbsent(type, k -> new long[2]);
        h[0]++;
        h[1] = Math.max(h[1], Math.round(confidence * 1000));
    }

    /** Columns that hold personal data, most frequent type first, as JSON for the scan record. */
    JsonArray classified(Policy policy) {
        JsonArray out = new JsonArray();
        for (int c = 0; c < columns.size(); c++) {
            if (values[c] == 0 || hits.get(c).isEmpty()) {
                continue;
            }
            Map.Entry<String, long[]> top = hits.get(c).entrySet().stream()
                    .max(java.util.Comparator.comparingLong(e -> e.getValue()[0])).orElseThrow();
            double share = (double) top.getValue()[0] / values[c];
            if (share < MIN_SHARE) {
                continue;
            }
            JsonObject others = new JsonObject();
            hits.get(c).forEach((t, h) -> {
                if (!t.equals(top.getKey())) {
                    others.put(t, h[0]);
                }
            });
            out.add(new JsonObject().put("table", table).put("column", columns.get(c)).put("type", top.getKey())
                    .put("category", policy.knows(top.getKey()) ? policy.type(top.getKey()).category() : "unclassified")
                    .put("values", values[c]).put("matches", top.getValue()[0])
                    .put("share", Math.round(share * 1000) / 1000.0)
                    .put("confidence", Math.round(share * top.getValue()[1]) / 1000.0)
                    .put("alsoFound", others));
        }
        return out;
    }
}
