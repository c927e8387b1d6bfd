package be.inzage.inventory;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A finding's stored blob reads back exactly what was written, line sets included, in any form. */
class StoredFindingTest {

    private static StoredFinding.Fields fields(String lines, String recordLines, String field, String rows, long first, long last) {
        return new StoredFinding.Fields("c1", field, "ip_address", "electronic", "normal", 0.87, "81.***.***.7",
                "AAAAAAAAAAAAAAAAAAAAAA", lines, 4, rows, first, last, 2, List.of("other:1", "c9:0123"), recordLines);
    }

    private static StoredFinding.Fields roundTrip(StoredFinding.Fields f) throws IOException {
        return StoredFinding.decode(StoredFinding.encode(f));
    }

    @Test
    void everyFieldReadsBackAsWritten() throws IOException {
        StoredFinding.Fields f = fields("3-5,9", "=", "client", "[{\"id\":7}]", 1_700_000_000_000L, 1_600_000_000_000L);
        StoredFinding.Fields back = roundTrip(f);
        assertEquals(f, back);
        assertEquals("=", back.recordLines(), "'same as lines' is kept as a flag, not a second list");

        StoredFinding.Fields bare = fields("", null, null, "", 0, 0);
        StoredFinding.Fields bareBack = roundTrip(bare);
        assertEquals(bare, bareBack);
        assertNull(bareBack.field());
        assertNull(bareBack.recordLines());
    }

    @Test
    void lineSetsOfEveryShapeReadBackExactly() throws IOException {
        for (String s : List.of("", "0", "1", "7", "3-5", "3-5,6", "1,3,5-1000000,1000002", "p2-3", "p1", "s3", "s1,4-6",
                "2147483647", "12,9", "5-5", "3-2", "007", "1,,2", "x", "p", "1-", "99999999999999999999")) {
            StoredFinding.Fields f = fields(s, "1,4", "f", "", 0, 0);
            StoredFinding.Fields back = roundTrip(f);
            assertEquals(s, back.lines(), s);
            assertEquals("1,4", back.recordLines());
        }
    }

    @Test
    void canonicalLineSetsAreRangesAndOthersStayText() {
        assertArrayEquals(new long[] {1, 1, 3, 5, 9, 1_000_000}, StoredFinding.ranges("1,3-5,9-1000000"));
        assertArrayEquals(new long[] {2, 3}, StoredFinding.ranges("p2-3"));
        assertArrayEquals(new long[0], StoredFinding.ranges(""));
        for (String odd : List.of("12,9", "5-5", "3-2", "007", "1,,2", "x", "p", "1-", "99999999999999999999", "1,1")) {
            assertNull(StoredFinding.ranges(odd), odd);
        }
    }

    @Test
    void aMillionLineRangeIsAFewBytesAndRecordLinesEqualToTheLinesAreNotWrittenTwice() {
        int one = StoredFinding.encode(fields("1", "=", null, "", 0, 0)).length;
        assertTrue(StoredFinding.encode(fields("1-1000000", "=", null, "", 0, 0)).length <= one + 3);
        String many = "1,5,9,13,17,21,25,29,33,37,41,45";
        int same = StoredFinding.encode(fields(many, "=", null, "", 0, 0)).length;
        assertTrue(StoredFinding.encode(fields(many, many, null, "", 0, 0)).length >= same + 12);
    }
}
