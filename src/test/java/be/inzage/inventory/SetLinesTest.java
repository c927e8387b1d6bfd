package be.inzage.inventory;

import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A block of record sets reads back exactly as written, whatever the sets' sizes and spreads. */
class SetLinesTest {

    /** Sets of 1 to 60 lines, close together or up to a million lines apart; each set's first line at or after its representative. */
    static SetLines.Block randomBlock(Random rnd, int number) {
        int sets = 1 + rnd.nextInt(300);
        TreeSet<Integer> reps = new TreeSet<>();
        while (reps.size() < sets) {
            reps.add((number << 14) + rnd.nextInt(1 << 14));
        }
        int[] r = reps.stream().mapToInt(Integer::intValue).toArray();
        int[] start = new int[sets + 1];
        int[] lines = new int[0];
        int k = 0;
        for (int i = 0; i < sets; i++) {
            int n = 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(60) : rnd.nextInt(3));
            int spread = new int[] {2, 50, 5_000, 1_000_000}[rnd.nextInt(4)];
            TreeSet<Integer> l = new TreeSet<>();
            l.add(r[i] + (rnd.nextInt(5) == 0 ? rnd.nextInt(3) : 0));
            while (l.size() < n) {
                l.add(l.first() + 1 + rnd.nextInt(Math.max(spread, 2 * n)));
            }
            lines = Arrays.copyOf(lines, k + n);
            start[i] = k;
            for (int v : l) {
                lines[k++] = v;
            }
        }
        start[sets] = k;
        return new SetLines.Block(number, r, start, lines);
    }

    @Test
    void blocksReadBackAsWritten() {
        Random rnd = new Random(11);
        long spreadBytes = 0;
        long lines = 0;
        for (int round = 0; round < 300; round++) {
            SetLines.Block b = randomBlock(rnd, rnd.nextInt(300));
            BytesRef bytes = SetLines.encode(b);
            SetLines.Block back = SetLines.decode(b.number(), bytes);
            assertArrayEquals(b.reps(), back.reps());
            assertArrayEquals(b.start(), back.start());
            assertArrayEquals(b.lines(), back.lines());
            spreadBytes += bytes.length;
            lines += b.lines().length;
        }
        assertTrue(spreadBytes < lines * 3, spreadBytes + " bytes for " + lines + " lines");
    }

    /** A visitor's lines of a day, about a thousand lines apart: Elias-Fano, smaller than gap varints. */
    @Test
    void linesSpreadOverADayTakeLessThanTheirGapVarints() {
        int n = 12;
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) {
            lines[i] = 1_000 + i * 1_100 + (i * 37) % 90;
        }
        SetLines.Block b = new SetLines.Block(0, new int[] {1_000}, new int[] {0, n}, lines);
        BytesRef bytes = SetLines.encode(b);
        assertArrayEquals(lines, SetLines.decode(0, bytes).lines());
        // count, representative, first line, then 11 gaps of 2 bytes each as varints
        assertTrue(bytes.length < 1 + 2 + 1 + 1 + 11 * 2, "Elias-Fano: " + bytes.length + " bytes");
        assertEquals(1, SetLines.decode(0, bytes).reps().length);
    }

    /** A block's sets from several documents (a log read on from where it stopped adds its own) read as one, by representative. */
    @Test
    void blocksOfSeveralDocumentsJoinInRepresentativeOrder() {
        SetLines.Block earlier = new SetLines.Block(0, new int[] {5, 40}, new int[] {0, 2, 3}, new int[] {5, 9, 40});
        SetLines.Block later = new SetLines.Block(0, new int[] {20, 700}, new int[] {0, 1, 4}, new int[] {21, 700, 800, 900});
        SetLines.Block joined = SetLines.join(0, java.util.List.of(later, earlier));
        assertArrayEquals(new int[] {5, 20, 40, 700}, joined.reps());
        assertArrayEquals(new int[] {0, 2, 3, 4, 7}, joined.start());
        assertArrayEquals(new int[] {5, 9, 21, 40, 700, 800, 900}, joined.lines());
    }
}
