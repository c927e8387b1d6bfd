package be.inzage.extract;

import be.inzage.inventory.SetLines;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A value is stored without its lines only when they are exactly the union of its records' sets:
 * whatever the record sets went through (windows spilled mid-record, records that come back after a
 * chunk boundary, two sets with the same hash, a record list cut short), a value the check lets
 * through reads back its own lines and no other.
 */
class LineRepsTest {

    /** One value's part in one window, as the collector's aggregate would hold it. */
    static final class Part {
        final String value;
        /** Its number in its window, as a value table numbers its values. */
        final int number;
        final List<Integer> records = new ArrayList<>();

        Part(String value, int number) {
            this.value = value;
            this.number = number;
        }
    }

    /** A log read through record groups, windows and all; each value's lines and records over all its windows. */
    static final class Simulation {
        final LineReps reps = new LineReps();
        final Map<String, Part> window = new HashMap<>();
        /** The window's values by number. */
        final List<Part> numbered = new ArrayList<>();
        final RecordGroups groups = new RecordGroups(reps, (v, record) -> numbered.get(v).records.add(record));
        final List<Part> done = new ArrayList<>();
        final Map<String, TreeSet<Integer>> lines = new HashMap<>();
        final Map<String, Long> hashes = new HashMap<>();

        void add(String value, int line) {
            Part p = window.computeIfAbsent(value, k -> {
                numbered.add(new Part(k, numbered.size()));
                return numbered.get(numbered.size() - 1);
            });
            lines.computeIfAbsent(value, k -> new TreeSet<>()).add(line);
            groups.add(p.number, hashes.getOrDefault(value, (long) value.hashCode() * 0x9E3779B97F4A7C15L | 1), line);
        }

        /** A full window is spilled: its values start afresh in the next one. */
        void spill() {
            groups.split();
            done.addAll(window.values());
            window.clear();
            numbered.clear(); // the next window numbers its values from 0 again
        }

        /** Each value's records over its windows, ascending and distinct. */
        Map<String, TreeSet<Integer>> finish() {
            groups.close();
            done.addAll(window.values());
            reps.seal();
            Map<String, TreeSet<Integer>> records = new HashMap<>();
            for (Part p : done) {
                records.computeIfAbsent(p.value, k -> new TreeSet<>()).addAll(p.records);
            }
            return records;
        }
    }

