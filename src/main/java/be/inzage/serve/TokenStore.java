package be.inzage.serve;

import be.inzage.inventory.Finding;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * API tokens for automation. A token is 32 random bytes shown once; only its SHA-256 is stored
 * (in DATA/tokens.jsonl, 0600), so the file alone lets no one in. High-entropy tokens need no
 * slow hash.
 */
public final class TokenStore {

    public record Token(String id, String role, String created) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path file;
    private volatile Map<String, Token> byHash = Map.of();
    private volatile long loadedModified = -1;

    public TokenStore(Path dataRoot) {
        this.file = dataRoot.resolve("tokens.jsonl");
    }

    /** Makes a token for {@code role}; returns the token itself, which is never stored. */
    public synchronized String create(String role) throws IOException {
        if (!Roles.ALL.contains(role)) {
            throw new IllegalArgumentException("role must be one of " + Roles.ALL);
        }
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String token = "inz_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        String hash = Finding.sha256(token);
        JsonObject line = new JsonObject().put("id", hash.substring(0, 12)).put("role", role)
                .put("created", Instant.now().toString()).put("sha256", hash);
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the data directory's own permissions protect it
            }
        }
        Files.writeString(file, line.encode() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return token;
    }

    /** The token's entry, or null; re-reads the file when it changed (tokens made while serving). */
    public Token lookup(String token) throws IOException {
        reloadIfChanged();
        return token == null ? null : byHash.get(Finding.sha256(token));
    }

    private void reloadIfChanged() throws IOException {
        long m = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() + Files.size(file) : 0;
        if (m == loadedModified) {
            return;
        }
        Map<String, Token> next = new HashMap<>();
        if (Files.exists(file)) {
            for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!l.isBlank()) {
                    JsonObject j = new JsonObject(l);
                    next.put(j.getString("sha256"), new Token(j.getString("id"), j.getString("role"), j.getString("created")));
                }
            }
        }
        byHash = next;
        loadedModified = m;
    }
}
