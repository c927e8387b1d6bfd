package be.inzage.scan;

import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.util.List;
import java.util.Set;

/** What differs between PostgreSQL and MySQL/MariaDB for a read-only crawl: catalog queries, quoting, sessions. */
public interface SqlDialect {

    Pool pool(Vertx vertx);

    /** Rows of (schema, table, column, type) for every base table the crawl should cover. */
    String columnsSql();

    /** As {@link #columnsSql()}, views included when asked; the fifth column says "view" or "table". */
    String columnsSql(boolean views);

    /**
     * Rows of (schema, table, column, referenced schema, referenced table, referenced column,
     * constraint) of every foreign key, in key order.
     */
    String foreignKeysSql();

    /**
     * Rows of (schema, table, a, b, c, d): numbers that change whenever the table's rows do (insert,
     * update, delete counters and storage identity), or null when the database keeps none for it.
     */
    String tableStateSql();

    /** Rows of (schema, table, estimated row count) from the catalogue's statistics (no count(*)). */
    String rowEstimatesSql();

    /** What follows "select ... from table" to read a random sample of about {@code n} rows. */
    String sampleClause(long estimatedRows, int n);

    /** Rows of (schema, table, column) of every primary key, in key order. */
    String keysSql();

    String quote(String identifier);

    String asText(String quotedColumn);

    /** Statements that open a read-only transaction with a statement time limit. */
    List<String> begin();

    /** The stable row id to use when a table has no primary key, or null. */
    String rowIdColumn();

    Set<String> binaryTypes();

    /** The n-th (1-based) parameter placeholder. */
    String placeholder(int n);

    /**
     * A query giving (mark, horizon) inside a read's transaction: every row changed by a transaction
     * the read cannot see has a change mark at or after {@code mark}; {@code horizon} is where marks
     * are now. Null when the database offers no such mark: changed tables are then read whole.
     */
    default String changeMarkSql() {
        return null;
    }

    /** Whether every row carries its change mark (PostgreSQL's xmin); otherwise only tables with a {@link #changeColumnsSql} column. */
    default boolean rowsCarryMarks() {
        return false;
    }

    /** Rows of (schema, table, column) of the columns the database itself sets on insert and update, or null. */
    default String changeColumnsSql() {
        return null;
    }

    /** What the change marks are, for the scan record; {@code column} is the table's change column or null. */
    default String changeMarkName(String column) {
        return "change marks";
    }

    /**
     * The condition "changed at or after the mark given as parameter {@code placeholder}" (see
     * {@link #changeMarkSql}); {@code column} is the table's change column, or null where rows carry marks.
     */
    default String changedSince(String column, String placeholder) {
        throw new UnsupportedOperationException("no change marks");
    }

    /**
     * As {@link #changedSince}, for a column the application sets (named with {@code changed_column}):
     * written in a time zone we do not know, and perhaps left empty on insert.
     */
    default String changedSinceByApplication(String column, String placeholder) {
        return changedSince(column, placeholder);
    }

    /** Date-time column types a {@code changed_column} may have. */
    default Set<String> dateTimeTypes() {
        return Set.of();
    }

    /** The mark as the parameter of {@link #changedSince}. */
    default Object markParameter(long mark) {
        return mark;
    }

    /** How far marks may have moved since the last read for {@link #changedSince} to still be exact. */
    default long markReach() {
        return Long.MAX_VALUE;
    }

    /** As {@link #begin}, with one snapshot for every statement: changed rows and row keys read as of the same moment. */
    default List<String> beginSnapshot() {
        return begin();
    }

