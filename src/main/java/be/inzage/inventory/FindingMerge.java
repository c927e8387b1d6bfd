package be.inzage.inventory;

import java.util.ArrayList;
import java.util.List;

/** How two findings of the same value at the same place become one. */
public final class FindingMerge {

    private FindingMerge() {
    }

    /**
     * The same value found again further on (a later window of a file, lines appended to a log): the
     * later lines and records follow the earlier ones, records and rows at most {@code maxRecords}.
     */
    public static Finding later(Finding a, Finding b, int maxRecords) {
        String lines = LineSet.concat(a.lines(), b.lines());
        List<String> records;
        if (a.records() instanceof LineRecords la && b.records() instanceof LineRecords lb) {
            records = la.append(lb, maxRecords);
        } else if (a.records().size() >= maxRecords || b.records().isEmpty()) {
            records = a.records();
        } else {
            records = new ArrayList<>(a.records());
            for (String r : b.records()) {
                if (records.size() >= maxRecords) {
                    break;
                }
                if (records.isEmpty() || !records.get(records.size() - 1).equals(r)) {
                    records.add(r);
                }
            }
        }
        String rows = a.rows().isEmpty() ? b.rows() : b.rows().isEmpty() ? a.rows() : rows(a.rows(), b.rows(), maxRecords);
        long first = a.firstSeen() == 0 ? b.firstSeen() : b.firstSeen() == 0 ? a.firstSeen() : Math.min(a.firstSeen(), b.firstSeen());
        return new Finding(a.sourceId(), a.source(), a.kind(), a.container(), a.part(), a.field(), a.type(), a.category(), a.risk(),
                Math.max(a.confidence(), b.confidence()), a.masked(), a.hash(), a.aliases(), lines, a.count() + b.count(), records,
                a.cid(), 0, rows, first, Math.max(a.lastSeen(), b.lastSeen()));
    }

    /**
     * Two windows' rows of a value, at most {@code max}: as many as its records, so a city held by a
     * quarter of a million rows is not a 3 MB list (the finding's count says how many rows hold it).
     */
    public static String rows(String a, String b, int max) {
        io.vertx.core.json.JsonArray first = new io.vertx.core.json.JsonArray(a);
        if (first.size() >= max) {
            return a;
        }
        io.vertx.core.json.JsonArray second = new io.vertx.core.json.JsonArray(b);
        if (first.size() + second.size() <= max) {
            return a.substring(0, a.length() - 1) + "," + b.substring(1);
        }
        for (int i = 0; first.size() < max; i++) {
            first.add(second.getValue(i));
        }
        return first.encode();
    }
}
