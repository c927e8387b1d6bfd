package be.inzage.config;

import java.nio.file.Path;

/**
 * Layout of the data directory. The HMAC key sits in its own 0700 folder, apart from the index,
 * so a copy of the index alone reveals no identifier (DESIGN.md section 3).
 */
public record DataDir(Path root) {

    public static final Path DEFAULT = Path.of("inzage-data");

    public Path index() {
        return root.resolve("index");
    }

    public Path keyFile() {
        return root.resolve("keys").resolve("hmac.key");
    }

    public Path scans() {
        return root.resolve("scans");
    }

    /**
     * Spill runs of items too big to aggregate in memory (half the size of a big log at the peak):
     * here rather than in /tmp, which is often a small RAM disk, and on the volume provisioned for
     * the inventory.
     */
    public Path spill() {
        return root.resolve("spill");
    }
}
