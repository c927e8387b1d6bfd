package be.inzage.inventory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** "Is this item unchanged?", asked a walk batch at a time, across segments and after states were replaced. */
class ItemStateTest {

    @TempDir
    Path tmp;

    @Test
    void aBatchIsAnsweredItemByItem() throws IOException {
        try (InventoryIndex index = InventoryIndex.openWriter(tmp.resolve("index"))) {
            InventoryIndex.ItemState v1 = new InventoryIndex.ItemState(100, 1_700_000_000_000L, "r1");
            for (int i = 0; i < 300; i++) {
                index.remember(id(i), "src", v1, 1);
                if (i == 150) {
                    index.commit(); // two segments
                }
            }
            // item 7 was read again since, with a new size: its old state is gone, the new one counts
            index.remember(id(7), "src", new InventoryIndex.ItemState(120, 1_700_000_000_000L, "r1"), 2);
            index.commit();
            List<String> ids = new ArrayList<>();
            List<InventoryIndex.ItemState> now = new ArrayList<>();
            for (int i : new int[] {299, 7, 0, 200, 1000, 42}) {
                ids.add(id(i));
                now.add(v1);
            }
            now.set(3, new InventoryIndex.ItemState(100, 1_700_000_000_001L, "r1")); // touched since
            now.set(5, new InventoryIndex.ItemState(100, 1_700_000_000_000L, "r2")); // read under other rules
            assertArrayEquals(new boolean[] {true, false, true, false, false, false}, index.unchanged(ids, now));
            assertEquals(true, index.unchanged(id(7), new InventoryIndex.ItemState(120, 1_700_000_000_000L, "r1")));
        }
    }

    private static String id(int i) {
        return Finding.itemId("src", "/share/file" + i + ".txt");
    }
}
