import be.inzage.detect.Rulebook;
import be.inzage.inventory.Finding;
import be.inzage.inventory.InventoryIndex;
import be.inzage.inventory.KeyedHasher;
import be.inzage.subject.IdentifierNormalizer;
import be.inzage.subject.SubjectSearch;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Subject search at scale: builds an inventory of N findings (generated subjects, each with an
 * e-mail, phone, IBAN, login and name, held in two records of different containers, as a CRM row
 * and a mail would), then times subject searches by one identifier, with and without --expand.
 * Baseline in the same run: a bare Lucene point query on the same hash (the floor any search pays).
 *
 * Usage: java -cp target/inzage.jar:OUT SearchBench DIR [FINDINGS] [QUERIES]
 */
public final class SearchBench {

    static final String[] TYPES = {"email", "phone", "iban", "login", "person_name"};
    static final String[] CATS = {"identification", "identification", "financial", "identification", "identification"};
    static final int PER_RECORD = TYPES.length;
    static final int RECORDS_PER_CONTAINER = 200;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long findings = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        long subjects = findings / (2L * PER_RECORD);
        KeyedHasher hasher = new KeyedHasher("bench-key-bench-key-bench-key-32b!".getBytes());
        Path indexDir = dir.resolve("index");
        if (!Files.exists(indexDir.resolve("done"))) {
            build(indexDir, hasher, subjects);
        }
        long bytes;
        try (Stream<Path> s = Files.list(indexDir)) {
            bytes = s.mapToLong(p -> p.toFile().length()).sum();
        }
        Rulebook rules = Rulebook.load(null);
        try (InventoryIndex index = InventoryIndex.openReader(indexDir);
             DirectoryReader raw = DirectoryReader.open(FSDirectory.open(indexDir))) {
            int n = index.count();
            SubjectSearch search = new SubjectSearch(index, hasher, new IdentifierNormalizer(rules.engine()));
            IndexSearcher bare = new IndexSearcher(raw);
            Random rnd = new Random(7);
            // warm-up: JIT and page cache, as a running server would be
            for (int i = 0; i < 300; i++) {
                long s = (rnd.nextLong() & Long.MAX_VALUE) % subjects;
                search.search(Map.of("email", List.of(email(s))), i % 2 == 0);
                bare.search(point(hasher.hash(email(s))), 100);
            }
            long[] base = new long[queries];
            long[] single = new long[queries];
            long[] expand = new long[queries];
            int misses = 0;
            for (int i = 0; i < queries; i++) {
                long s = (rnd.nextLong() & Long.MAX_VALUE) % subjects;
                long t0 = System.nanoTime();
                var top = bare.search(point(hasher.hash(email(s))), 100);
                long t1 = System.nanoTime();
                int direct = search.search(Map.of("email", List.of(email(s))), false).size();
                long t2 = System.nanoTime();
                int expanded = search.search(Map.of("email", List.of(email(s))), true).size();
                long t3 = System.nanoTime();
                base[i] = t1 - t0;
                single[i] = t2 - t1;
                expand[i] = t3 - t2;
                if (direct != 2 || expanded != 8 || top.totalHits.value != 2) { // 2 e-mails; + phone, IBAN, login in both records
                    misses++;
                }
            }
            System.out.printf("findings=%d subjects=%d index_bytes=%d bytes_per_million=%.0f MB%n", n, subjects, bytes,
                    bytes / (n / 1e6) / 1e6);
            report("bare point query (baseline)", base);
            report("search, one identifier", single);
            report("search --expand", expand);
            System.out.printf("ratio p99 single/baseline=%.1f expand/baseline=%.1f; wrong result counts: %d of %d%n",
                    pct(single, 99) / pct(base, 99), pct(expand, 99) / pct(base, 99), misses, queries);
        }
    }

    /** A value hash as the index holds it since format 8: its first 4 bytes as an int point (InventoryIndex.hashField). */
    static org.apache.lucene.search.Query point(String hash) {
        byte[] b = java.util.Base64.getUrlDecoder().decode(hash);
        return org.apache.lucene.document.IntPoint.newExactQuery("hashp",
                (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff));
    }

    static String email(long s) {
        return "subject" + s + "@example.be";
    }

    static String value(int type, long s) {
        return switch (type) {
            case 0 -> email(s);
            case 1 -> "+324" + String.format("%08d", s % 100_000_000L);
            case 2 -> "BE" + String.format("%014d", s);
            case 3 -> "login" + s;
            default -> "name " + s;
        };
    }

    /** Each subject sits in two records: container a (like a CRM table) and container b (like a mail archive). */
    static void build(Path indexDir, KeyedHasher hasher, long subjects) throws Exception {
        long t0 = System.nanoTime();
        try (InventoryIndex index = InventoryIndex.openWriter(indexDir)) {
            for (int copy = 0; copy < 2; copy++) {
                for (long first = 0; first < subjects; first += RECORDS_PER_CONTAINER) {
                    String container = (copy == 0 ? "crm.customers#" : "mail/archive-") + first / RECORDS_PER_CONTAINER;
                    String cid = Finding.sha256("bench\0" + container);
                    List<Finding> batch = new ArrayList<>(RECORDS_PER_CONTAINER * PER_RECORD);
                    for (long s = first; s < Math.min(subjects, first + RECORDS_PER_CONTAINER); s++) {
                        String rec = Finding.sha256(container + "\0" + s);
                        for (int t = 0; t < PER_RECORD; t++) {
                            batch.add(new Finding("bench", "bench://generated", copy == 0 ? "db" : "file", container, null,
                                    TYPES[t], TYPES[t], CATS[t], "normal", 0.95, "m***", hasher.hash(value(t, s)), List.of(),
                                    String.valueOf(s % 1000 + 1), 1, List.of(rec), cid, 0));
                        }
                    }
                    index.replace(cid, batch, 1, true);
                }
                System.err.printf("copy %d indexed after %.0f s%n", copy + 1, (System.nanoTime() - t0) / 1e9);
            }
            index.commit();
        }
        Files.writeString(indexDir.resolve("done"), "");
        System.out.printf("built %d findings in %.0f s%n", subjects * 2 * PER_RECORD, (System.nanoTime() - t0) / 1e9);
    }

    static double pct(long[] v, int p) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)] / 1e6;
    }

    static void report(String what, long[] v) {
        System.out.printf("%-28s p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms%n", what, pct(v, 50), pct(v, 95), pct(v, 99),
                pct(v, 100));
    }
}
