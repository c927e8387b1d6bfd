package be.inzage.inventory;

import org.apache.lucene.util.BytesRef;
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
                "AAAAAAAAAAAAAAAA", lines, 4, rows, first, last, 2, List.of("other:1", "c9:0123"), recordLines);
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

    /** Texts are written as Lucene writes strings, whether ASCII, accented, beyond any scratch buffer or empty. */
    @Test
    void textsOfEveryKindReadBackAsWrittenAndAsLuceneSpellsThem() throws IOException {
        String longRecord = "c1:" + "x".repeat(300);
        String accented = "Andr\u00e9 D\u00e9sir\u00e9e \u4e2d\ud83d\ude00";
        StoredFinding.Fields f = new StoredFinding.Fields("c1", "naam", "person_name", "identification", "high", 0.8, accented,
                "some-hash", "3", 1, "", 0, 0, 0, List.of(longRecord, "", "r\u00e9c"), null);
        StoredFinding.Fields back = roundTrip(f);
        assertEquals(f, back);
        // the same bytes as Lucene's own writeString for each text
        org.apache.lucene.store.ByteBuffersDataOutput lucene = new org.apache.lucene.store.ByteBuffersDataOutput();
        for (String t : List.of("c1", "naam", "person_name", "identification", "high")) {
            lucene.writeString(t);
        }
        byte[] expected = lucene.toArrayCopy();
        byte[] blob = java.util.Arrays.copyOfRange(StoredFinding.encode(f).bytes, 1, 1 + expected.length); // after the flags
        assertArrayEquals(expected, blob);
    }

    @Test
    void linesGivenAsNumbersAreStoredAsTheirTextWouldBe() {
        byte[] raw = KeyedHasher.bytes("AAAAAAAAAAAAAAAA");
        for (String lines : List.of("", "7", "3-5,9", "1,3,5-8,1000000,1000002-1000100")) {
            StoredFinding.Fields f = fields(lines, null, "client", "", 0, 0);
            long[] ranges = StoredFinding.ranges(lines);
            int[] records = lines.isEmpty() ? null : new int[] {LineSet.decode(lines)[0]};
            BytesRef parsed = StoredFinding.encode(f, raw, records, false, null);
            BytesRef given = StoredFinding.encode(f, raw, records, false, null, ranges);
            assertEquals(parsed, given, lines);
        }
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

    /** A blob as the session-10 release wrote it (line sets as gap and length pairs): still read back. */
    @Test
    void blobsWrittenBeforeSinglesLostTheirLengthStillReadBack() throws IOException {
        // its 128-bit hash, stored as text then, reads back as its first 96 bits: what this version computes
        assertEquals(new StoredFinding.Fields("c1", "client", "ip_address", "electronic", "normal", 0.87, "81.***.***.7",
                "AAAAAAAAAAAAAAAA", "3-5,9,200000,400000", 4, "", 1_700_000_000_000L, 1_700_000_360_000L, 2, List.of(),
                "3,200000"), decodeHex("1502633106636c69656e740a69705f616464726573730a656c656374726f6e6963066e6f726d616c"
                + "d7a3703d0ad7eb3f0c38312e2a2a2a2e2a2a2a2e371641414141414141414141414141414141414141414141010403020400b79a0c00"
                + "c09a0c000480d095ffbc3180f92b020001020300bd9a0c00"));
    }

    private static StoredFinding.Fields decodeHex(String hex) throws IOException {
        return StoredFinding.decode(new org.apache.lucene.util.BytesRef(java.util.HexFormat.of().parseHex(hex)));
    }

    /** A finding as formats 5 and 6 stored it (layout 2: its 16 hash bytes) reads back with a 96-bit hash and alias. */
    @Test
    void aLayout2BlobWithASixteenByteHashReadsBackAsTwelve() throws IOException {
        StoredFinding.Fields back = decodeHex("7502633106636c69656e740a69705f616464726573730a656c656374726f6e6963066e6f726d616c"
                + "d7a3703d0ad7eb3f0c38312e2a2a2a2e2a2a2a2e37000102030405060708090a0b0c0d0e0f04020702080481c49fd50cd0050200010100"
                + "011645424553457851564668635947526f62484230654877");
        assertEquals(new StoredFinding.Fields("c1", "client", "ip_address", "electronic", "normal", 0.87, "81.***.***.7",
                "AAECAwQFBgcICQoL", "3-5,9", 4, "", 1_700_000_000_000L, 1_700_000_360_000L, 2, List.of(), "3",
                List.of("EBESExQVFhcYGRob")), back);
        assertEquals(back, StoredFinding.decode(StoredFinding.encode(back)), "and is written again as 12 bytes");
    }

    /** A blob bigger than what a thread keeps of its output, then small ones: each reads back exactly. */
    @Test
    void aBigBlobAndTheSmallOnesAfterItReadBackExactly() throws IOException {
        StringBuilder big = new StringBuilder("1");
        java.util.Random r = new java.util.Random(5);
        for (int i = 0, line = 1; i < 60_000; i++) {
            line += 2 + r.nextInt(1000);
            big.append(',').append(line);
        }
        StoredFinding.Fields f = fields(big.toString(), null, "client", "", 0, 0);
        assertTrue(StoredFinding.encode(f).length > 64 << 10, "bigger than a thread keeps");
        assertEquals(f, roundTrip(f));
        StoredFinding.Fields small = fields("3-5,9", "=", "client", "", 0, 0);
        assertEquals(small, roundTrip(small));
        assertEquals(f, roundTrip(f));
    }

    @Test
    void aSingleLineCostsItsGapOnlyAndSpreadLinesLessThanThat() throws IOException {
        // a range among them: gap varints, three bytes for a line about 200,000 after the last, not four
        StringBuilder far = new StringBuilder("1-3");
        for (int i = 1; i < 12; i++) {
            far.append(',').append(1 + i * 200_001);
        }
        int none = StoredFinding.encode(fields("", null, null, "", 0, 0)).length;
        assertEquals(1 + 1 + 11 * 3, StoredFinding.encode(fields(far.toString(), null, null, "", 0, 0)).length - none);
        // single lines only, as a returning visitor's in a big log: Elias-Fano, 17 low bits and about two more each
        String spread = far.toString().replace("1-3,", "1,");
        int size = StoredFinding.encode(fields(spread, null, null, "", 0, 0)).length - none;
        assertEquals(1 + 26 + 4, size, spread);
        assertEquals(spread, roundTrip(fields(spread, null, null, "", 0, 0)).lines());
    }

    @Test
    void randomLineSetsReadBackExactlyWhicheverWayTheyAreWritten() throws IOException {
        java.util.Random rnd = new java.util.Random(11);
        for (int t = 0; t < 3000; t++) {
            int n = 1 + rnd.nextInt(40);
            int spread = 1 + rnd.nextInt(t % 3 == 0 ? 4 : t % 3 == 1 ? 1000 : 5_000_000);
            java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
            while (set.size() < n) {
                set.add(rnd.nextInt(spread + n) + (t % 7 == 0 ? 0 : 1));
            }
            String lines = (t % 11 == 0 ? "p" : "") + LineSet.encode(set.stream().mapToInt(Integer::intValue).toArray());
            StoredFinding.Fields f = fields(lines, null, null, "", 0, 0);
            assertEquals(f, roundTrip(f), lines);
        }
    }

    @Test
    void keyedHashesAreStoredAsBytesAndAnyOtherTextAsIs() throws IOException {
        String key = new KeyedHasher(new byte[32]).hash("jan.peeters@example.be");
        assertEquals(12, KeyedHasher.bytes(key).length);
        assertEquals(16, key.length());
        for (String h : List.of(key, "h1", "AAAAAAAAAAAAAAAAAAAAA=", "AAAAAAAAAAAAAAAAAAAAA+", "AAAAAAAAAAAAAAAAAAAAAB")) {
            StoredFinding.Fields f = new StoredFinding.Fields("c1", null, "email", "identification", "normal", 0.9, "j***", h, "1", 1,
                    "", 0, 0, 0, List.of(), null);
            assertEquals(h, roundTrip(f).hash(), h);
        }
        assertNull(KeyedHasher.bytes("AAAAAAAAAAAAAAAAAAAAAB"), "not how a hash is spelt: kept as text");
        assertEquals("AAAAAAAAAAAAAAAAAAAAAB", KeyedHasher.current("AAAAAAAAAAAAAAAAAAAAAB"), "nor an earlier one's");
        StoredFinding.Fields text = fields("1", null, null, "", 0, 0);
        int asBytes = StoredFinding.encode(text).length;
        int asText = StoredFinding.encode(new StoredFinding.Fields("c1", null, "ip_address", "electronic", "normal", 0.87,
                "81.***.***.7", "h.23456789012345678901", "1", 4, "", 0, 0, 2, List.of("other:1", "c9:0123"), null)).length;
        assertEquals(asText - (1 + 22) + KeyedHasher.LENGTH + 1, asBytes, "12 bytes for 22 characters, a byte more of flags");
    }

    @Test
    void timesInWholeSecondsAreStoredAsSecondsAndOthersAsMilliseconds() throws IOException {
        for (long[] t : new long[][] {{1_700_000_000_000L, 1_700_000_360_000L}, {1_700_000_000_123L, 1_700_000_000_999L},
                {1_700_000_000_000L, 1_700_000_000_001L}, {1_700_000_360_000L, 1_700_000_000_000L}}) {
            StoredFinding.Fields f = fields("1", null, null, "", t[0], t[1]);
            StoredFinding.Fields back = roundTrip(f);
            assertEquals(t[0], back.firstSeen());
            assertEquals(t[1], back.lastSeen());
        }
        assertTrue(StoredFinding.encode(fields("1", null, null, "", 1_700_000_000_000L, 1_700_000_360_000L)).length + 2
                <= StoredFinding.encode(fields("1", null, null, "", 1_700_000_000_001L, 1_700_000_360_001L)).length);
    }

    @Test
    void recordLinesAmongTheLinesAreStoredAsPositionsAndReadBackExactly() throws IOException {
        String[][] cases = {
            {"3-5,9,200000,400000", "3,200000"}, {"3-5,9,200000,400000", "5,9,400000"}, {"1-1000000", "1,500000-500002,1000000"},
            {"7", "7"}, {"3-5,9", "10"}, {"3-5,9", "2"}, {"3,9", "4"}, {"p2-3", "2"}, {"", "4"}, {"12", "10"}, {"1,4", "1-4"},
        };
        for (String[] c : cases) {
            StoredFinding.Fields f = fields(c[0], c[1], null, "", 0, 0);
            assertEquals(f, roundTrip(f), c[0] + " / " + c[1]);
        }
        assertArrayEquals(new int[] {0, 4}, StoredFinding.positions("3-5,9,200000,400000", "3,200000"));
        assertNull(StoredFinding.positions("3-5,9", "10"), "a record that is not a line of the value (a JSON object's first line)");
        // a value on 40 lines far apart with 10 of them as records: a byte per record, not three
        StringBuilder lines = new StringBuilder("1");
        StringBuilder records = new StringBuilder("1");
        for (int i = 1; i < 40; i++) {
            lines.append(',').append(1 + i * 90_001);
            if (i % 4 == 0) {
                records.append(',').append(1 + i * 90_001);
            }
        }
        int withRecords = StoredFinding.encode(fields(lines.toString(), records.toString(), null, "", 0, 0)).length;
        int without = StoredFinding.encode(fields(lines.toString(), null, null, "", 0, 0)).length;
        assertEquals(1 + 1 + 10, withRecords - without);
    }

    /**
     * Lines that are the union of fewer record lines' sets are not stored (nothing to read them back
     * from without the sets); as many record lines as lines: stored, and the fact kept with them.
     */
    @Test
    void linesCoveredByTheirRecordSetsAreStoredOnlyWhenThatSavesNothing() throws IOException {
        byte[] raw = KeyedHasher.bytes("AAAAAAAAAAAAAAAA");
        StoredFinding.Fields many = fields("3-5,9,40,77,120", null, null, "", 0, 0);
        org.apache.lucene.util.BytesRef covered = StoredFinding.encode(many, raw, new int[] {3, 40}, true, null);
        org.apache.lucene.util.BytesRef plain = StoredFinding.encode(many, raw, new int[] {3, 40}, false, null);
        assertTrue(covered.length < plain.length, covered.length + " < " + plain.length);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> StoredFinding.decode(covered));
        assertTrue(e.getMessage().contains("without its record sets"), e.getMessage());
        assertTrue(!StoredFinding.decode(plain).coveredBySets());

        StoredFinding.Fields one = fields("9", null, null, "", 0, 0);
        StoredFinding.Fields back = StoredFinding.decode(StoredFinding.encode(one, raw, new int[] {9}, true, null));
        assertEquals("9", back.lines());
        assertTrue(back.coveredBySets(), "kept, so lines appended later can be read back from sets with it");
        assertTrue(!StoredFinding.decode(StoredFinding.encode(one, raw, new int[] {9}, false, null)).coveredBySets());
    }
}
