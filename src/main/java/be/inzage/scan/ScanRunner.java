package be.inzage.scan;

import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.inventory.KeyedHasher;
import be.inzage.source.SourceUri;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Runs scans from the command line: one Vert.x, one {@link ScanEngine}, the sources one after the other. */
public final class ScanRunner {

    private ScanRunner() {
    }

    public static List<ScanSummary> run(DataDir data, Rulebook rules, List<SourceUri> sources) throws IOException {
        KeyedHasher hasher = KeyedHasher.open(data.keyFile());
        Vertx vertx = Vertx.vertx();
        List<ScanSummary> out = new ArrayList<>();
        try {
            ScanEngine engine = ScanEngine.open(vertx, data, rules, hasher);
            try {
                rules.await();
            } catch (RuntimeException e) {
                engine.close();
                throw e;
            }
            try {
                for (SourceUri s : sources) {
                    out.add(engine.scan(s, new ScanProgress()).await());
                }
            } finally {
                engine.close();
            }
        } finally {
            vertx.close().await();
        }
        return out;
    }

    /** Connection options from the URI; PGPASSWORD supplies the password when the URI has none. */
    public static io.vertx.pgclient.PgConnectOptions postgres(SourceUri s) {
        io.vertx.pgclient.PgConnectOptions o;
        try {
            o = io.vertx.pgclient.PgConnectOptions.fromUri(DbOptions.connectionUri(s.uri().toString())
                    .replaceFirst("^postgres://", "postgresql://"));
        } catch (IllegalArgumentException e) {
            throw new SourceUri.BadSource("not a usable PostgreSQL URI: " + s.display());
        }
        // named in pg_stat_activity, so a DBA sees who reads (and can stop it)
        o.addProperty("application_name", "inzage-scanner");
        String env = System.getenv("PGPASSWORD");
        if ((o.getPassword() == null || o.getPassword().isEmpty()) && env != null) {
            o.setPassword(env);
        }
        return o;
    }

    /** Connection options from the URI; MYSQL_PWD supplies the password when the URI has none. */
    public static io.vertx.mysqlclient.MySQLConnectOptions mysql(SourceUri s) {
        io.vertx.mysqlclient.MySQLConnectOptions o;
        try {
            o = io.vertx.mysqlclient.MySQLConnectOptions.fromUri(DbOptions.connectionUri(s.uri().toString())
                    .replaceFirst("^mariadb://", "mysql://"));
        } catch (IllegalArgumentException e) {
            throw new SourceUri.BadSource("not a usable MySQL/MariaDB URI: " + s.display());
        }
        String env = System.getenv("MYSQL_PWD");
        if ((o.getPassword() == null || o.getPassword().isEmpty()) && env != null) {
            o.setPassword(env);
        }
        return o;
    }

    /** The dialect and connection of a database source. */
    public static SqlDialect dialect(SourceUri s) {
        return switch (s.kind()) {
            case POSTGRES -> new SqlDialect.Postgres(postgres(s));
            case MYSQL -> new SqlDialect.MySql(mysql(s));
            default -> throw new SourceUri.BadSource("not a database source: " + s.display());
        };
    }
}
