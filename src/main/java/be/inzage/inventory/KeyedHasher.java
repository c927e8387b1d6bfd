package be.inzage.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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
    /**
     * Bytes of the HMAC kept: 96 bits. Two of a billion distinct values share a hash with a chance of
     * about 6 in 10^12 (n^2 / 2^97); a log of a million values saves 4 MB of index against 128 bits
     * (formats 5 and 6), whose hashes read back as their first 12 bytes.
     */
    public static final int LENGTH = 12;
    /** How many characters {@link #text} spells a hash in. */
    private static final int CHARS = (LENGTH * 8 + 5) / 6;

    /**
     * SHA-256 after the key's inner and outer pad blocks (RFC 2104), cloned for each hash and never
     * updated: half the compressions of {@link javax.crypto.Mac}, which hashes both pad blocks again for every value,
     * and no per-thread instance to look up (a big log hashes each value once per window: 15 million HMACs).
     * The same bytes as {@code javax.crypto.Mac} "HmacSHA256" (tested).
     */
    private final MessageDigest inner;
    private final MessageDigest outer;

    public KeyedHasher(byte[] keyBytes) {
        if (keyBytes.length < 32) {
            throw new IllegalArgumentException("HMAC key must be at least 32 bytes");
        }
        byte[] k = keyBytes.length > 64 ? sha256().digest(keyBytes) : keyBytes;
        byte[] ipad = new byte[64];
        byte[] opad = new byte[64];
        for (int i = 0; i < 64; i++) {
            byte b = i < k.length ? k[i] : 0;
            ipad[i] = (byte) (b ^ 0x36);
            opad[i] = (byte) (b ^ 0x5c);
        }
        this.inner = sha256();
        inner.update(ipad);
        this.outer = sha256();
        outer.update(opad);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
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

    /** {@link #LENGTH} bytes of the HMAC, base64url: collisions are negligible and the index stays small. */
    public String hash(String normalized) {
        return text(hashBytes(normalized));
    }

    /** The {@link #LENGTH} bytes {@link #hash} spells. */
    public byte[] hashBytes(String normalized) {
        return java.util.Arrays.copyOf(hmac(normalized.getBytes(StandardCharsets.UTF_8)), LENGTH);
    }

    /** The whole HMAC-SHA256 of {@code message}. */
    byte[] hmac(byte[] message) {
        try {
            MessageDigest in = (MessageDigest) inner.clone();
            in.update(message);
            MessageDigest out = (MessageDigest) outer.clone();
            out.update(in.digest());
            return out.digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 cannot be cloned", e); // the JDK's can
        }
    }

    private static final Base64.Encoder TEXT = Base64.getUrlEncoder().withoutPadding();

    /** How a hash's bytes are spelt. */
    public static String text(byte[] hash) {
        return TEXT.encodeToString(hash);
    }

    /** The {@link #LENGTH} bytes of a hash as {@link #hash} spells it, or null for any other text. */
    public static byte[] bytes(String hash) {
        return hash.length() == CHARS ? decode(hash, LENGTH) : null;
    }

    /**
     * A hash as this version spells it: an earlier version's 128-bit hash (22 characters) as its first
     * {@link #LENGTH} bytes, which is what this version computes for the same value; anything else as it is.
     */
    public static String current(String hash) {
        byte[] b = hash.length() == 22 ? decode(hash, 16) : null;
        return b == null ? hash : text(java.util.Arrays.copyOf(b, LENGTH));
    }

    /** base64url's value of each ASCII character, -1 for any other. */
    private static final byte[] DIGITS = digits();

    private static byte[] digits() {
        byte[] d = new byte[128];
        java.util.Arrays.fill(d, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            d[alphabet.charAt(i)] = (byte) i;
        }
        return d;
    }

    /** {@code n} bytes spelt as {@link #text} spells them, or null. */
    private static byte[] decode(String hash, int n) {
        if (n == LENGTH && hash.length() == CHARS) {
            return decodeWhole(hash);
        }
        try {
            byte[] b = Base64.getUrlDecoder().decode(hash);
            return b.length == n && TEXT.encodeToString(b).equals(hash) ? b : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A {@link #LENGTH}-byte hash from its {@link #CHARS} characters, four at a time: they spell whole
     * bytes, so any string of the alphabet is a hash's only spelling (read for every finding written).
     */
    private static byte[] decodeWhole(String hash) {
        byte[] out = new byte[LENGTH];
        for (int i = 0, o = 0; i < CHARS; i += 4, o += 3) {
            int v = 0;
            for (int j = i; j < i + 4; j++) {
                char c = hash.charAt(j);
                int d = c < 128 ? DIGITS[c] : -1;
                if (d < 0) {
                    return null;
                }
                v = v << 6 | d;
            }
            out[o] = (byte) (v >>> 16);
            out[o + 1] = (byte) (v >>> 8);
            out[o + 2] = (byte) v;
        }
        return out;
    }
}
