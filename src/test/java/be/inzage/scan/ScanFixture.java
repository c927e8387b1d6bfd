package be.inzage.scan;

import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.detect.TestRules;
import be.inzage.inventory.Finding;
import be.inzage.inventory.InventoryIndex;
import be.inzage.inventory.KeyedHasher;
import be.inzage.source.SourceUri;
import be.inzage.subject.IdentifierNormalizer;
import be.inzage.subject.SubjectSearch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Scans a folder into a data directory and searches it, the way the CLI does. */
final class ScanFixture {

    private static Rulebook rules;

    private ScanFixture() {
    }

    static synchronized Rulebook rules() {
        if (rules == null) {
            rules = Rulebook.load(TestRules.root());
        }
        return rules;
    }

    static ScanSummary scan(Path data, Path share) throws IOException {
        return ScanRunner.run(new DataDir(data), rules(), List.of(SourceUri.parse(share.toString()))).get(0);
    }

    static List<Finding> search(Path data, String type, String value) throws IOException {
        DataDir dir = new DataDir(data);
        try (InventoryIndex index = InventoryIndex.openReader(dir.index())) {
            return new SubjectSearch(index, KeyedHasher.open(dir.keyFile()), new IdentifierNormalizer(rules().engine()))
                    .search(Map.of(type, List.of(value)));
        }
    }

    static int count(Path data) throws IOException {
        try (InventoryIndex index = InventoryIndex.openReader(new DataDir(data).index())) {
            return index.count();
        }
    }
}
