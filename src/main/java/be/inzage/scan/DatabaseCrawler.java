package be.inzage.scan;

import be.inzage.detect.Detection;
import be.inzage.detect.Rulebook;
import be.inzage.extract.FindingCollector;
import be.inzage.extract.ItemOutcome;
import be.inzage.extract.ItemRef;
import be.inzage.inventory.KeyedHasher;
import be.inzage.inventory.FindingDelta;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Crawls a PostgreSQL or MySQL/MariaDB database ({@link SqlDialect}): discovers every table, then streams each
 * table's rows with a cursor inside a read-only transaction (statement timeout, one connection,
 * batches of {@link #BATCH}), runs every column value through the detectors with the column name
 * as field hint, and indexes each value with the primary key of its row. A table that fails is
 * recorded with its SQLSTATE; the others go on. Identifiers in SQL are always quoted, values never
 * concatenated.
 */
public final class DatabaseCrawler extends VerticleBase {

    static final int BATCH = 500;
    /** Rows per read when a table has blob columns: their values can be megabytes each. */
    static final int BINARY_BATCH = 20;

    /** Column types whose values go into row locators as JSON numbers ({"id": 42}), as the contract shows. */
    static final java.util.Set<String> INTEGRAL = java.util.Set.of("smallint", "integer", "bigint", "int", "int2", "int4", "int8",
            "tinyint", "mediumint", "serial", "bigserial", "smallserial");

    /** A foreign key of a table onto another table's primary key: its rows belong to the referenced row. */
    record ForeignKey(List<String> columns, Table ref, List<String> refColumns, List<Integer> columnIndexes) {
    }

    /**
     * A table: schema, name, columns to read (as text), primary-key columns and which columns hold integers.
     * {@code binary}: bytea/blob columns, read raw after the text columns and sniffed for photos and documents.
     */
    record Table(String schema, String name, List<String> columns, List<String> pk, java.util.Set<String> integral, boolean view,
                 List<ForeignKey> fks, List<String> binary) {
        String qualified() {
            return schema + "." + name;
        }
    }

    private final ScanJob job;
    private final SqlDialect dialect;
    private final Rulebook rules;
    private final KeyedHasher hasher;
    private final Promise<ScanSummary> done;
    private final ScanSummary summary;
    private Pool pool;
    private WriterClient writer;
    private WorkerExecutor extractPool;

    private final DbOptions options;

    /** Read-only use here (table states); writes go through the writer verticle. */
    private final be.inzage.inventory.InventoryIndex index;

    public DatabaseCrawler(ScanJob job, SqlDialect dialect, DbOptions options, Rulebook rules, KeyedHasher hasher,
            be.inzage.inventory.InventoryIndex index, Promise<ScanSummary> done) {
        this.index = index;
        this.options = options;
        this.job = job;
        this.dialect = dialect;
        this.rules = rules;
        this.hasher = hasher;
        this.done = done;
        this.summary = new ScanSummary(job.source(), job.scan(), job.progress());
        this.summary.sample(options.sample());
    }

    @Override
    public Future<?> start() {
        pool = dialect.pool(vertx);
        writer = new WriterClient(vertx, index);
        extractPool = vertx.createSharedWorkerExecutor("inzage-extract", FileShareCrawler.EXTRACT_THREADS, 5, TimeUnit.MINUTES);
        discover()
                .compose(this::scanAll)
                // a sample leaves the inventory as it is: nothing written, nothing dropped
                .compose(v -> writer.send(new WriterCommand.Finish(job.sourceId(), job.scan(), options.sample() == 0)))
                .onComplete(ar -> {
                    summary.done(ar.succeeded());
                    if (ar.succeeded()) {
                        done.complete(summary);
                    } else {
                        done.fail(ar.cause());
                    }
                });
        return Future.succeededFuture();
    }

    /** Every base table of every user schema, its columns (binary ones left out for now) and its primary key. */
    private Future<List<Table>> discover() {
        String columns = dialect.columnsSql(options.views());
        String keys = dialect.keysSql();
        return pool.query(columns).execute().compose(cols -> pool.query(keys).execute().compose(pks ->
                pool.query(dialect.foreignKeysSql()).execute().recover(err -> Future.succeededFuture(null)).compose(fks ->
                pool.query(dialect.rowEstimatesSql()).execute().recover(err -> Future.succeededFuture(null)).compose(est ->
                pool.query(dialect.tableStateSql()).execute().recover(err -> Future.succeededFuture(null)).compose(st ->
                (dialect.changeColumnsSql() == null ? Future.<RowSet<Row>>succeededFuture(null)
                        : pool.query(dialect.changeColumnsSql()).execute().recover(err -> Future.succeededFuture(null))).map(cc -> {
            if (cc != null) {
                for (Row r : cc) {
                    changeColumns.putIfAbsent(r.getString(0) + "." + r.getString(1), r.getString(2));
                }
            }
            // columns read below; a column the server maintains wins over one the application is trusted to
            Runnable namedColumns = () -> byApplication.forEach((table, column) -> {
                if (!changeColumns.containsKey(table)) {
                    changeColumns.put(table, column);
                } else {
                    byApplication.remove(table);
                }
            });
            if (st != null) {
                for (Row r : st) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 2; i < 6; i++) {
                        b.append(r.getValue(i)).append('/');
                    }
                    states.put(r.getString(0) + "." + r.getString(1), b.toString());
                }
            }
            if (est != null) {
                for (Row r : est) {
                    estimates.put(r.getString(0) + "." + r.getString(1), r.getLong(2));
                }
            }
            Map<String, Table> tables = new LinkedHashMap<>();
            for (Row r : cols) {
                String type = r.getString(3);
                Table t = tables.computeIfAbsent(r.getString(0) + "\0" + r.getString(1),
                        k -> new Table(r.getString(0), r.getString(1), new ArrayList<>(), new ArrayList<>(), new java.util.HashSet<>(),
                                "view".equals(r.getString(4)), new ArrayList<>(), new ArrayList<>()));
                if (INTEGRAL.contains(type.toLowerCase(java.util.Locale.ROOT).replaceAll("\\(.*", "").replace(" unsigned", "").trim())) {
                    t.integral().add(r.getString(2));
                }
                if (options.changedColumn() != null && !dialect.rowsCarryMarks() && r.getString(2).equalsIgnoreCase(options.changedColumn())
                        && dialect.dateTimeTypes().contains(type.toLowerCase(java.util.Locale.ROOT))) {
                    byApplication.put(t.schema() + "." + t.name(), r.getString(2));
                }
                if (!dialect.binaryTypes().contains(type.toLowerCase(java.util.Locale.ROOT))) {
                    t.columns().add(r.getString(2));
                } else {
                    t.binary().add(r.getString(2));
                }
            }
            for (Row r : pks) {
                Table t = tables.get(r.getString(0) + "\0" + r.getString(1));
                if (t != null) {
                    t.pk().add(r.getString(2));
                }
            }
            if (fks != null) {
                linkForeignKeys(tables, fks);
            }
            List<Table> wanted = new ArrayList<>();
            for (Table t : tables.values()) {
                if (options.wanted(t.schema(), t.name())) {
                    wanted.add(t);
                }
            }
            namedColumns.run();
            summary.estimates(estimates);
            return wanted;
        }))))));
    }

    /** Per schema.table: the statistics that change when its rows do ("ins/upd/del/filenode/"). */
    private final Map<String, String> states = new java.util.HashMap<>();

    /** Row counts from the catalogue's statistics, by schema.table: for progress, sampling and the record. */
    private final Map<String, Long> estimates = new java.util.HashMap<>();

    /** Keeps the foreign keys that point at a whole primary key, whose values name the referenced row. */
    private static void linkForeignKeys(Map<String, Table> tables, RowSet<Row> fks) {
        Map<String, ForeignKey> byConstraint = new LinkedHashMap<>();
        for (Row r : fks) {
            Table t = tables.get(r.getString(0) + "\0" + r.getString(1));
            Table ref = tables.get(r.getString(3) + "\0" + r.getString(4));
            if (t == null || ref == null) {
                continue;
            }
            ForeignKey fk = byConstraint.computeIfAbsent(r.getString(0) + "\0" + r.getString(1) + "\0" + r.getString(6),
                    k -> new ForeignKey(new ArrayList<>(), ref, new ArrayList<>(), new ArrayList<>()));
            fk.columns().add(r.getString(2));
            fk.refColumns().add(r.getString(5));
        }
        byConstraint.forEach((k, fk) -> {
            Table t = tables.get(k.substring(0, k.lastIndexOf('\0')));
            if (t != null && fk.refColumns().equals(fk.ref().pk()) && t.columns().containsAll(fk.columns())) {
                fk.columns().forEach(c -> fk.columnIndexes().add(t.columns().indexOf(c)));
                t.fks().add(fk);
            }
        });
    }

    private Future<Void> scanAll(List<Table> tables) {
        job.progress().listed(tables.size());
        job.progress().listingDone();
        Future<Void> chain = Future.succeededFuture();
        for (Table t : tables) {
            chain = chain.compose(v -> incrementally(t).recover(err -> {
                summary.record(t.qualified(), ItemOutcome.failed(SqlDialect.reason(err), 0), Map.of());
                return Future.succeededFuture();
            }));
        }
        return chain;
    }

    /**
     * A table whose statistics are the same as when it was last read completely is not read again:
     * its findings are kept, as an unchanged file's are. Any insert, update, delete, truncate or
     * rewrite changes them; a table without statistics (a view, MySQL after a restart) is read.
     * A changed table whose rows carry change marks (PostgreSQL's xmin) is read incrementally: only
     * the rows changed since the last read ({@link #changedRows}); otherwise it is read whole.
     */
    private Future<Void> incrementally(Table t) {
        if (options.sample() > 0) {
            return scanTable(t).mapEmpty();
        }
        String itemId = new ItemRef(job.sourceId(), job.source(), "db", t.qualified(), null).recordId();
        String state = states.get(t.qualified());
        // the statistics as one number; the row estimate is left out (ANALYZE changes it without any row changing)
        long stamp = state == null ? 0 : Long.parseLong(be.inzage.inventory.Finding.sha256(state).substring(0, 15), 16);
        // a new rules version or another set of columns, keys or references: what was found before no longer holds
        String version = rules.version() + "/" + be.inzage.inventory.Finding.sha256(shape(t));
        return extractPool.executeBlocking(() -> index.state(itemId), false).compose(prev -> {
            boolean comparable = prev != null && prev.rules().equals(version) && !options.full();
            if (comparable && stamp != 0 && prev.modified() == stamp) {
                summary.record(t.qualified(), ItemOutcome.unchanged(0), Map.of());
                index.keep(job.sourceId(), itemId, job.scan());
                return Future.succeededFuture();
            }
            Future<Long> read = comparable && prev.size() > 0 && marked(t) ? changedRows(t, prev.size(), itemId) : scanTable(t);
            // the mark goes where a file keeps its size: the next read starts from it
            return read.compose(mark -> writer.send(new WriterCommand.Remember(itemId, job.sourceId(), mark, stamp, version,
                    job.scan())).mapEmpty());
        });
    }

    /** Whether rows of the table can be told apart by change marks and located by a primary key. */
    private boolean marked(Table t) {
        return dialect.changeMarkSql() != null && !t.pk().isEmpty() && !t.view()
                && (dialect.rowsCarryMarks() || changeColumns.containsKey(t.qualified()));
    }

    /** Per schema.table: its change column (see {@link SqlDialect#changeColumnsSql}). */
    private final Map<String, String> changeColumns = new java.util.HashMap<>();

    /** Per schema.table: the column named by {@code changed_column}, set by the application (where the server sets none). */
    private final Map<String, String> byApplication = new java.util.HashMap<>();

    /** What the findings of a table depend on besides its rows: columns, key and references. */
    private static String shape(Table t) {
        StringBuilder b = new StringBuilder(t.qualified()).append('\0').append(t.columns()).append(t.binary()).append(t.pk())
                .append(t.integral().stream().sorted().toList());
        for (ForeignKey fk : t.fks()) {
            b.append(fk.columns()).append(fk.ref().qualified()).append(fk.refColumns());
        }
        return b.toString();
    }

    static final int ATTEMPTS = 3;
    static final long RETRY_MILLIS = 1000;

    /** Reads one table whole; the change mark to read from next time (0: none). */
    private Future<Long> scanTable(Table t) {
        return withRetries(attempt -> readTable(t, attempt), 1);
    }

    /**
     * Runs a read; a connection lost mid-read (pg_terminate_backend, a restart) is retried from the
     * start on a new connection, up to {@link #ATTEMPTS} times: the first write of a read replaces
     * what an interrupted one wrote, so nothing is counted twice.
     */
    private <T> Future<T> withRetries(java.util.function.IntFunction<Future<T>> read, int attempt) {
        return read.apply(attempt).recover(err -> {
            if (attempt >= ATTEMPTS || !SqlDialect.connectionLost(err)) {
                return Future.failedFuture(err);
            }
            Promise<T> later = Promise.promise();
            vertx.setTimer(RETRY_MILLIS * attempt, x -> withRetries(read, attempt + 1).onComplete(later));
            return later.future();
        });
    }

    /** "select key, columns, blobs from table": every value as text but blobs, which are read raw. */
    private String selectSql(Table t, List<String> key, boolean byRowId) {
        StringBuilder sql = new StringBuilder("select ");
        for (String k : key) {
            sql.append(dialect.asText(byRowId ? k : dialect.quote(k))).append(", ");
        }
        for (String c : t.columns()) {
            sql.append(dialect.asText(dialect.quote(c))).append(", ");
        }
        for (String c : t.binary()) {
            sql.append(dialect.quote(c)).append(", ");
        }
        sql.setLength(sql.length() - 2);
        return sql.append(" from ").append(dialect.table(t.schema(), t.name())).toString();
    }

    /** The change mark of the read's transaction (see {@link SqlDialect#changeMarkSql}), or 0 when the table has none. */
    private Future<long[]> mark(SqlConnection conn, Table t) {
        if (!marked(t) || options.sample() > 0) {
            return Future.succeededFuture(new long[] {0, 0});
        }
        return conn.query(dialect.changeMarkSql()).execute().map(rs -> {
            Row r = rs.iterator().next();
            return new long[] {r.getLong(0), r.getLong(1)};
        });
    }

    private Future<Long> readTable(Table t, int attempt) {
        ItemRef item = new ItemRef(job.sourceId(), job.source(), "db", t.qualified(), null);
        PipelinedSink sink = new PipelinedSink(options.sample() > 0 ? (cid, batch, first) -> { } : this::write);
        FindingCollector collector = new FindingCollector(item, rules.policy(), hasher, sink, false).spillTo(job.spill());
        boolean byRowId = t.pk().isEmpty() && !t.view() && dialect.rowIdColumn() != null;
        List<String> key = t.pk().isEmpty() ? (byRowId ? List.of(dialect.rowIdColumn()) : List.of()) : t.pk();
        StringBuilder sql = new StringBuilder(selectSql(t, key, byRowId));
        if (options.sample() > 0) {
            sql.append(dialect.sampleClause(estimates.getOrDefault(t.qualified(), Long.MAX_VALUE), options.sample()));
        }
        long[] rows = {0};
        long[] mark = {0};
        ColumnProfile profile = profile(t);
        return pool.withConnection(conn -> begin(conn)
                .compose(v -> mark(conn, t)).map(m -> mark[0] = m[0])
                .compose(v -> conn.prepare(sql.toString()))
                .compose(ps -> read(ps.cursor(), new TableRows(rules, job, t, key, collector, profile, null, refCids), rows))
                .compose(v -> conn.query("commit").execute())
                .recover(err -> abandoned(conn, collector, item.recordId(), err))
                .compose(v -> extractPool.executeBlocking(() -> {
                    try {
                        collector.finish();
                    } finally {
                        sink.drain();
                    }
                    return null;
                }))
                .map(v -> {
                    String note = t.pk().isEmpty() ? (byRowId ? "no primary key: rows located by " + dialect.rowIdColumn()
                            + ", which changes on update" : (t.view() ? "view: " : "no primary key: ")
                            + "rows located by their position in the read") : null;
                    if (attempt > 1) {
                        String retried = "read again after the connection was lost (attempt " + attempt + ")";
                        note = note == null ? retried : note + "; " + retried;
                    }
                    String why = fullReadReason.remove(t.qualified());
                    if (why != null) {
                        note = note == null ? why : note + "; " + why;
                    }
                    summary.record(t.qualified(), ItemOutcome.scanned(0, collector.findings(), note), collector.perType());
                    summary.columns(profile.classified(rules.policy()), t.columns().size(), rows[0]);
                    return mark[0];
                }));
    }

    /** The value profile of a table's columns: text columns, then blobs, as {@link TableRows} numbers them. */
    private static ColumnProfile profile(Table t) {
        List<String> profiled = new ArrayList<>(t.columns());
        profiled.addAll(t.binary());
        return new ColumnProfile(t.qualified(), profiled);
    }

    /** Why a table that could have been read incrementally was read whole this time, by schema.table. */
    private final Map<String, String> fullReadReason = new java.util.concurrent.ConcurrentHashMap<>();

    /** An incremental read that should not go on: the table is read whole instead. */
    static final class ReadWhole extends RuntimeException {
        ReadWhole(String why) {
            super(why, null, false, false);
        }
    }

    /** Rows read from a table's change marks: at least this many may always be, more only up to a quarter of the table. */
    static final int MIN_CHANGED_ROWS = 50_000;
    /**
     * Rows changed or deleted that an incremental read holds at most (their ids, about 90 bytes each
     * in memory): beyond, reading the table whole costs less than it saves.
     */
    static final int MAX_CHANGED_ROWS = 500_000;

    /**
     * Reads only the rows changed since {@code since} (their change mark), and the keys of all rows
     * to find those deleted; then brings the table's findings up to date ({@link FindingDelta}) without
     * touching the rest. When too much changed, or the mark is too old to compare, the table is read whole.
     */
    private Future<Long> changedRows(Table t, long since, String itemId) {
        return withRetries(attempt -> readChanges(t, since, itemId), 1).recover(err -> {
            if (err instanceof ReadWhole whole) {
                fullReadReason.put(t.qualified(), "read whole: " + whole.getMessage());
                return scanTable(t);
            }
            return Future.failedFuture(err);
        });
    }

    private Future<Long> readChanges(Table t, long since, String itemId) {
        ItemRef item = new ItemRef(job.sourceId(), job.source(), "db", t.qualified(), null);
        String cid = item.cid();
        FindingDelta[] delta = {null};
        FindingCollector collector = new FindingCollector(item, rules.policy(), hasher, (c, batch, first) -> {
            try {
                delta[0].merge(batch);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, false).spillTo(job.spill());
        java.util.Set<org.apache.lucene.util.BytesRef> removed = new java.util.HashSet<>();
        long estimate = estimates.getOrDefault(t.qualified(), 0L);
        long limit = Math.min(MAX_CHANGED_ROWS, Math.max(MIN_CHANGED_ROWS, estimate / 4));
        long[] rows = {0};
        long[] counts = {0, 0};
        long[] mark = {0};
        String column = changeColumns.get(t.qualified());
        boolean named = byApplication.containsKey(t.qualified());
        String sql = selectSql(t, t.pk(), false) + " where " + (named ? dialect.changedSinceByApplication(column, dialect.placeholder(1))
                : dialect.changedSince(column, dialect.placeholder(1)));
        ColumnProfile unused = profile(t);
        java.util.function.Consumer<String> changedRow = pkJson -> {
            if (removed.add(FindingDelta.rowOf(pkJson)) && removed.size() > limit) {
                throw new ReadWhole("more than " + limit + " rows changed since the last scan");
            }
            counts[0]++;
        };
        long started = System.nanoTime();
        long[] phase = new long[3];
        return pool.withConnection(conn -> begin(conn, dialect.beginSnapshot())
                .compose(v -> mark(conn, t)).compose(m -> {
                    mark[0] = m[0];
                    if (m[0] < since || m[1] - since > dialect.markReach()) {
                        return Future.failedFuture(new ReadWhole("the last scan's change mark is out of reach"));
                    }
                    return conn.prepare(sql);
                })
                .compose(ps -> read(ps.cursor(io.vertx.sqlclient.Tuple.of(dialect.markParameter(since))),
                        new TableRows(rules, job, t, t.pk(), collector, unused, changedRow, refCids), rows))
                .compose(v -> {
                    phase[0] = System.nanoTime();
                    return new DeletedRows(dialect, extractPool, index).find(conn, t, cid, removed, limit, estimate)
                            .map(deleted -> counts[1] = deleted).mapEmpty();
                })
                .compose(v -> conn.query("commit").execute())
                .recover(err -> abandoned(conn, collector, itemId, err))
                .compose(v -> extractPool.executeBlocking(() -> {
                    phase[1] = System.nanoTime();
                    delta[0] = new FindingDelta(index, cid, job.scan(), removed);
                    delta[0].dropRemovedRows();
                    phase[2] = System.nanoTime();
                    collector.finish();
                    delta[0].finish();
                    index.keep(job.sourceId(), itemId, job.scan());
                    if (Boolean.getBoolean("inzage.stats")) {
                        // for bench/: where an incremental read goes
                        System.err.printf("incremental %s changed_s=%.3f keys_s=%.3f drop_s=%.3f merge_s=%.3f%n", t.qualified(),
                                (phase[0] - started) / 1e9, (phase[1] - phase[0]) / 1e9, (phase[2] - phase[1]) / 1e9,
                                (System.nanoTime() - phase[2]) / 1e9);
                    }
                    return null;
                }, false))
                .map(v -> {
                    summary.record(t.qualified(), ItemOutcome.scanned(0, collector.findings(), null), collector.perType());
                    summary.incremental(t.qualified(), counts[0], counts[1], named ? column + " (changed_column)"
                            : dialect.changeMarkName(column));
                    return mark[0];
                }));
    }

    /**
     * A read that failed: rolled back, what was collected (and spilled) discarded. Nothing was
     * written yet (findings go in after the last row), so the table keeps its findings and its mark
     * and the next scan catches up; unless it was dropped, or is about to be read whole anyway.
     */
    private <T> Future<T> abandoned(SqlConnection conn, FindingCollector collector, String itemId, Throwable err) {
        return conn.query("rollback").execute()
                .transform(x -> extractPool.executeBlocking(() -> {
                    collector.discard();
                    if (!(err instanceof ReadWhole) && !SqlDialect.tableGone(err)) {
                        index.keep(job.sourceId(), itemId, job.scan());
                    }
                    return null;
                }, false))
                .transform(x -> Future.failedFuture(err));
    }

    private Future<Void> begin(SqlConnection conn) {
        return begin(conn, dialect.begin());
    }

    private Future<Void> begin(SqlConnection conn, List<String> statements) {
        Future<Void> f = Future.succeededFuture();
        for (String stmt : statements) {
            f = f.compose(v -> conn.query(stmt).execute().mapEmpty());
        }
        return f;
    }

    /** Reads the cursor to its end into {@code table}'s findings, a batch at a time; counts the rows in {@code rows[0]}. */
    private Future<Void> read(Cursor cursor, TableRows table, long[] rows) {
        long started = System.nanoTime();
        return cursor.read(table.table().binary().isEmpty() ? batchSize() : Math.min(batchSize(), BINARY_BATCH)).compose(batch -> {
            List<Row> list = new ArrayList<>(batch.size());
            batch.forEach(list::add);
            // the detectors run on both halves of the batch at once; the findings are then added in row order
            @SuppressWarnings("unchecked")
            List<Detection>[][] found = new List[list.size()][];
            int half = list.size() / 2;
            Future<Void> first = extractPool.executeBlocking(() -> table.detect(list, found, 0, half), false);
            Future<Void> second = extractPool.executeBlocking(() -> table.detect(list, found, half, list.size()), false);
            return Future.all(first, second).compose(x -> extractPool.executeBlocking(() -> {
                table.add(list, found);
                rows[0] += list.size();
                return list.size();
            }, false));
        }).compose(n -> pace(started, n))
                .compose(v -> cursor.hasMore() ? read(cursor, table, rows) : cursor.close());
    }

    /** Rows per cursor read: no more than a second's worth when a rate is set. */
    private int batchSize() {
        return options.maxRowsPerSecond() > 0 ? Math.max(1, Math.min(BATCH, options.maxRowsPerSecond())) : BATCH;
    }

    /** With max_rows_per_second, waits (on a timer, not a thread) until the batch has taken its share of a second. */
    private Future<Void> pace(long startedNanos, int rowsRead) {
        if (options.maxRowsPerSecond() <= 0 || rowsRead == 0) {
            return Future.succeededFuture();
        }
        long due = rowsRead * 1_000_000_000L / options.maxRowsPerSecond();
        long waitMillis = (due - (System.nanoTime() - startedNanos)) / 1_000_000;
        if (waitMillis < 1) {
            return Future.succeededFuture();
        }
        Promise<Void> p = Promise.promise();
        vertx.setTimer(waitMillis, x -> p.complete());
        return p.future();
    }

    /** Container ids of referenced tables, worked out once per table rather than per row. */
    private final Map<String, String> refCids = new java.util.concurrent.ConcurrentHashMap<>();

    private void write(String cid, List<be.inzage.inventory.Finding> batch, boolean first) {
        writer.replace(cid, batch, job.scan(), first);
    }

    @Override
    public Future<?> stop() {
        return pool.close().compose(v -> extractPool.close());
    }
}
