package be.inzage.inventory;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Line numbers sorted and made distinct, whether they come in order (the usual case) or not. */
class LineSetTest {

    @Test
    void sortedUniqueGivesEachNumberOnceInOrderAsANewArray() {
        Random r = new Random(9);
        for (int round = 0; round < 500; round++) {
            int n = r.nextInt(40);
            int[] a = new int[n + r.nextInt(5)]; // longer than n: the tail is not theirs
            TreeSet<Integer> expected = new TreeSet<>();
            int line = 0;
            boolean inOrder = r.nextBoolean();
            for (int i = 0; i < a.length; i++) {
                line += 1 + r.nextInt(3);
                a[i] = inOrder ? line : 1 + r.nextInt(60);
                if (i < n) {
                    expected.add(a[i]);
                }
            }
            int[] out = LineSet.sortedUnique(a, n);
            assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), out);
            assertNotSame(a, out);
        }
        assertTrue(LineSet.ascending(new int[] {1, 2, 9}, 3));
        assertTrue(LineSet.ascending(new int[] {5, 1}, 1), "only the first n count");
        assertFalse(LineSet.ascending(new int[] {1, 1}, 2), "a number twice is not strictly ascending");
        assertFalse(LineSet.ascending(new int[] {2, 1}, 2));
    }
}
