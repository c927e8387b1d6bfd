package be.inzage.extract;

import be.inzage.inventory.Finding;

/**
 * The place findings come from: a source, a container in it (file, table) and optionally a part.
 *
 * @param cid container id: the key under which a rescan replaces this place's findings. Derived from
 *            the place, except for a log that was renamed (rotated): it keeps the id its findings
 *            were written under, so they move with it without being rewritten.
 */
public record ItemRef(String sourceId, String source, String kind, String container, String part, String cid) {

    public ItemRef(String sourceId, String source, String kind, String container, String part) {
        this(sourceId, source, kind, container, part, Finding.sha256(sourceId + '\0' + container + '\0' + (part == null ? "" : part)));
    }

    /** The record a whole item forms (a document, a mail with its attachments): the same for all its parts. */
    public String recordId() {
        return Finding.itemId(sourceId, container);
    }

    public ItemRef withPart(String p) {
        return new ItemRef(sourceId, source, kind, container, p);
    }

    /** The same place, its findings under container id {@code id} (a renamed log's). */
    public ItemRef withCid(String id) {
        return new ItemRef(sourceId, source, kind, container, part, id);
    }
}
