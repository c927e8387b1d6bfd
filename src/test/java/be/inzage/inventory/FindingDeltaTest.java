package be.inzage.inventory;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Rows leaving a finding: its records follow its rows, and a value held by more rows than it lists is not lost. */
class FindingDeltaTest {

    static final String CID = "c1";

    static Finding finding(int rows, int count) {
        JsonArray keys = new JsonArray();
        List<String> records = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            JsonObject k = new JsonObject().put("id", (long) i);
            keys.add(i == 2 ? k.copy().put("@l", new JsonArray().add("c2:" + Finding.sha256("{\"id\":9}"))) : k);
            records.add(CID + ":" + Finding.sha256(k.encode()));
        }
        return new Finding("s", "pg://db", "db", "public.t", null, "city", "address", "identification", "normal", 0.8, "G***", "h",
                List.of(), "", count, records, CID, 0, keys.encode());
    }

    static Set<BytesRef> removed(int... ids) {
        Set<BytesRef> out = new HashSet<>();
        for (int id : ids) {
            out.add(FindingDelta.rowOf(new JsonObject().put("id", (long) id).encode()));
        }
        return out;
    }

    @Test
    void removedRowsLeaveTheRowsTheirRecordsAndTheCount() {
        Finding f = finding(3, 3);
        Finding kept = new FindingDelta(null, CID, 1, removed(1)).withoutRemoved(f);
        assertEquals(2, kept.rowKeys().size());
        assertEquals(2, kept.count());
        assertEquals(List.of(CID + ":" + Finding.sha256("{\"id\":2}"), CID + ":" + Finding.sha256("{\"id\":3}"),
                "c2:" + Finding.sha256("{\"id\":9}")), kept.records(), "own rows, then the rows they reference");
        assertSame(f, new FindingDelta(null, CID, 1, removed(7)).withoutRemoved(f), "untouched");
        assertNull(new FindingDelta(null, CID, 1, removed(1, 2, 3)).withoutRemoved(f), "no row holds it any more");
    }

    @Test
    void aValueHeldByMoreRowsThanListedStaysWhenItsListedRowsGo() {
        int[] all = new int[FindingDelta.MAX_ROWS];
        for (int i = 0; i < all.length; i++) {
            all[i] = i + 1;
        }
        Finding f = finding(FindingDelta.MAX_ROWS, 1_500);
        Finding kept = new FindingDelta(null, CID, 1, removed(all)).withoutRemoved(f);
        assertEquals(500, kept.count(), "500 rows not listed still hold it");
        assertEquals(0, kept.rowKeys().size());
        assertEquals(500, kept.locator().getInteger("count"));
    }
}
