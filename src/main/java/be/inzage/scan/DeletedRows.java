package be.inzage.scan;

import be.inzage.inventory.Finding;
import be.inzage.inventory.FindingDelta;
import be.inzage.inventory.InventoryIndex;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import org.apache.lucene.util.BytesRef;

import java.util.Set;

/**
 * The rows the inventory holds for a table that are no longer in it: every row key is read (keys
 * only, {@link #KEY_BATCH} a read, in one pass per {@link #KEYS_PER_PASS} rows), hashed as its record
 * id, and the inventory's rows of the table are checked against them.
 */
final class DeletedRows {

    /** Row keys held in memory at once (8 bytes each): a bigger table is checked in several passes. */
    static final long KEYS_PER_PASS = 4_000_000;
    /** Row keys per cursor read. */
    static final int KEY_BATCH = 5_000;

    private final SqlDialect dialect;
    private final WorkerExecutor workers;
    private final InventoryIndex index;

    DeletedRows(SqlDialect dialect, WorkerExecutor workers, InventoryIndex index) {
        this.dialect = dialect;
        this.workers = workers;
        this.index = index;
    }

    /**
     * Adds the deleted rows (16-byte record terms) to {@code removed}; how many were added. Fails with
     * {@link DatabaseCrawler.ReadWhole} once {@code removed} holds more than {@code limit}.
     */
    Future<Long> find(SqlConnection conn, DatabaseCrawler.Table t, String cid, Set<BytesRef> removed, long limit, long estimate) {
        int passes = (int) Math.max(1, (estimate + KEYS_PER_PASS - 1) / KEYS_PER_PASS);
        StringBuilder sql = new StringBuilder("select ");
        for (String k : t.pk()) {
            sql.append(dialect.asText(dialect.quote(k))).append(", ");
        }
        sql.setLength(sql.length() - 2);
        sql.append(" from ").append(dialect.table(t.schema(), t.name()));
        long[] deleted = {0};
        Future<Void> chain = Future.succeededFuture();
        for (int p = 0; p < passes; p++) {
            int pass = p;
            chain = chain.compose(v -> {
                RowKeys present = new RowKeys(Math.min(KEYS_PER_PASS, estimate / passes + 1024), passes, pass);
                return conn.prepare(sql.toString()).compose(ps -> keys(ps.cursor(), t, present))
                        .compose(x -> workers.executeBlocking(() -> {
                            present.seal();
                            FindingDelta.forEachRow(index, cid, term -> {
                                if (present.inPass(term) && !present.contains(term) && removed.add(BytesRef.deepCopyOf(term))) {
                                    deleted[0]++;
                                    if (removed.size() > limit) {
                                        throw new DatabaseCrawler.ReadWhole("more than " + limit + " rows changed or deleted since the last scan");
                                    }
                                }
                            });
                            return null;
                        }, false));
            });
        }
        return chain.map(v -> deleted[0]);
    }

    /** Reads every row key of a table into {@code present}, hashing on a worker. */
    private Future<Void> keys(Cursor cursor, DatabaseCrawler.Table t, RowKeys present) {
        RowKeyJson json = new RowKeyJson(t.pk(), t.integral());
        return cursor.read(KEY_BATCH).compose(batch -> workers.executeBlocking(() -> {
            for (Row r : batch) {
                present.add(Finding.sha256Prefix(json.encode(r)));
            }
            return null;
        }, false)).compose(v -> cursor.hasMore() ? keys(cursor, t, present) : cursor.close());
    }
}
