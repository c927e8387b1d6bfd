package be.inzage.db;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The local PostgreSQL of DESIGN.md section 6 (127.0.0.1:5432, trust auth), reached with psql.
 * Settings come from PGHOST/PGPORT/PGUSER. Under CI=true an unreachable server fails the test;
 * elsewhere the test is skipped.
 */
public final class LocalPostgres {

    public static final String HOST = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
    public static final String PORT = System.getenv().getOrDefault("PGPORT", "5432");
    public static final String USER = System.getenv().getOrDefault("PGUSER", "postgres");

    private LocalPostgres() {
    }

    public static void require() throws IOException, InterruptedException {
        int code = psql("postgres", "select 1");
        if (code != 0) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("PostgreSQL is not reachable at " + HOST + ":" + PORT + " (CI=true: failing, not skipping)");
            }
            Assumptions.abort("PostgreSQL not reachable at " + HOST + ":" + PORT);
        }
    }

    /** Drops the database if it is there and creates it empty. */
    public static void freshDatabase(String db) throws IOException, InterruptedException {
        if (psql("postgres", "DROP DATABASE IF EXISTS " + db) != 0 || psql("postgres", "CREATE DATABASE " + db) != 0) {
            throw new AssertionError("could not create the database " + db);
        }
    }

    public static int psql(String db, String sql) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("psql", "-h", HOST, "-p", PORT, "-U", USER, "-d", db, "-v", "ON_ERROR_STOP=1", "-q",
                "-c", sql).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(120, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    static void psqlFile(String db, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("psql", "-h", HOST, "-p", PORT, "-U", USER, "-d", db, "-v", "ON_ERROR_STOP=1", "-q",
                "-f", file.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("psql -f " + file + " failed");
        }
    }

    /** The shared Chinook script, loaded into a database of our own name. */
    static void loadChinook(String dbName) throws IOException, InterruptedException {
        String shared = System.getenv().getOrDefault("INZAGE_SHARED", "../shared");
        String sql = Files.readString(Path.of(shared, "corpus/databases/chinook/Chinook_PostgreSql.sql"), StandardCharsets.UTF_8)
                .replace("DROP DATABASE IF EXISTS chinook;", "DROP DATABASE IF EXISTS " + dbName + ";")
                .replace("CREATE DATABASE chinook;", "CREATE DATABASE " + dbName + ";")
                .replace("\\c chinook;", "\\c " + dbName + ";");
        Path tmp = Files.createTempFile("chinook", ".sql");
        Files.writeString(tmp, sql);
        psqlFile("postgres", tmp);
        Files.delete(tmp);
    }

    /** The single value (or the rows, one per line) a query prints. */
    public static String value(String db, String sql) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("psql", "-h", HOST, "-p", PORT, "-U", USER, "-d", db, "-tAc", sql)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    public static String uri(String db, String user) {
        return "postgres://" + user + "@" + HOST + ":" + PORT + "/" + db;
    }
}