    /** "schema"."table" quoted. */
    default String table(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    /** A connection lost mid-read (killed by an administrator, a restart, the network): worth one more try. */
    static boolean connectionLost(Throwable err) {
        for (Throwable t = err; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.core.VertxException && String.valueOf(t.getMessage()).toLowerCase().contains("closed")) {
                return true;
            }
            if (t instanceof java.io.IOException || t.getClass().getSimpleName().equals("ClosedConnectionException")) {
                return true;
            }
            if (t instanceof DatabaseException db) {
                String state = db.getSqlState() == null ? "" : db.getSqlState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                        || db.getErrorCode() == 2006 || db.getErrorCode() == 2013 || db.getErrorCode() == 1927) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The table went between discovery and its read (dropped, renamed). */
    static boolean tableGone(Throwable err) {
        return err instanceof DatabaseException db && ("42P01".equals(db.getSqlState()) || db.getErrorCode() == 1146);
    }

    static String reason(Throwable err) {
        if (err instanceof DatabaseException db) {
            String state = db.getSqlState() == null ? "" : db.getSqlState();
            if (state.equals("42501") || db.getErrorCode() == 1142 || db.getErrorCode() == 1143) {
                return "permission denied (SQLSTATE " + state + ")";
            }
            if (tableGone(err)) {
                return "table dropped during the scan (SQLSTATE " + state + ")";
            }
            if (state.equals("57014") || db.getErrorCode() == 3024 || db.getErrorCode() == 1969) {
                return "statement timeout (SQLSTATE " + state + ")";
            }
            if (connectionLost(err)) {
                return "connection lost during the read (SQLSTATE " + state + ")";
            }
            return "database error (SQLSTATE " + state + ", code " + db.getErrorCode() + ")";
        }
        if (connectionLost(err)) {
            return "connection lost during the read (" + err.getClass().getSimpleName() + ")";
        }
        return "database error (" + err.getClass().getSimpleName() + ")";
    }

    record Postgres(PgConnectOptions options) implements SqlDialect {
        @Override
        public Pool pool(Vertx vertx) {
            return PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(options).using(vertx).build();
        }

        // pg_catalog, not information_schema: the latter hides tables and keys the scanning role cannot
        // read, and a table we may not read must be listed as failed, not silently missing.
        @Override
        public String columnsSql() {
            return columnsSql(false);
        }

        @Override
        public String columnsSql(boolean views) {
            return "select n.nspname, c.relname, a.attname, t.typname,"
                    + " case when c.relkind in ('v', 'm') then 'view' else 'table' end from pg_class c"
                    + " join pg_namespace n on n.oid = c.relnamespace"
                    + " join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped"
                    + " join pg_type t on t.oid = a.atttypid"
                    + " where c.relkind in (" + (views ? "'r', 'p', 'v', 'm'" : "'r', 'p'") + ")"
                    + " and n.nspname not in ('pg_catalog', 'information_schema')"
                    + " and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'"
                    + " order by n.nspname, c.relname, a.attnum";
        }

        /** pg_stat_user_tables counters (flushed within seconds) and relfilenode (changes on TRUNCATE, VACUUM FULL). */
        @Override
        public String tableStateSql() {
            return "select n.nspname, c.relname, s.n_tup_ins, s.n_tup_upd, s.n_tup_del, c.relfilenode::bigint from pg_class c"
                    + " join pg_namespace n on n.oid = c.relnamespace join pg_stat_user_tables s on s.relid = c.oid"
                    + " where c.relkind in ('r', 'p')";
        }

        @Override
        public String rowEstimatesSql() {
            return "select n.nspname, c.relname, greatest(c.reltuples, 0)::bigint from pg_class c"
                    + " join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p', 'm')";
        }

        /** TABLESAMPLE SYSTEM picks whole pages: cheap on a big table; three times the share asked, then a limit. */
        @Override
        public String sampleClause(long estimatedRows, int n) {
            if (estimatedRows <= 2L * n) {
                return " limit " + n;
            }
            double pct = Math.min(100.0, 300.0 * n / estimatedRows);
            return String.format(java.util.Locale.ROOT, " tablesample system (%.4f) limit %d", pct, n);
        }

        @Override
        public String foreignKeysSql() {
            return "select n.nspname, c.relname, a.attname, rn.nspname, rc.relname, ra.attname, k.conname from pg_constraint k"
                    + " join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace"
                    + " join pg_class rc on rc.oid = k.confrelid join pg_namespace rn on rn.oid = rc.relnamespace"
                    + " cross join lateral unnest(k.conkey, k.confkey) with ordinality as u(col, refcol, ord)"
                    + " join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.col"
                    + " join pg_attribute ra on ra.attrelid = k.confrelid and ra.attnum = u.refcol"
                    + " where k.contype = 'f' order by n.nspname, c.relname, k.conname, u.ord";
        }

        @Override
        public String keysSql() {
            return "select n.nspname, c.relname, a.attname from pg_index i"
                    + " join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace"
                    + " join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)"
                    + " where i.indisprimary order by n.nspname, c.relname, array_position(i.indkey::int2[], a.attnum)";
        }

        @Override
        public String quote(String identifier) {
            return '"' + identifier.replace("\"", "\"\"") + '"';
        }

        @Override
        public String asText(String quotedColumn) {
            return quotedColumn + "::text";
        }

        @Override
        public List<String> begin() {
            return List.of("begin read only", "set local statement_timeout = '300s'");
        }

        @Override
        public String rowIdColumn() {
            return "ctid";
        }

        @Override
        public Set<String> binaryTypes() {
            return Set.of("bytea");
        }

        @Override
        public String placeholder(int n) {
            return "$" + n;
        }

        /**
         * Transaction ids as 64-bit txids: the oldest transaction still running when the read's
         * snapshot was taken (anything the read cannot see is at or after it), and the next to start.
         */
        @Override
        public String changeMarkSql() {
            return "select txid_snapshot_xmin(txid_current_snapshot()), txid_snapshot_xmax(txid_current_snapshot())";
        }

        /**
         * A row's xmin is the transaction that wrote this version of it (insert or update). xmin is a
         * 32-bit id that wraps around: compared by age, which is exact while the mark is less than
         * 2^31 transactions old ({@link #markReach}); frozen rows are as old as can be.
         */
        @Override
        public String changedSince(String column, String placeholder) {
            return "age(xmin) <= age(" + placeholder + "::text::xid)";
        }

        @Override
        public Object markParameter(long mark) {
            return Long.toString(mark & 0xFFFF_FFFFL);
        }

        @Override
        public boolean rowsCarryMarks() {
            return true;
        }

        @Override
        public String changeMarkName(String column) {
            return "xmin";
        }

        @Override
        public long markReach() {
            return 1L << 30;
        }

        @Override
        public List<String> beginSnapshot() {
            return List.of("begin isolation level repeatable read read only", "set local statement_timeout = '300s'");
        }
    }

    record MySql(MySQLConnectOptions options) implements SqlDialect {
        @Override
        public Pool pool(Vertx vertx) {
            return MySQLBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(options).using(vertx).build();
        }

        @Override
        public String columnsSql() {
            return columnsSql(false);
        }

        @Override
        public String columnsSql(boolean views) {
            return "select c.table_schema, c.table_name, c.column_name, c.data_type,"
                    + " case when t.table_type = 'VIEW' then 'view' else 'table' end from information_schema.columns c"
                    + " join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name"
                    + " where t.table_type in (" + (views ? "'BASE TABLE', 'VIEW'" : "'BASE TABLE'") + ") and c.table_schema = database()"
                    + " order by c.table_schema, c.table_name, c.ordinal_position";
        }

        /** update_time is null after a restart (InnoDB keeps it in memory): then there is no state and the table is read. */
        @Override
        public String tableStateSql() {
            return "select table_schema, table_name, unix_timestamp(update_time), table_rows, data_length, create_time + 0"
                    + " from information_schema.tables where table_schema = database() and table_type = 'BASE TABLE'"
                    + " and update_time is not null";
        }

        @Override
        public String rowEstimatesSql() {
            return "select table_schema, table_name, coalesce(table_rows, 0) from information_schema.tables"
                    + " where table_schema = database()";
        }

        /** No TABLESAMPLE here: a random filter over one pass, then a limit (no sort). */
        @Override
        public String sampleClause(long estimatedRows, int n) {
            if (estimatedRows <= 2L * n) {
                return " limit " + n;
            }
            double p = Math.min(1.0, 2.0 * n / estimatedRows);
            return String.format(java.util.Locale.ROOT, " where rand() < %.6f limit %d", p, n);
        }

        @Override
        public String foreignKeysSql() {
            return "select table_schema, table_name, column_name, referenced_table_schema, referenced_table_name,"
                    + " referenced_column_name, constraint_name from information_schema.key_column_usage"
                    + " where referenced_table_name is not null and table_schema = database()"
                    + " order by table_schema, table_name, constraint_name, ordinal_position";
        }

        @Override
        public String keysSql() {
            return "select table_schema, table_name, column_name from information_schema.key_column_usage"
                    + " where constraint_name = 'PRIMARY' and table_schema = database()"
                    + " order by table_schema, table_name, ordinal_position";
        }

        @Override
        public String quote(String identifier) {
            return '`' + identifier.replace("`", "``") + '`';
        }

        @Override
        public String asText(String quotedColumn) {
            return "cast(" + quotedColumn + " as char)";
        }

        /** UTC for every read: timestamps read the same whatever the server's zone, and change marks compare without DST. */
        @Override
        public List<String> begin() {
            return List.of("set session max_statement_time = 300", "set session time_zone = '+00:00'", "start transaction read only");
        }

        @Override
        public List<String> beginSnapshot() {
            return List.of("set session max_statement_time = 300", "set session time_zone = '+00:00'",
                    "start transaction with consistent snapshot, read only");
        }

        /**
         * A TIMESTAMP column that the server sets on insert and on every update (DEFAULT and ON UPDATE
         * CURRENT_TIMESTAMP): the first such column of a table marks its changed rows.
         */
        @Override
        public String changeColumnsSql() {
            return "select table_schema, table_name, column_name from information_schema.columns"
                    + " where table_schema = database() and data_type = 'timestamp'"
                    + " and lower(extra) like '%on update current_timestamp%' and lower(column_default) like 'current_timestamp%'"
                    + " order by table_schema, table_name, ordinal_position";
        }

        /**
         * Seconds since the epoch, an hour back: a row's timestamp is the time of the statement that
         * changed it, and its transaction may commit after this read began; one still open after an
         * hour is missed until its rows change again or a full read.
         */
        @Override
        public String changeMarkSql() {
            return "select unix_timestamp() - 3600, unix_timestamp()";
        }

        @Override
        public String changeMarkName(String column) {
            return column + " on update";
        }

        @Override
        public String changedSince(String column, String placeholder) {
            return quote(column) + " >= from_unixtime(" + placeholder + ")";
        }

        /** 14 hours further back (the widest time-zone offset), and the rows where the application left it empty. */
        @Override
        public String changedSinceByApplication(String column, String placeholder) {
            return "(" + quote(column) + " >= from_unixtime(" + placeholder + " - 50400) or " + quote(column) + " is null)";
        }

        @Override
        public Set<String> dateTimeTypes() {
            return Set.of("timestamp", "datetime");
        }

        @Override
        public String rowIdColumn() {
            return null;
        }

        @Override
        public Set<String> binaryTypes() {
            return Set.of("blob", "tinyblob", "mediumblob", "longblob", "binary", "varbinary", "geometry");
        }

        @Override
        public String placeholder(int n) {
            return "?";
        }
    }
}
