package be.inzage.detect;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the detectors found in a column's short values, kept while one table or CSV file is read:
 * first names, cities, statuses and stock phrases repeat from row to row, and detection depends
 * only on the value and its column. Bounded per column; safe from several threads.
 */
public final class RepeatedValues {

    /** Longer values (notes, addresses with numbers) rarely repeat exactly. */
    public static final int MAX_LENGTH = 64;
    /** Values remembered per column; the column's memory starts over beyond. */
    public static final int MAX_VALUES = 4096;

    private final Map<String, List<Detection>>[] columns;

    @SuppressWarnings("unchecked")
    public RepeatedValues(int columnCount) {
        columns = new Map[columnCount];
        for (int i = 0; i < columnCount; i++) {
            columns[i] = new ConcurrentHashMap<>();
        }
    }

    /** The detections of {@code value} in {@code column}, worked out by {@code detect} once per distinct short value. */
    public List<Detection> detections(int column, String value, Function<String, List<Detection>> detect) {
        if (value.length() > MAX_LENGTH) {
            return detect.apply(value);
        }
        Map<String, List<Detection>> known = columns[column];
        List<Detection> d = known.get(value);
        if (d != null) {
            return d;
        }
        d = List.copyOf(detect.apply(value));
        if (known.size() >= MAX_VALUES) {
            known.clear();
        }
        known.put(value, d);
        return d;
    }
}
