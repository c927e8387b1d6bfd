package be.inzage.subject;

import be.inzage.inventory.Finding;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The append-only trail of subject searches and reports: who, when, which identifier types (never
 * values), how many results. Each entry carries the hash of the one before it, and a head file
 * remembers the last hash, so an edited, removed or truncated entry is detected.
 */
public final class AuditLog {

    private final Path file;
    private final Path head;

    public AuditLog(Path dataRoot) {
        this.file = dataRoot.resolve("audit.log");
        this.head = dataRoot.resolve("audit.head");
    }

    public synchronized void append(String who, String action, Collection<String> identifierTypes, int results)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND); FileLock ignored = ch.lock()) {
            List<JsonObject> entries = read();
            String prev = entries.isEmpty() ? "" : entries.get(entries.size() - 1).getString("hash");
            JsonObject e = new JsonObject().put("seq", entries.size() + 1).put("time", Instant.now().toString())
                    .put("who", who).put("action", action).put("identifierTypes", new JsonArray(new ArrayList<>(identifierTypes)))
                    .put("results", results).put("prev", prev);
            e.put("hash", Finding.sha256(prev + e.encode()));
            ch.write(ByteBuffer.wrap((e.encode() + "\n").getBytes(StandardCharsets.UTF_8)));
            Files.writeString(head, e.getInteger("seq") + " " + e.getString("hash") + "\n");
        }
    }

    public List<JsonObject> read() throws IOException {
        List<JsonObject> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(new JsonObject(line));
            }
        }
        return out;
    }

    /** Null when the trail is intact, else what is wrong with it. */
    public String check() throws IOException {
        List<JsonObject> entries;
        try {
            entries = read();
        } catch (RuntimeException e) {
            return "the audit log is not valid JSON lines";
        }
        String prev = "";
        for (JsonObject e : entries) {
            JsonObject body = e.copy();
            String hash = (String) body.remove("hash");
            if (!prev.equals(body.getString("prev")) || !Finding.sha256(prev + body.encode()).equals(hash)) {
                return "entry " + e.getInteger("seq") + " was changed or an entry before it was removed";
            }
            prev = hash;
        }
        String expected = Files.exists(head) ? Files.readString(head).strip() : "";
        String actual = entries.isEmpty() ? "" : entries.get(entries.size() - 1).getInteger("seq") + " " + prev;
        if (!expected.equals(actual)) {
            return "the audit log was truncated or replaced (its last entry is not the one recorded)";
        }
        return null;
    }
}
