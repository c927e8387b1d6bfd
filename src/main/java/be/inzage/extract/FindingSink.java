package be.inzage.extract;

import be.inzage.inventory.Finding;
import be.inzage.inventory.SetLines;

import java.util.List;

/** Where an item's findings go: the single inventory writer. Calls block until the batch is accepted. */
public interface FindingSink {

    /** {@code first}: this batch replaces whatever the container held before. */
    void write(String cid, List<Finding> batch, boolean first);

    /**
     * Whether the container's record sets can be stored ({@link #writeFirst}), so that findings whose
     * lines are the union of their records' sets are stored without them. Not so by default.
     */
    default boolean keepsSets() {
        return false;
    }

    /**
     * The first batch, with the container's record sets that its findings' lines are read back from,
     * and the line times their times are stored against (or null).
     */
    default void writeFirst(String cid, List<Finding> batch, List<SetLines.Block> sets, be.inzage.inventory.LineTimes times) {
        throw new UnsupportedOperationException("this sink does not keep record sets");
    }

    /** A sink that keeps record sets and line times: only where its first batch goes with them is its own. */
    interface KeepingSets extends FindingSink {

        @Override
        default boolean keepsSets() {
            return true;
        }

        @Override
        void writeFirst(String cid, List<Finding> batch, List<SetLines.Block> sets, be.inzage.inventory.LineTimes times);
    }
}
