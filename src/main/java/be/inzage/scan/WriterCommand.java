package be.inzage.scan;

import be.inzage.inventory.Finding;

import java.util.List;

/** What the crawlers ask of the single inventory writer. */
public sealed interface WriterCommand {

    record Replace(String cid, List<Finding> findings, long scan, boolean first) implements WriterCommand {
    }

    record Keep(String cid, long scan) implements WriterCommand {
    }

    /** End of a scan: drop the source's findings not seen in it (only when the walk was complete), commit. */
    record Finish(String sourceId, long scan, boolean complete) implements WriterCommand {
    }
}
