package be.inzage.detect;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A column's repeated short values are detected once; long values and other columns every time. */
class RepeatedValuesTest {

    private final AtomicInteger calls = new AtomicInteger();
    private final Function<String, List<Detection>> detect = v -> {
        calls.incrementAndGet();
        List<Detection> out = new ArrayList<>();
        out.add(new Detection("person_name", 0, v.length(), v.toLowerCase(), 0.8, "name"));
        return out;
    };

    @Test
    void aRepeatedValueIsDetectedOncePerColumn() {
        RepeatedValues r = new RepeatedValues(2);
        List<Detection> first = r.detections(0, "Jan", detect);
        assertSame(first, r.detections(0, "Jan", detect));
        assertEquals(1, calls.get());
        r.detections(1, "Jan", detect); // another column: its own hint, its own answer
        assertEquals(2, calls.get());
        assertThrows(UnsupportedOperationException.class, () -> first.add(first.get(0)), "shared answers cannot be changed");
    }

    @Test
    void longValuesAreNotKeptAndTheMemoryIsBounded() {
        RepeatedValues r = new RepeatedValues(1);
        String note = "x".repeat(RepeatedValues.MAX_LENGTH + 1);
        r.detections(0, note, detect);
        r.detections(0, note, detect);
        assertEquals(2, calls.get());
        for (int i = 0; i <= RepeatedValues.MAX_VALUES; i++) {
            r.detections(0, "v" + i, detect);
        }
        calls.set(0);
        r.detections(0, "v0", detect); // forgotten when the column's memory started over
        assertEquals(1, calls.get());
    }
}
