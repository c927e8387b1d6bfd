package be.inzage.extract;

import be.inzage.detect.Detection;
import be.inzage.detect.Rulebook;
import be.inzage.detect.TestRules;
import be.inzage.inventory.Finding;
import be.inzage.inventory.KeyedHasher;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A big item's detections aggregated on a collecting thread give exactly what the reading thread would have. */
class CollectorPipeTest {

    private static final ItemRef ITEM = new ItemRef("s", "log:///x", "log", "/x.log", null);

    private static FindingCollector collector(List<Finding> written) throws Exception {
        return new FindingCollector(ITEM, Rulebook.load(TestRules.root()).policy(), new KeyedHasher(new byte[32]),
                (cid, batch, first) -> written.addAll(batch), true);
    }

    /** A log's calls: times per line (some lines without), several values per line, now and then a record that starts earlier. */
    private static void feed(FindingCollector c, long seed) {
        Random r = new Random(seed);
        for (int line = 1; line <= 60_000; line++) {
            if (r.nextInt(10) == 0) {
                c.at(0);
            } else {
                c.at(1_700_000_000_000L + line * 250L + r.nextInt(100), line);
            }
            int visitor = r.nextInt(3000);
            c.add(new Detection("ip_address", 0, 0, "10.9." + visitor / 250 + "." + visitor % 250, 0.9, "t"), line, "client");
            c.add(new Detection("cookie", 0, 0, "ga" + visitor, r.nextBoolean() ? 0.9 : 0.95, "t"), line, "_ga");
            if (r.nextInt(5) == 0) {
                c.add(new Detection("cookie", 0, 0, "s" + line / 100 + "-" + visitor, 0.9, "t"), line, "PHPSESSID", Math.max(1, line - 1));
            }
            c.add(new Detection("visited_page", 0, 0, "/p" + r.nextInt(20), 0.8, "t"), line, "request");
        }
    }

    private static List<String> spelt(List<Finding> fs) {
        List<String> out = new ArrayList<>();
        fs.stream().sorted(Comparator.comparing(Finding::hash).thenComparing(Finding::type).thenComparing(f -> String.valueOf(f.field())))
                .forEach(f -> out.add(f.type() + "|" + f.field() + "|" + f.masked() + "|" + f.hash() + "|" + f.lines() + "|" + f.count()
                        + "|" + f.confidence() + "|" + f.firstSeen() + "|" + f.lastSeen() + "|" + f.records()));
        return out;
    }

    @Test
    void aPipelinedCollectorWritesWhatADirectOneWrites() throws Exception {
        List<Finding> direct = new ArrayList<>();
        FindingCollector d = collector(direct);
        feed(d, 11);
        d.finish();
        List<Finding> piped = new ArrayList<>();
        FindingCollector p = collector(piped).pipelined();
        feed(p, 11);
        p.finish();
        assertTrue(direct.size() > 3000, "many values: " + direct.size());
        assertEquals(spelt(direct), spelt(piped));
        assertEquals(d.total(), p.total());
        assertEquals(d.perType(), p.perType());
    }

    @Test
    void aFailureOnTheCollectingThreadReachesTheReaderAndNothingHangs() throws Exception {
        FindingCollector c = collector(new ArrayList<>()).pipelined();
        long free = TablePool.free();
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
            RuntimeException e = assertThrows(RuntimeException.class, () -> {
                for (int i = 1; i <= 100_000; i++) {
                    // a detection the collector cannot take (no type): it fails on the collecting thread
                    c.add(new Detection(i == 5000 ? null : "ip_address", 0, 0, "10.0.0." + i % 200, 0.9, "t"), i, "client");
                }
                c.finish();
            });
            assertTrue(e instanceof NullPointerException || e.getCause() instanceof NullPointerException, e.toString());
            c.discard();
        });
        assertEquals(free, TablePool.free(), "the failed item's table gave its memory back");
    }
}
