package be.inzage.scan;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.List;
import java.util.Set;

/**
 * A row's primary key as the JSON object its locator and record id are made from ({"id":42}, keys
 * in key order, integers as numbers). A single integer key, the usual case, is written directly:
 * a JSON object per row was a good part of reading a million keys.
 */
final class RowKeyJson {

    private final List<String> key;
    private final Set<String> integral;
    /** "{\"id\":" for a single integer key, else null. */
    private final String head;

    RowKeyJson(List<String> key, Set<String> integral) {
        this.key = key;
        this.integral = integral;
        if (key.size() == 1 && integral.contains(key.get(0))) {
            String one = new JsonObject().put(key.get(0), 0L).encode();
            head = one.substring(0, one.length() - 2);
        } else {
            head = null;
        }
    }

    /** The key of a row whose first columns are the key's, as text. */
    String encode(Row r) {
        if (head != null) {
            String v = r.getString(0);
            if (v != null) {
                try {
                    return head + Long.parseLong(v) + '}';
                } catch (NumberFormatException e) {
                    // not a plain integer after all: as the general case does
                }
            }
        }
        JsonObject pk = new JsonObject();
        for (int k = 0; k < key.size(); k++) {
            pk.put(key.get(k), value(integral, key.get(k), r.getString(k)));
        }
        return pk.encode();
    }

    /** A key value as it goes into the locator: integers of integer columns as numbers, the rest as text. */
    static Object value(Set<String> integral, String column, String text) {
        if (text != null && integral.contains(column)) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return text;
    }
}
