package be.inzage.scan;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A log's lines are counted eight bytes at a time exactly as one at a time, at any offset and length. */
class LineCountTest {

    @Test
    void newlinesCountedEightAtATimeAsOneAtATime() {
        Random r = new Random(11);
        // bytes near '\n' and with the top bit set, where a carry or a sign would miscount
        byte[] near = {'\n', '\n', 0x0B, 0x09, (byte) 0x8A, (byte) 0xFF, 0, 0x7F, (byte) 0x80, 'a', 0x1A, 0x0A};
        for (int round = 0; round < 2_000; round++) {
            byte[] b = new byte[r.nextInt(70)];
            for (int i = 0; i < b.length; i++) {
                b[i] = r.nextBoolean() ? near[r.nextInt(near.length)] : (byte) r.nextInt(256);
            }
            int off = b.length == 0 ? 0 : r.nextInt(b.length);
            int n = r.nextInt(b.length - off + 1);
            long expected = 0;
            for (int i = off; i < off + n; i++) {
                expected += b[i] == '\n' ? 1 : 0;
            }
            assertEquals(expected, LogResume.newlines(b, off, n), "round " + round);
        }
        byte[] all = new byte[1 << 16];
        java.util.Arrays.fill(all, (byte) '\n');
        assertEquals(all.length - 3, LogResume.newlines(all, 1, all.length - 3));
    }
}
