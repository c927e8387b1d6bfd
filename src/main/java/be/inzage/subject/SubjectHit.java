package be.inzage.subject;

import be.inzage.inventory.Finding;
import io.vertx.core.json.JsonObject;

/** A location found for a subject: directly by one of the identifiers given, or through a correlated one ({@code via}). */
public record SubjectHit(Finding finding, String via) {

    public JsonObject toJson() {
        JsonObject j = finding.toJson();
        j.put("match", via == null ? "direct" : "expanded");
        if (via != null) {
            j.put("via", via);
        }
        return j;
    }
}
