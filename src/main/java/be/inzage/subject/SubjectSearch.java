package be.inzage.subject;

import be.inzage.inventory.Finding;
import be.inzage.inventory.InventoryIndex;
import be.inzage.inventory.KeyedHasher;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds every location that holds one of a subject's identifiers, by keyed hash only. */
public final class SubjectSearch {

    private final InventoryIndex index;
    private final KeyedHasher hasher;
    private final IdentifierNormalizer normalizer;

    public SubjectSearch(InventoryIndex index, KeyedHasher hasher, IdentifierNormalizer normalizer) {
        this.index = index;
        this.hasher = hasher;
        this.normalizer = normalizer;
    }

    /** @param identifiers identifier type (email, phone, iban, ip, mac, cookie, login, name, value) → values */
    public List<Finding> search(Map<String, List<String>> identifiers) throws IOException {
        Set<String> hashes = new LinkedHashSet<>();
        identifiers.forEach((type, values) -> {
            for (String v : values) {
                for (String n : normalizer.normalize(type, v)) {
                    hashes.add(hasher.hash(n));
                }
            }
        });
        if (hashes.isEmpty()) {
            return List.of();
        }
        List<Finding> found = new java.util.ArrayList<>(index.byHashes(hashes));
        found.sort(Comparator.comparing(Finding::source).thenComparing(Finding::container)
                .thenComparing(f -> f.part() == null ? "" : f.part()).thenComparing(Finding::type));
        return found;
    }
}
