package be.inzage.extract;

/**
 * A tournament (loser) tree over the current entries of the runs being merged: the next entry in
 * (key, run) order in about log2(runs) comparisons, where a binary heap takes twice that. A final
 * merge reads hundreds of runs at once and was the busiest thread at the end of a big log's scan.
 * Equal keys come out in run order, which is window order: a value's later lines follow its earlier ones.
 */
final class MergeTree {

    private final SpillEntry[] heads;
    /** tree[0]: the winner; tree[1..k-1]: the loser of the match at that node; -1 while being built. */
    private final int[] tree;
    private final int k;

    /** @param heads each run's first entry, null for a run that is empty */
    MergeTree(SpillEntry[] heads) {
        this.heads = heads;
        this.k = heads.length;
        this.tree = new int[Math.max(1, k)];
        java.util.Arrays.fill(tree, -1);
        for (int i = k - 1; i >= 0; i--) {
            play(i);
        }
    }

    /** The run whose entry comes next, or -1 when every run is done. */
    int winner() {
        int w = k == 0 ? -1 : tree[0];
        return w < 0 || heads[w] == null ? -1 : w;
    }

    SpillEntry head(int run) {
        return heads[run];
    }

    /** The winner's run moved on to {@code next} (null at its end). */
    void advance(SpillEntry next) {
        int w = tree[0];
        heads[w] = next;
        play(w);
    }

    /** Plays run {@code s}'s entry up from its leaf; while building, it waits at the first empty node. */
    private void play(int s) {
        int winner = s;
        for (int t = (s + k) >> 1; t > 0; t >>= 1) {
            if (tree[t] < 0) {
                tree[t] = winner;
                return;
            }
            if (before(tree[t], winner)) {
                int w = tree[t];
                tree[t] = winner;
                winner = w;
            }
        }
        tree[0] = winner;
    }

    /** Whether run a's entry comes before run b's: a run that is done comes last. */
    private boolean before(int a, int b) {
        SpillEntry x = heads[a];
        SpillEntry y = heads[b];
        if (x == null || y == null) {
            return y == null && x != null;
        }
        int c = SpillEntry.compare(x, y);
        return c < 0 || c == 0 && a < b;
    }
}
