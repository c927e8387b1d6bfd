package be.inzage.extract;

import java.util.ArrayList;
import java.util.List;

/** Splits a CSV/TSV line into cells (RFC 4180 quoting), keeping each cell's offsets in the line. */
final class DelimitedLines {

    private DelimitedLines() {
    }

    static char guessDelimiter(String header) {
        char best = ',';
        int bestCount = 0;
        for (char c : new char[] {',', ';', '\t', '|'}) {
            int n = 0;
            for (int i = 0; i < header.length(); i++) {
                if (header.charAt(i) == c) {
                    n++;
                }
            }
            if (n > bestCount) {
                best = c;
                bestCount = n;
            }
        }
        return best;
    }

    /** Cell spans as [start, end) pairs, quotes excluded from the span. */
    static List<int[]> cells(String line, char delim) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i <= n) {
            if (i < n && line.charAt(i) == '"') {
                int s = i + 1;
                int j = s;
                while (j < n && !(line.charAt(j) == '"' && (j + 1 >= n || line.charAt(j + 1) != '"'))) {
                    j += line.charAt(j) == '"' ? 2 : 1;
                }
                out.add(new int[] {s, Math.min(j, n)});
                int next = line.indexOf(delim, j);
                i = next < 0 ? n + 1 : next + 1;
            } else {
                int next = line.indexOf(delim, i);
                int e = next < 0 ? n : next;
                out.add(new int[] {i, e});
                i = next < 0 ? n + 1 : next + 1;
            }
        }
        return out;
    }
}
