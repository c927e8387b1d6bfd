package be.inzage.scan;

/**
 * What must happen in order on the inventory writer. Findings and files' states are written by the
 * crawler's own threads ({@link WriterClient#replace}, {@link WriterClient#remember}) and kept items
 * are remembered in memory ({@link be.inzage.inventory.InventoryIndex#keep}).
 */
public sealed interface WriterCommand {

    /** A table was read (from the event loop): remember its state for the next scan. */
    record Remember(String itemId, String sourceId, long size, long modified, String rules, long scan)
            implements WriterCommand {
    }

    /** End of a scan: drop the source's findings not seen in it (only when the walk was complete), commit. */
    record Finish(String sourceId, long scan, boolean complete) implements WriterCommand {
    }
}
