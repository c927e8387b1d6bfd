package be.inzage.detect;

import java.util.Set;

/**
 * A set of folded words that can be probed with a slice of text, without building a String:
 * the name finder asks it about every capitalised word of every document.
 */
final class WordSet {

    private final char[][] table;
    private final int mask;

    WordSet(Set<String> words) {
        int cap = Integer.highestOneBit(Math.max(16, words.size() * 4) - 1) << 1;
        table = new char[cap][];
        mask = cap - 1;
        for (String w : words) {
            char[] k = w.toCharArray();
            int i = hash(k, 0, k.length) & mask;
            while (table[i] != null) {
                i = (i + 1) & mask;
            }
            table[i] = k;
        }
    }

    private static int hash(char[] k, int s, int e) {
        int h = 0;
        for (int i = s; i < e; i++) {
            h = 31 * h + k[i];
        }
        return h ^ (h >>> 16);
    }

    /** Whether the folded (lower-case, accent-free) form of text[s, e) is in the set. */
    boolean contains(CharSequence text, int s, int e) {
        int h = 0;
        for (int i = s; i < e; i++) {
            h = 31 * h + Fold.fold(text.charAt(i));
        }
        h ^= h >>> 16;
        int i = h & mask;
        char[] k;
        while ((k = table[i]) != null) {
            if (k.length == e - s && same(k, text, s)) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    private static boolean same(char[] k, CharSequence text, int s) {
        for (int j = 0; j < k.length; j++) {
            if (k[j] != Fold.fold(text.charAt(s + j))) {
                return false;
            }
        }
        return true;
    }
}
