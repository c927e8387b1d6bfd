package be.inzage.inventory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * HMAC-SHA256 of normalised identifier values (DESIGN.md section 3). The key lives outside the
 * index: INZAGE_HMAC_KEY (hex, at least 32 bytes) or a key file created once with 0600 permissions.
 * Without the key, the index's hashes cannot be tested against guessed values.
 */
public final class KeyedHasher {

    public static final String ENV = "INZAGE_HMAC_KEY";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public KeyedHasher(byte[] keyBytes) {
        if (keyBytes.length < 32) {
            throw new IllegalArgumentException("HMAC key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(keyBytes, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The key from the environment, else from {@code keyFile}, created on first use. */
    public static KeyedHasher open(Path keyFile) {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            try {
                return new KeyedHasher(HexFormat.of().parseHex(env.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ENV + " must be at least 64 hex characters");
            }
        }
        try {
            if (!Files.exists(keyFile)) {
                create(keyFile);
            }
            return new KeyedHasher(HexFormat.of().parseHex(Files.readString(keyFile, StandardCharsets.US_ASCII).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the HMAC key file " + keyFile, e);
        }
    }

    private static void create(Path keyFile) throws IOException {
        Path dir = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException ignored) {
            // non-POSIX file system: rely on the folder's own permissions
        }
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        Path tmp = Files.createTempFile(dir, "hmac", ".tmp");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(tmp, HexFormat.of().formatHex(k) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, keyFile);
        } catch (FileAlreadyExistsException raced) {
            Files.delete(tmp);
        }
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** 128 bits of the HMAC, base64url: collisions are negligible and the index stays small. */
    public String hash(String normalized) {
        return text(hashBytes(normalized));
    }

    /** The 16 bytes {@link #hash} spells. */
    public byte[] hashBytes(String normalized) {
        byte[] h = macs.get().doFinal(normalized.getBytes(StandardCharsets.UTF_8));
        return java.util.Arrays.copyOf(h, 16);
    }

    private static final Base64.Encoder TEXT = Base64.getUrlEncoder().withoutPadding();

    /** How a hash's 16 bytes are spelt. */
    public static String text(byte[] hash) {
        return TEXT.encodeToString(hash);
    }

    /** The 16 bytes of a hash as {@link #hash} spells it, or null for any other text. */
    public static byte[] bytes(String hash) {
        if (hash.length() != 22) {
            return null;
        }
        try {
            byte[] b = Base64.getUrlDecoder().decode(hash);
            return b.length == 16 && TEXT.encodeToString(b).equals(hash) ? b : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
