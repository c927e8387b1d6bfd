package be.inzage.inventory;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeptItemsTest {

    @Test
    void remembersEveryItemThroughGrowthAndNothingElse() {
        KeptItems kept = new KeptItems();
        for (int i = 0; i < 50_000; i++) {
            kept.add(Finding.itemId("src", "/share/file-" + i + ".txt"));
        }
        kept.add(Finding.itemId("src", "/share/file-7.txt")); // twice: counted once
        assertEquals(50_000, kept.size());
        for (int i = 0; i < 50_000; i++) {
            assertTrue(kept.contains(Finding.itemId("src", "/share/file-" + i + ".txt")), "item " + i);
        }
        for (int i = 50_000; i < 60_000; i++) {
            assertFalse(kept.contains(Finding.itemId("src", "/share/file-" + i + ".txt")), "item " + i);
        }
        assertFalse(kept.contains(Finding.itemId("other", "/share/file-1.txt")));
    }

    @Test
    void aKeyOfZeroIsKeptToo() {
        KeptItems kept = new KeptItems();
        String zero = "0000000000000000" + "ffff";
        assertFalse(kept.contains(zero));
        kept.add(zero);
        assertTrue(kept.contains(zero));
        assertEquals(1, kept.size());
    }
}
