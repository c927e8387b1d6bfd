package be.inzage.eval;

import be.inzage.detect.Rulebook;
import be.inzage.extract.FindingCollector;
import be.inzage.extract.Format;
import be.inzage.extract.ItemRef;
import be.inzage.extract.TextItemScanner;
import be.inzage.inventory.Finding;
import be.inzage.inventory.KeyedHasher;
import be.inzage.inventory.LineSet;
import be.inzage.testdata.Label;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Scores the scanner against a labelled corpus: each side is a set of (file, line, type, keyed
 * hash of the normalised value) — exactly what the inventory would hold — and precision/recall are
 * counted per type.
 */
final class Scorer {

    record Score(int tp, int fp, int fn) {
        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }
    }

    private final Rulebook rules;
    private final KeyedHasher hasher = new KeyedHasher(new byte[32]);

    Scorer(Rulebook rules) {
        this.rules = rules;
    }

    Map<String, Score> score(Path corpus, List<Label> labels, Set<String> examples) {
        Set<String> truth = new HashSet<>();
        for (Label l : labels) {
            truth.add(key(l.file(), l.line(), l.type(), hasher.hash(l.normalized())));
        }
        Set<String> predicted = new HashSet<>();
        TextItemScanner scanner = new TextItemScanner(rules.engine());
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String rel = corpus.relativize(p).toString();
                if (rel.equals("labels.jsonl") || rel.equals("nearmisses.jsonl")) {
                    continue;
                }
                Format f = Format.of(p.getFileName().toString());
                FindingCollector c = new FindingCollector(new ItemRef("eval", "eval", "file", rel, null), rules.policy(),
                        hasher, (cid, batch, first) -> {
                            for (Finding x : batch) {
                                for (int line : LineSet.decode(x.lines())) {
                                    predicted.add(key(rel, line, x.type(), x.hash()));
                                }
                            }
                        }, f.lineRecords);
                scanner.scan(() -> Files.newInputStream(p), f, c);
                c.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, int[]> counts = new TreeMap<>();
        for (String k : predicted) {
            int[] c = counts.computeIfAbsent(type(k), t -> new int[3]);
            if (truth.contains(k)) {
                c[0]++;
            } else {
                c[1]++;
                if (examples.size() < 40 || (System.getenv("EVAL_TYPE") != null && k.startsWith(System.getenv("EVAL_TYPE")))) {
                    examples.add("FP " + k);
                }
            }
        }
        for (String k : truth) {
            if (!predicted.contains(k)) {
                counts.computeIfAbsent(type(k), t -> new int[3])[2]++;
                if (examples.size() < 80) {
                    examples.add("FN " + k);
                }
            }
        }
        Map<String, Score> out = new TreeMap<>();
        counts.forEach((t, c) -> out.put(t, new Score(c[0], c[1], c[2])));
        return out;
    }

    private static String key(String file, int line, String type, String hash) {
        return type + "|" + file + "|" + line + "|" + hash;
    }

    private static String type(String key) {
        return key.substring(0, key.indexOf('|'));
    }

    static String table(Map<String, Score> scores) {
        StringBuilder b = new StringBuilder("| type | TP | FP | FN | precision | recall |\n|---|---:|---:|---:|---:|---:|\n");
        scores.forEach((t, s) -> b.append(String.format("| %s | %d | %d | %d | %.3f | %.3f |%n", t, s.tp(), s.fp(), s.fn(),
                s.precision(), s.recall())));
        return b.toString();
    }
}
