package be.inzage.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds keywords (context words of every rule, in nl/fr/en) at word starts, case- and
 * accent-insensitively, in the pre-filter's pass over the text. Keywords sit in a trie whose first
 * two levels are one 128x128 table, so a word costs one array lookup unless it could start a
 * keyword: much cheaper than a regex alternation.
 */
public final class KeywordIndex {

    /** Receives a keyword occurrence. */
    public interface Hit {
        void at(int keywordId, int start, int end);
    }

    private static final byte OTHER = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte[] ASCII_CLASS = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_CLASS[c] = Character.isLetter(c) ? LETTER : Character.isDigit(c) ? DIGIT : OTHER;
        }
    }

    private final List<String> words = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    /*
     * A trie of the folded keywords. Node 0 is the root; a node's children are parallel arrays
     * of labels and node numbers, searched linearly (fan-out is small past the first letters).
     * The first two letters go through a 128x128 table, so most words cost one array lookup.
     */
    private char[][] labels = new char[16][];
    private int[][] children = new int[16][];
    private int[] keywordAt = new int[16];
    private int nodes = 1;
    private final int[] asciiPairs = new int[128 * 128];

    {
        java.util.Arrays.fill(keywordAt, -1);
        labels[0] = new char[0];
        children[0] = new int[0];
    }

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
        int node = 0;
        for (int i = 0; i < k.length(); i++) {
            node = childOrNew(node, k.charAt(i));
            if (i == 1 && k.charAt(0) < 128 && k.charAt(1) < 128) {
                asciiPairs[k.charAt(0) * 128 + k.charAt(1)] = node;
            }
        }
        keywordAt[node] = id;
        return id;
    }

    public int size() {
        return words.size();
    }

    private int child(int node, char c) {
        char[] l = labels[node];
        for (int j = 0; j < l.length; j++) {
            if (l[j] == c) {
                return children[node][j];
            }
        }
        return 0;
    }

    private int childOrNew(int node, char c) {
        int found = child(node, c);
        if (found != 0) {
            return found;
        }
        if (nodes == labels.length) {
            int cap = nodes * 2;
            labels = java.util.Arrays.copyOf(labels, cap);
            children = java.util.Arrays.copyOf(children, cap);
            keywordAt = java.util.Arrays.copyOf(keywordAt, cap);
            java.util.Arrays.fill(keywordAt, nodes, cap, -1);
        }
        int n = nodes++;
        labels[n] = new char[0];
        children[n] = new int[0];
        int len = labels[node].length;
        labels[node] = java.util.Arrays.copyOf(labels[node], len + 1);
        labels[node][len] = c;
        children[node] = java.util.Arrays.copyOf(children[node], len + 1);
        children[node][len] = n;
        return n;
    }

    /** Reports every keyword that starts at a word start of {@code t}, shorter keywords first. */
    public void scan(char[] t, Hit hit) {
        int end = t.length;
        boolean prevAlnum = false;
        for (int i = 0; i < end - 1; i++) {
            char c = t[i];
            boolean letter;
            boolean alnum;
            if (c < 128) {
                byte k = ASCII_CLASS[c];
                letter = k == LETTER;
                alnum = k != OTHER;
            } else {
                letter = Character.isLetter(c);
                alnum = letter || Character.isDigit(c);
            }
            boolean wordStart = letter && !prevAlnum;
            prevAlnum = alnum;
            if (!wordStart) {
                continue;
            }
            char f0 = Fold.fold(c);
            char f1 = folded(t[i + 1]);
            int node;
            if (f0 < 128 && f1 < 128) {
                node = asciiPairs[f0 * 128 + f1];
            } else {
                int first = child(0, f0);
                node = first == 0 ? 0 : child(first, f1);
            }
            for (int j = i + 2; node != 0; j++) {
                int id = keywordAt[node];
                if (id >= 0 && wordEnds(t, j, words.get(id))) {
                    hit.at(id, i, j);
                }
                if (j >= end) {
                    break;
                }
                node = child(node, folded(t[j]));
            }
        }
    }

    /** A keyword's own space matches any whitespace of the text. */
    private static char folded(char c) {
        return c == ' ' || !Character.isWhitespace(c) ? Fold.fold(c) : ' ';
    }

    /** A keyword ending in a letter must end a word: "tel" is not the start of "telenet". */
    private static boolean wordEnds(char[] t, int e, String k) {
        return !Character.isLetterOrDigit(k.charAt(k.length() - 1)) || e >= t.length
                || !Character.isLetterOrDigit(t[e]);
    }
}
