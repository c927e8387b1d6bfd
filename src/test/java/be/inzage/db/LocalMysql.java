package be.inzage.db;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The local MariaDB of DESIGN.md section 6 (127.0.0.1:3306, root without password), reached with the
 * mysql client. Under CI=true an unreachable server fails the test; elsewhere it is skipped.
 */
final class LocalMysql {

    static final String HOST = System.getenv().getOrDefault("MYSQL_HOST", "127.0.0.1");
    static final String PORT = System.getenv().getOrDefault("MYSQL_PORT", "3306");
    static final String USER = System.getenv().getOrDefault("MYSQL_USER", "root");

    private LocalMysql() {
    }

    static void require() throws IOException, InterruptedException {
        if (run(null, "select 1") != 0) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("MariaDB is not reachable at " + HOST + ":" + PORT + " (CI=true: failing, not skipping)");
            }
            Assumptions.abort("MariaDB not reachable at " + HOST + ":" + PORT);
        }
    }

    static int run(String db, String sql) throws IOException, InterruptedException {
        ProcessBuilder pb = db == null
                ? new ProcessBuilder("mysql", "-h", HOST, "-P", PORT, "-u", USER, "-e", sql)
                : new ProcessBuilder("mysql", "-h", HOST, "-P", PORT, "-u", USER, db, "-e", sql);
        Process p = pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(120, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    static void loadChinook(String dbName) throws IOException, InterruptedException {
        String shared = System.getenv().getOrDefault("INZAGE_SHARED", "../shared");
        String sql = Files.readString(Path.of(shared, "corpus/databases/chinook/Chinook_MySql.sql"), StandardCharsets.UTF_8)
                .replace("`Chinook`", "`" + dbName + "`");
        Path tmp = Files.createTempFile("chinook", ".sql");
        Files.writeString(tmp, sql);
        Process p = new ProcessBuilder("mysql", "-h", HOST, "-P", PORT, "-u", USER).redirectInput(tmp.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("loading Chinook into MariaDB failed");
        }
        Files.delete(tmp);
    }

    /** Runs an SQL script (as text) against a database, or without one when {@code db} is null. */
    static void script(String db, String sql) throws IOException, InterruptedException {
        Path tmp = Files.createTempFile("script", ".sql");
        Files.writeString(tmp, sql);
        ProcessBuilder pb = db == null ? new ProcessBuilder("mysql", "-h", HOST, "-P", PORT, "-u", USER)
                : new ProcessBuilder("mysql", "-h", HOST, "-P", PORT, "-u", USER, db);
        Process p = pb.redirectInput(tmp.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("mysql script failed");
        }
        Files.delete(tmp);
    }

    static String uri(String db) {
        return "mysql://" + USER + "@" + HOST + ":" + PORT + "/" + db;
    }
}
