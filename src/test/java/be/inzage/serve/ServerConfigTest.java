package be.inzage.serve;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerConfigTest {

    static final String HASH = PasswordHasher.hash("a-long-password".toCharArray());
    static final Path BASE = Path.of("/tmp");

    static ServerConfig parse(String yaml, Map<String, String> env) {
        return ServerConfig.parse("inzage.yaml", yaml, env::get, BASE);
    }

    static String error(String yaml) {
        return assertThrows(ServerConfig.ConfigError.class, () -> parse(yaml, Map.of())).getMessage();
    }

    @Test
    void theExampleConfigInTheRepoIsValid() {
        Path example = Path.of("inzage.example.yaml");
        assertTrue(Files.exists(example), "the documented example config exists");
        ServerConfig c = ServerConfig.load(example);
        assertFalse(c.sources().isEmpty());
        assertNotNull(c.sources().get(0).cron());
    }

    @Test
    void sourcesUsersAndSecretsFromTheEnvironment() {
        ServerConfig c = parse("""
                data: ./data
                port: 9090
                sources:
                  - name: crm
                    uri: postgres://scanner:${PG_PASS}@db.example:5432/crm
                    schedule: "0 2 * * 1-5"
                  - name: share
                    uri: /srv/share
                    retention: P13M
                users:
                  - name: alice
                    role: admin
                    password_hash: ${ALICE_HASH:-%s}
                """.formatted(HASH), Map.of("PG_PASS", "s:cr@t"));
        assertEquals(9090, c.port());
        assertEquals(BASE.resolve("./data"), c.data());
        assertEquals("postgres://scanner:s:cr@t@db.example:5432/crm", c.source("crm").uri());
        assertNotNull(c.source("crm").cron());
        assertEquals(null, c.source("share").cron());
        assertEquals(java.time.Period.ofMonths(13), c.source("share").retention());
        assertEquals(null, c.source("crm").retention());
        assertEquals(HASH, c.usersByName().get("alice").passwordHash());
        assertTrue(PasswordHasher.verify("a-long-password".toCharArray(), HASH));
        assertFalse(PasswordHasher.verify("a-long-passwore".toCharArray(), HASH));
    }

    @Test
    void aLogPatternThatMatchesNothingYetIsNoConfigurationError(@org.junit.jupiter.api.io.TempDir Path logs) {
        ServerConfig c = parse("sources:\n  - name: weblog\n    uri: log://" + logs + "/access.log*\n", Map.of());
        assertEquals("log://" + logs + "/access.log*", c.source("weblog").uri());
        // a bad format is still one
        String bad = error("sources:\n  - name: weblog\n    uri: log://" + logs + "/access.log*?format=nginx-ish\n");
        assertTrue(bad.contains("sources[0].uri") && bad.contains("nginx-ish"), bad);
    }

    @Test
    void mistakesStopStartUpNamingTheKey() {
        String unknown = error("port: 8080\nsoruces: []\n");
        assertTrue(unknown.startsWith("inzage.yaml:2: unknown key 'soruces'"), unknown);
        String nested = error("sources:\n  - name: a\n    uri: /srv\n    shedule: '* * * * *'\n");
        assertTrue(nested.contains(":4: unknown key 'sources[0].shedule'"), nested);
        assertTrue(error("port: eighty\n").contains("wrong value for 'port'"));
        assertTrue(error("sources:\n  - name: a\n    uri: /srv\n    schedule: 'every day'\n")
                .contains("'sources[0].schedule' is not a cron expression"));
        assertTrue(error("sources:\n  - name: a\n    uri: ftp://host/x\n").contains("sources[0].uri"));
        assertTrue(error("sources:\n  - name: a\n    uri: /srv\n    retention: 13 months\n").contains("'sources[0].retention' is not an ISO-8601 period"));
        assertTrue(error("sources:\n  - name: a\n    uri: /a\n  - name: a\n    uri: /b\n").contains("repeats the source name"));
        assertTrue(error("users:\n  - name: bob\n    role: root\n    password_hash: x\n").contains("'users[0].role'"));
        String plain = error("users:\n  - name: bob\n    role: officer\n    password_hash: hunter2\n");
        assertTrue(plain.contains("plaintext passwords are not accepted"), plain);
        assertFalse(plain.contains("hunter2"), "the message does not repeat the secret");
        String env = error("sources:\n  - name: a\n    uri: postgres://u:${NOPE}@h/db\n");
        assertTrue(env.contains("needs the environment variable NOPE"), env);
        assertTrue(error("port: '8080\n").contains("not valid YAML"), error("port: '8080\n"));
    }
}
