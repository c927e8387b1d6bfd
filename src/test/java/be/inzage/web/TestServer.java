package be.inzage.web;

import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.extract.DocumentFixtures;
import be.inzage.serve.PasswordHasher;
import be.inzage.serve.ServerConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A real server on a free port over a temporary data directory and a small share holding known
 * subjects (and a file whose name is an XSS payload). The schedule only moves when a test ticks it.
 */
final class TestServer implements AutoCloseable {

    static final String PASSWORD = "s3cret-test-password";
    static final String EMAIL = "jan.peeters@example.be";
    static final String PHONE = "0475 12 34 56";
    static final String XSS_NAME = "<img src=x onerror=alert(1)>.docx";
    static final String XSS_EMAIL = "xss.victim@example.com";
    static final String OLD_VISITOR = "198.51.100.61";
    static final String NEW_VISITOR = "198.51.100.62";
    private static String hash;

    final Path root;
    final Path share;
    final DataDir data;
    final InzageServer server;
    final String adminToken;
    final String officerToken;

    private TestServer(Path root, Path share, DataDir data, InzageServer server) throws IOException {
        this.root = root;
        this.share = share;
        this.data = data;
        this.server = server;
        this.adminToken = server.tokens().create("admin");
        this.officerToken = server.tokens().create("officer");
    }

    static synchronized String passwordHash() {
        if (hash == null) {
            hash = PasswordHasher.hash(PASSWORD.toCharArray());
        }
        return hash;
    }

    static TestServer start(String extraSourcesYaml) throws IOException {
        return start(Files.createTempDirectory("inzage-server"), extraSourcesYaml);
    }

    /** A new server over the data directory and share of an earlier one. */
    static TestServer reopen(Path root) throws IOException {
        return start(root, null);
    }

    private static TestServer start(Path root, String extraSourcesYaml) throws IOException {
        Path share = root.resolve("share");
        Files.createDirectories(share.resolve("klanten"));
        Files.writeString(share.resolve("klanten/brief.txt"), "Beste Jan Peeters,\nU bereikt ons via " + EMAIL
                + " of gsm " + PHONE + ".\nIBAN BE71 0961 2345 6769\n");
        Files.writeString(share.resolve("klanten/export.csv"), "naam,email,telefoon\nJan Peeters," + EMAIL
                + ",+32475123456\nAn Janssens,an.janssens@example.be,0476 98 76 54\n");
        DocumentFixtures.docx(share.resolve(XSS_NAME), "Contact: " + XSS_EMAIL);
        // a web log with a visit from 2023 (past a one-year retention) and one from today
        Path logs = Files.createDirectories(root.resolve("logs"));
        String today = java.time.format.DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", java.util.Locale.ENGLISH)
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).minusHours(1));
        Files.writeString(logs.resolve("access.log"),
                OLD_VISITOR + " - - [05/Oct/2023:13:55:36 +0200] \"GET /nl/ HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"\n"
                + NEW_VISITOR + " - - [" + today + "] \"GET /nl/ HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"\n");
        // a letter nobody touched for two years: past the share's one-year retention
        Files.setLastModifiedTime(share.resolve("klanten/brief.txt"),
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofDays(730))));
        String yaml = """
                port: 0
                sources:
                  - name: share
                    uri: %s
                    retention: P1Y
                  - name: weblog
                    uri: log://%s
                    retention: P1Y
                %s
                users:
                  - name: alice
                    role: admin
                    password_hash: '%s'
                  - name: bob
                    role: officer
                    password_hash: '%s'
                """.formatted(share, root.resolve("logs"), extraSourcesYaml == null ? "" : extraSourcesYaml, passwordHash(), passwordHash());
        ServerConfig cfg = ServerConfig.parse("test.yaml", yaml, k -> null, root);
        DataDir data = new DataDir(root.resolve("data"));
        InzageServer server = InzageServer.start(cfg, data, Rulebook.load(null), "127.0.0.1", 0, Clock.systemUTC(), false);
        return new TestServer(root, share, data, server);
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
