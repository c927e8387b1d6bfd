package be.inzage.scan;

import be.inzage.inventory.Finding;
import be.inzage.inventory.LineSet;
import be.inzage.testdata.CorpusGenerator;
import be.inzage.testdata.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The foundation's "done when": a share of 10,000 generated files is scanned; a search by value
 * for a planted identifier of each type lists exactly the files and lines where it was planted;
 * a rescan gives the same count; a deleted file's findings are gone after the next scan.
 */
class TenThousandFilesTest {

    @TempDir
    Path tmp;

    @Test
    void scanSearchRescanDelete() throws IOException {
        Path share = tmp.resolve("share");
        List<Label> labels = CorpusGenerator.generate(share, 11L, 10_000, 0);
        Files.move(share.resolve("labels.jsonl"), tmp.resolve("labels.jsonl"));
        Files.move(share.resolve("nearmisses.jsonl"), tmp.resolve("nearmisses.jsonl"));
        Path data = tmp.resolve("data");

        ScanSummary first = ScanFixture.scan(data, share);
        assertEquals(10_000, first.seen());
        assertEquals(10_000, first.scanned(), first.toText());
        int count = ScanFixture.count(data);

        // one planted value per type; the search must list exactly the planted (file, line) pairs
        Map<String, Label> probe = new LinkedHashMap<>();
        for (Label l : labels) {
            probe.putIfAbsent(l.type(), l);
        }
        assertTrue(probe.size() >= 15, "labels of every type: " + probe.keySet());
        for (Label p : probe.values()) {
            Set<String> expected = labels.stream().filter(l -> l.normalized().equals(p.normalized()) && l.type().equals(p.type()))
                    .map(l -> l.file() + ":" + l.line()).collect(Collectors.toSet());
            Set<String> got = new HashSet<>();
            for (Finding f : ScanFixture.search(data, "value", p.value())) {
                if (!f.type().equals(p.type())) {
                    continue; // the same text can also be another type elsewhere (a postcode that is a year)
                }
                for (int line : LineSet.decode(f.lines())) {
                    got.add(share.relativize(Path.of(f.container())) + ":" + line);
                }
            }
            assertEquals(expected, got, p.type() + " " + p.value());
        }

        ScanFixture.scan(data, share);
        assertEquals(count, ScanFixture.count(data), "a rescan replaces, never duplicates");

        Label victim = probe.get("iban");
        Files.delete(share.resolve(victim.file()));
        ScanFixture.scan(data, share);
        assertTrue(ScanFixture.count(data) < count);
        for (Finding f : ScanFixture.search(data, "iban", victim.value())) {
            assertFalse(f.container().endsWith(victim.file()), "findings of a deleted file are gone");
        }
    }
}
