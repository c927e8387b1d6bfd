package be.inzage.cli;

import be.inzage.config.DataDir;
import be.inzage.inventory.InventoryIndex;
import be.inzage.inventory.KeyedHasher;

import java.io.IOException;
import java.nio.file.Files;

/** Opens what a read-only command needs, with the one-line errors a user can act on. */
final class Inventory {

    private Inventory() {
    }

    static KeyedHasher hasher(DataDir dir) {
        if (!Files.exists(dir.keyFile()) && System.getenv(KeyedHasher.ENV) == null) {
            throw new Main.UserError("no inventory in " + dir.root() + " (run a scan first)");
        }
        return KeyedHasher.open(dir.keyFile());
    }

    static InventoryIndex reader(DataDir dir) {
        try {
            return InventoryIndex.openReader(dir.index());
        } catch (IOException e) {
            throw new Main.UserError(e.getMessage());
        }
    }

    /** The subject's locations, as search and report both need them. */
    static java.util.List<be.inzage.subject.SubjectHit> search(DataDir dir, be.inzage.detect.Rulebook rules, KeyedHasher hasher,
            java.util.Map<String, java.util.List<String>> ids, int hops) throws IOException {
        try (InventoryIndex index = reader(dir)) {
            return new be.inzage.subject.SubjectSearch(index, hasher, new be.inzage.subject.IdentifierNormalizer(rules.engine()))
                    .search(ids, hops);
        }
    }

    static String who() {
        return System.getProperty("user.name", "unknown");
    }
}
