package be.inzage.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Line numbers stored as compact ranges ("3-5,9,12"): exact, and small for repetitive logs. */
public final class LineSet {

    /** Prefix of a set that numbers pages (PDF pages, spreadsheet sheets) instead of lines: "p2-3". */
    public static final String PAGES = "p";
    /** Prefix of a set that numbers spreadsheet sheets: "s3". */
    public static final String SHEETS = "s";

    private LineSet() {
    }

    public static boolean pages(String s) {
        return s != null && s.startsWith(PAGES);
    }

    public static boolean sheets(String s) {
        return s != null && s.startsWith(SHEETS);
    }

    /** "line", "page" or "sheet": what the numbers of a set count. */
    public static String unit(String s) {
        return pages(s) ? "page" : sheets(s) ? "sheet" : "line";
    }

    public static String encode(int[] sorted) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[j] + 1) {
                j++;
            }
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(sorted[i]);
            if (j > i) {
                b.append('-').append(sorted[j]);
            }
            i = j + 1;
        }
        return b.toString();
    }

    /**
     * Appends the line set {@code b} to {@code a}, where every line of b follows every line of a
     * (windows of one file in order); touching ranges are joined ("1-9" + "10-12" = "1-12").
     */
    public static String concat(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        if ((pages(a) && pages(b)) || (sheets(a) && sheets(b))) {
            return a.substring(0, 1) + concat(a.substring(1), b.substring(1));
        }
        int lastSep = Math.max(a.lastIndexOf(','), a.lastIndexOf('-'));
        int aEnd = Integer.parseInt(a.substring(lastSep + 1));
        int firstComma = b.indexOf(',');
        String bFirst = firstComma < 0 ? b : b.substring(0, firstComma);
        int dash = bFirst.indexOf('-');
        int bStart = Integer.parseInt(dash < 0 ? bFirst : bFirst.substring(0, dash));
        if (bStart != aEnd + 1) {
            return a + "," + b;
        }
        // join: a's last range now ends where b's first range ends
        String bRest = firstComma < 0 ? "" : b.substring(firstComma);
        int bFirstEnd = dash < 0 ? bStart : Integer.parseInt(bFirst.substring(dash + 1));
        String aHead = a.substring(0, lastSep + 1);
        String aLast = a.substring(lastSep + 1);
        String joined = lastSep >= 0 && a.charAt(lastSep) == '-' ? aHead + bFirstEnd : aHead + aLast + "-" + bFirstEnd;
        return joined + bRest;
    }

    public static int[] decode(String s) {
        if (s == null || s.isEmpty()) {
            return new int[0];
        }
        if (pages(s) || sheets(s)) {
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            return new int[0]; // a paged or sheeted document's metadata: no page, no sheet (older inventories wrote "s", "p")
        }
        List<int[]> ranges = new ArrayList<>();
        int total = 0;
        for (String part : s.split(",")) {
            int dash = part.indexOf('-');
            int a = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
            int b = dash < 0 ? a : Integer.parseInt(part.substring(dash + 1));
            ranges.add(new int[] {a, b});
            total += b - a + 1;
        }
        int[] out = new int[total];
        int k = 0;
        for (int[] r : ranges) {
            for (int x = r[0]; x <= r[1]; x++) {
                out[k++] = x;
            }
        }
        return out;
    }

    public static int[] sortedUnique(int[] a, int n) {
        if (ascending(a, n)) {
            return Arrays.copyOf(a, n); // the usual case (lines come in order): one copy, no sort
        }
        int[] c = Arrays.copyOf(a, n);
        Arrays.sort(c);
        int k = 0;
        for (int i = 0; i < c.length; i++) {
            if (k == 0 || c[k - 1] != c[i]) {
                c[k++] = c[i];
            }
        }
        return Arrays.copyOf(c, k);
    }

    /** Whether the first {@code n} of {@code a} are strictly ascending (sorted, no number twice). */
    public static boolean ascending(int[] a, int n) {
        for (int i = 1; i < n; i++) {
            if (a[i] <= a[i - 1]) {
                return false;
            }
        }
        return true;
    }
}
