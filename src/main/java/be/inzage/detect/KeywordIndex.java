package be.inzage.detect;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds keywords (context words of every rule, in nl/fr/en) at word starts, case- and
 * accent-insensitively. Keywords are bucketed by their first two folded characters, so a word
 * costs one array lookup unless it could start a keyword: much cheaper than a regex alternation.
 */
public final class KeywordIndex {

    /** Receives a keyword occurrence. */
    public interface Hit {
        void at(int keywordId, int start, int end);
    }

    private static final boolean[] ASCII_ALNUM = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_ALNUM[c] = Character.isLetterOrDigit(c);
        }
    }

    private final List<String> words = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final int[][] asciiBuckets = new int[128 * 128][];
    private final Map<Integer, int[]> otherBuckets = new HashMap<>();

    /** Registers a keyword (at least two characters) and returns its id. */
    public int add(String keyword) {
        String k = Fold.fold(keyword.strip());
        if (k.length() < 2) {
            throw new IllegalArgumentException("keyword too short: '" + keyword + "'");
        }
        Integer existing = ids.get(k);
        if (existing != null) {
            return existing;
        }
        int id = words.size();
        words.add(k);
        ids.put(k, id);
        char c0 = k.charAt(0);
        char c1 = k.charAt(1);
        if (c0 < 128 && c1 < 128) {
            int slot = c0 * 128 + c1;
            asciiBuckets[slot] = append(asciiBuckets[slot], id);
        } else {
            otherBuckets.merge((int) c0 << 16 | c1, new int[] {id}, KeywordIndex::concat);
        }
        return id;
    }

    public int size() {
        return words.size();
    }

    private static int[] append(int[] a, int v) {
        return concat(a == null ? new int[0] : a, new int[] {v});
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = new int[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Reports every keyword that starts at a word start in [from, to). */
    public void scan(CharSequence text, int from, int to, Hit hit) {
        int end = Math.min(to, text.length());
        int start = Math.max(0, from);
        boolean prevAlnum = start > 0 && Character.isLetterOrDigit(text.charAt(start - 1));
        for (int i = start; i < end - 1; i++) {
            char c = text.charAt(i);
            boolean alnum = c < 128 ? ASCII_ALNUM[c] : Character.isLetterOrDigit(c);
            boolean wordStart = alnum && !prevAlnum && (c < 128 ? !Candidates.isDigit(c) : Character.isLetter(c));
            prevAlnum = alnum;
            if (!wordStart) {
                continue;
            }
            char f0 = Fold.fold(c);
            char f1 = Fold.fold(text.charAt(i + 1));
            int[] bucket = f0 < 128 && f1 < 128 ? asciiBuckets[f0 * 128 + f1] : otherBuckets.get((int) f0 << 16 | f1);
            if (bucket == null) {
                continue;
            }
            for (int id : bucket) {
                int e = matchAt(text, i, end, words.get(id));
                if (e > 0) {
                    hit.at(id, i, e);
                }
            }
        }
    }

    /** Whether any keyword of {@code wanted} occurs in [from, to). */
    public boolean any(CharSequence text, int from, int to, BitSet wanted) {
        boolean[] found = new boolean[1];
        scan(text, from, to, (id, s, e) -> {
            if (wanted.get(id)) {
                found[0] = true;
            }
        });
        return found[0];
    }

    private static int matchAt(CharSequence text, int i, int end, String k) {
        int n = k.length();
        if (i + n > end) {
            return -1;
        }
        for (int j = 0; j < n; j++) {
            char t = Fold.fold(text.charAt(i + j));
            char w = k.charAt(j);
            if (t != w && !(w == ' ' && Character.isWhitespace(text.charAt(i + j)))) {
                return -1;
            }
        }
        // A keyword ending in a letter must end a word: "tel" is not the start of "telenet".
        if (Character.isLetterOrDigit(k.charAt(n - 1)) && i + n < text.length()
                && Character.isLetterOrDigit(text.charAt(i + n))) {
            return -1;
        }
        return i + n;
    }
}
