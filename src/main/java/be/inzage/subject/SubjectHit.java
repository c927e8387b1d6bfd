package be.inzage.subject;

import be.inzage.inventory.Finding;
import io.vertx.core.json.JsonObject;

/** A location found for a subject: directly by one of the identifiers given, or through a correlated one ({@code via}). */
public record SubjectHit(Finding finding, String via, boolean strong, String why) {

    /** The start of {@code why} for rows found through a foreign key rather than by an identifier. */
    public static final String LINKED = "linked";

    public SubjectHit(Finding finding, String via) {
        this(finding, via, true, via == null ? "matches the " + finding.type() : "correlated");
    }

    public JsonObject toJson() {
        JsonObject j = finding.toJson();
        j.put("match", via == null ? "direct" : why != null && why.startsWith(LINKED) ? "linked" : "expanded");
        if (via != null) {
            j.put("via", via);
        }
        j.put("strength", strong ? "strong" : "weak").put("why", why);
        return j;
    }
}
