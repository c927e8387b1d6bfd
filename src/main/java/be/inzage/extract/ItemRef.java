package be.inzage.extract;

import be.inzage.inventory.Finding;

/** The place findings come from: a source, a container in it (file, table) and optionally a part. */
public record ItemRef(String sourceId, String source, String kind, String container, String part) {

    /** Container id: stable across scans, so a rescan replaces this place's findings. */
    public String cid() {
        return Finding.sha256(sourceId + '\0' + container + '\0' + (part == null ? "" : part));
    }

    /** The record a whole item forms (a document, a mail with its attachments): the same for all its parts. */
    public String recordId() {
        return Finding.itemId(sourceId, container);
    }

    public ItemRef withPart(String p) {
        return new ItemRef(sourceId, source, kind, container, p);
    }
}
