package be.inzage.subject;

import be.inzage.inventory.Finding;
import be.inzage.scan.ScanRunner;
import be.inzage.scan.SqlDialect;
import be.inzage.source.SourceUri;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Database rows named by findings: read a column live (parameterised, read-only) for access
 * reports and verification, and write the statement an erasure plan proposes. Values never enter
 * SQL text; the row's key goes in as parameters. Container ids are "schema.table".
 */
public final class DatabaseRows implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final Map<String, Pool> pools = new LinkedHashMap<>();

    /** The current values of the finding's column in each of its rows; null entries for rows that are gone. */
    public List<String> read(Finding f) {
        SqlDialect d = dialect(f.source());
        Pool pool = pools.computeIfAbsent(f.source(), s -> d.pool(vertx));
        List<String> out = new ArrayList<>();
        for (Object o : f.rowKeys()) {
            JsonObject pk = (JsonObject) o;
            if (pk.containsKey("row")) {
                throw new IllegalStateException("rows of a table without a primary key cannot be read back");
            }
            Statement st = select(d, f, pk);
            for (Row r : pool.preparedQuery(st.sql()).execute(st.params()).await()) {
                out.add(r.getString(0));
            }
        }
        return out;
    }

    record Statement(String sql, Tuple params) {
    }

    /**
     * Calls {@code each} with the key and the column (as text) of every row of the finding's table,
     * a cursor read at a time inside a read-only transaction with the scan's statement time limit,
     * rolled back: for a value in more rows than its finding lists (1,000), where only a pass over the
     * column finds them all.
     */
    public void forEachRow(Finding f, java.util.function.BiConsumer<JsonObject, String> each) {
        SqlDialect d = dialect(f.source());
        Pool pool = pools.computeIfAbsent(f.source(), s -> d.pool(vertx));
        JsonObject first = f.rowKeys().getJsonObject(0);
        List<String> key = new ArrayList<>(first.fieldNames());
        if (key.contains("row")) {
            throw new IllegalStateException("rows of a table without a primary key cannot be read back");
        }
        String[] st = split(f.container());
        StringBuilder sql = new StringBuilder("select ");
        for (String k : key) {
            sql.append(d.asText(k.equals("ctid") ? "ctid" : d.quote(k))).append(", ");
        }
        sql.append(d.asText(d.quote(f.field()))).append(" from ").append(d.table(st[0], st[1]));
        io.vertx.sqlclient.SqlConnection conn = pool.getConnection().await();
        try {
            for (String statement : d.begin()) {
                conn.query(statement).execute().await(); // as gentle as a scan: read only, a time limit
            }
            try {
                io.vertx.sqlclient.Cursor cursor = conn.prepare(sql.toString()).await().cursor();
                do {
                    for (Row r : cursor.read(ROWS_PER_READ).await()) {
                        JsonObject pk = new JsonObject();
                        for (int i = 0; i < key.size(); i++) {
                            pk.put(key.get(i), keyValue(first.getValue(key.get(i)), r.getString(i)));
                        }
                        each.accept(pk, r.getString(key.size()));
                    }
                } while (cursor.hasMore());
                cursor.close().await();
            } finally {
                conn.query("rollback").execute().await();
            }
        } finally {
            conn.close().await();
        }
    }

    private static final int ROWS_PER_READ = 2_000;

    /** A key value typed as the scan wrote it into the locator: integers as numbers (see {@code scan.RowKeyJson}). */
    private static Object keyValue(Object asListed, String text) {
        if (asListed instanceof Number && text != null) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return text;
    }

    private static Statement select(SqlDialect d, Finding f, JsonObject pk) {
        String[] st = split(f.container());
        StringBuilder sql = new StringBuilder("select ").append(d.asText(d.quote(f.field()))).append(" from ")
                .append(d.table(st[0], st[1])).append(" where ");
        Tuple params = Tuple.tuple();
        int n = 0;
        for (String k : pk.fieldNames()) {
            if (n > 0) {
                sql.append(" and ");
            }
            String col = k.equals("ctid") ? "ctid" : d.quote(k);
            sql.append(d.asText(col)).append(" = ").append(d.placeholder(++n));
            params.addString(String.valueOf(pk.getValue(k))); // compared as text: one statement shape for every key type
        }
        return new Statement(sql.toString(), params);
    }

    /** The erasure statement for one finding: its column set to NULL in each row (parameters listed, values never). */
    public static JsonObject erasure(Finding f) {
        SqlDialect d = dialect(f.source());
        String[] st = split(f.container());
        JsonArray rows = f.rowKeys();
        JsonObject first = rows.getJsonObject(0);
        StringBuilder sql = new StringBuilder("update ").append(d.table(st[0], st[1])).append(" set ").append(d.quote(f.field()))
                .append(" = null where ");
        int n = 0;
        for (String k : first.fieldNames()) {
            if (n > 0) {
                sql.append(" and ");
            }
            sql.append(k.equals("ctid") ? "ctid" : d.quote(k)).append(" = ").append(d.placeholder(++n));
        }
        JsonArray params = new JsonArray();
        for (Object o : rows) {
            params.add(new JsonArray(new ArrayList<>(((JsonObject) o).getMap().values())));
        }
        return new JsonObject().put("sql", sql.toString()).put("params", params)
                .put("notNull", "if the column is NOT NULL, set an empty or placeholder value instead of null")
                .put("alternative", "or delete the whole row when the record itself must go (check foreign keys first)");
    }

    private static SqlDialect dialect(String source) {
        return ScanRunner.dialect(SourceUri.parse(source));
    }

    static String[] split(String container) {
        int dot = container.indexOf('.');
        return new String[] {container.substring(0, dot), container.substring(dot + 1)};
    }

    @Override
    public void close() {
        pools.values().forEach(p -> p.close().await());
        vertx.close().await();
    }
}
