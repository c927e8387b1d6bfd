package be.inzage.scan;

import be.inzage.inventory.Finding;

import java.util.List;

/** What the crawlers ask of the single inventory writer. */
public sealed interface WriterCommand {

    record Replace(String cid, List<Finding> findings, long scan, boolean first) implements WriterCommand {
    }

    /** The item's findings stay as they are (unchanged, or unreadable this time). */
    record Keep(String sourceId, String itemId, long scan) implements WriterCommand {
    }

    /** Many unchanged items at once: one message instead of one round trip each. */
    record KeepAll(String sourceId, List<String> itemIds, long scan) implements WriterCommand {
    }

    /** The item was read: remember its size and modification time for the next scan. */
    record Remember(String itemId, String sourceId, long size, long modified, String rules, long scan)
            implements WriterCommand {
    }

    /** End of a scan: drop the source's findings not seen in it (only when the walk was complete), commit. */
    record Finish(String sourceId, long scan, boolean complete) implements WriterCommand {
    }
}
