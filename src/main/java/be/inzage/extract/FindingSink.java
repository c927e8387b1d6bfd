package be.inzage.extract;

import be.inzage.inventory.Finding;

import java.util.List;

/** Where an item's findings go: the single inventory writer. Calls block until the batch is accepted. */
public interface FindingSink {

    /** {@code first}: this batch replaces whatever the container held before. */
    void write(String cid, List<Finding> batch, boolean first);
}