    static int[] ranges(TreeSet<Integer> lines) {
        List<Integer> out = new ArrayList<>();
        for (int l : lines) {
            if (!out.isEmpty() && out.get(out.size() - 1) == l - 1) {
                out.set(out.size() - 1, l);
            } else {
                out.add(l);
                out.add(l);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** What a reader of the stored blocks gives for these records: each record's stored set, or its own line. */
    static TreeSet<Integer> union(List<SetLines.Block> blocks, TreeSet<Integer> records) {
        TreeSet<Integer> out = new TreeSet<>();
        for (int r : records) {
            boolean stored = false;
            for (SetLines.Block b : blocks) {
                int i = Arrays.binarySearch(b.reps(), r);
                if (b.number() == SetLines.blockOf(r) && i >= 0) {
                    for (int j = b.start()[i]; j < b.start()[i + 1]; j++) {
                        out.add(b.lines()[j]);
                    }
                    stored = true;
                }
            }
            if (!stored) {
                out.add(r);
            }
        }
        return out;
    }

    /** Checks every value; returns how many the check let through. */
    static int check(Simulation s, Map<String, TreeSet<Integer>> records, int maxRecords) {
        List<SetLines.Block> blocks = s.reps.blocks();
        int covered = 0;
        for (Map.Entry<String, TreeSet<Integer>> e : s.lines.entrySet()) {
            TreeSet<Integer> recs = records.getOrDefault(e.getKey(), new TreeSet<>());
            int[] r = recs.stream().mapToInt(Integer::intValue).limit(maxRecords).toArray();
            TreeSet<Integer> kept = new TreeSet<>();
            Arrays.stream(r).forEach(kept::add);
            int[] ranges = ranges(e.getValue());
            if (s.reps.covers(ranges, ranges.length / 2, r, r.length)) {
                covered++;
                assertEquals(e.getValue(), union(blocks, kept), e.getKey() + " read back from its sets");
            }
        }
        return covered;
    }

    @Test
    void visitorsComingBackWithTheSameCompanionsAreAllCovered() {
        Simulation s = new Simulation();
        for (int line = 1; line <= 5_000; line++) {
            int v = (line * 37) % 200;
            s.add("ip" + v, line);
            s.add("ga" + v, line);
            s.add("session" + v + "/" + line / 1000, line);
            if (v % 4 == 0) {
                s.add("login" + v, line);
            }
        }
        Map<String, TreeSet<Integer>> records = s.finish();
        int covered = check(s, records, 1_000);
        // every address, _ga cookie and login is on 25 lines in 5 or 6 sets (one per session); each session id in one set
        assertEquals(200 + 200 + 50 + 1_001, covered, "every value");
        assertEquals(s.lines.size(), covered);
        List<SetLines.Block> blocks = s.reps.blocks();
        int stored = blocks.stream().mapToInt(b -> b.start()[b.reps().length] - b.start()[0]).sum();
        // line 5,000 starts a sixth session alone: a set that is its own line is not stored
        assertEquals(4_999, stored, "each line once, in its set");
        assertEquals(1_000, blocks.stream().mapToInt(b -> b.reps().length).sum(), "one set per visitor and session");
    }

    @Test
    void spillsReopenedRecordsAndCollisionsNeverGiveAValueLinesItIsNotOn() {
        Random rnd = new Random(7);
        int coveredTotal = 0;
        for (int round = 0; round < 40; round++) {
            Simulation s = new Simulation();
            // two values given the hashes of two others: their set has the same sum as the others' set
            s.hashes.put("twinA", (long) "ip1".hashCode() * 0x9E3779B97F4A7C15L | 1);
            s.hashes.put("twinB", (long) "ga1".hashCode() * 0x9E3779B97F4A7C15L | 1);
            int lines = 2_000 + rnd.nextInt(3_000);
            for (int line = 1; line <= lines; line++) {
                int v = rnd.nextInt(60);
                s.add("ip" + v, line);
                s.add("ga" + v, line);
                if (rnd.nextInt(10) == 0) {
                    s.add("mail" + rnd.nextInt(30), line);
                }
                if (rnd.nextInt(40) == 0) {
                    s.add("twinA", line);
                    s.add("twinB", line);
                }
                if (line > 20 && rnd.nextInt(25) == 0) {
                    // a detection that started before a chunk boundary comes back to a recent line
                    s.add("late" + rnd.nextInt(20), line - 1 - rnd.nextInt(rnd.nextBoolean() ? 10 : 20));
                }
                if (rnd.nextInt(300) == 0) {
                    s.spill();
                }
            }
            Map<String, TreeSet<Integer>> records = s.finish();
            coveredTotal += check(s, records, round % 2 == 0 ? 1_000 : 3);
        }
        assertTrue(coveredTotal > 1_000, "most values still covered: " + coveredTotal);
    }

    @Test
    void theCheckRefusesWhatTheSetsDoNotSayExactly() {
        Simulation s = new Simulation();
        for (int line = 1; line <= 6; line++) {
            s.add("a", line);
            s.add("b", line);
        }
        s.add("c", 7);
        s.add("a", 7); // a's line 7 is a set of its own, {a, c}
        Map<String, TreeSet<Integer>> records = s.finish();
        int[] a = records.get("a").stream().mapToInt(Integer::intValue).toArray();
        assertArrayEquals(new int[] {1, 7}, a);
        assertTrue(s.reps.covers(new int[] {1, 7}, 1, a, 2));
        assertFalse(s.reps.covers(new int[] {1, 7}, 1, new int[] {1}, 1), "a record short: line 7 is not said");
        assertFalse(s.reps.covers(new int[] {1, 6}, 1, a, 2), "a line short: set 7 says one more");
        assertFalse(s.reps.covers(new int[] {1, 6}, 1, new int[] {1, 2}, 2), "2 is no set's representative");
        assertFalse(s.reps.covers(new int[] {1, 1}, 1, new int[] {1}, 1), "set 1 has six lines");
        assertEquals(6, s.reps.size(1));
        assertEquals(1, s.reps.size(7));
        List<SetLines.Block> blocks = s.reps.blocks();
        assertEquals(1, blocks.size());
        assertArrayEquals(new int[] {1}, blocks.get(0).reps(), "set 7 is only its own line: not stored");
    }

    /**
     * The case the size check alone lets through: a late detection on a closed line is given that
     * line's set (whose other line it is not on), and one of its lines has a set whose hash collides
     * with an earlier one (so it gets no record for it). The sizes add up; the lines do not.
     */
    @Test
    void aValueGivenASetItIsNotWhollyOnIsNotCovered() {
        Simulation s = new Simulation();
        long hx = (long) "x".hashCode() * 0x9E3779B97F4A7C15L | 1;
        long hy = (long) "y".hashCode() * 0x9E3779B97F4A7C15L | 1;
        s.hashes.put("p", hx);
        s.hashes.put("q", hy);
        s.add("p", 1);
        s.add("q", 1); // set {p, q}, the same sum as {x, y}
        s.add("a", 2);
        s.add("b", 2);
        s.add("a", 3);
        s.add("b", 3); // line 3 in set 2
        s.add("z", 4);
        s.add("x", 3); // back to line 3: x is given set 2, lines 2 and 3
        s.add("x", 5);
        s.add("y", 5); // {x, y} collides with {p, q}: x gets no record for line 5
        Map<String, TreeSet<Integer>> records = s.finish();
        assertEquals(new TreeSet<>(List.of(2)), records.get("x"));
        assertEquals(2, s.reps.size(2));
        assertFalse(s.reps.covers(new int[] {3, 3, 5, 5}, 2, new int[] {2}, 1), "lines 3 and 5 are not set 2's lines 2 and 3");
        assertTrue(s.reps.covers(new int[] {2, 3}, 1, new int[] {2}, 1), "a and b are");
    }
}
