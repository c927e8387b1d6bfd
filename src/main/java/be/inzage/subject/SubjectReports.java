package be.inzage.subject;

import be.inzage.classify.Policy;
import be.inzage.inventory.Finding;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The access report (every location with its category, purposes, legal basis and retention, and
 * the values read live) and the erasure plan (per location what to do; values never included, so
 * the plan can circulate; the keyed hash lets `verify` check each place again).
 */
public final class SubjectReports {

    private final Policy policy;
    private final LiveReader live;

    public SubjectReports(Policy policy, LiveReader live) {
        this.policy = policy;
        this.live = live;
    }

    public JsonObject access(Collection<String> identifierTypes, List<SubjectHit> hits) {
        JsonArray locations = new JsonArray();
        for (SubjectHit listed : hits) {
            LiveReader.Live now = live.read(listed.finding());
            SubjectHit h = everyRow(listed, now);
            Finding f = h.finding();
            JsonObject loc = h.toJson();
            loc.put("values", new JsonArray(List.copyOf(now.values())));
            if (now.unavailable() != null) {
                loc.put("unavailable", now.unavailable());
            }
            loc.put("purposes", purposes(f.type()));
            locations.add(loc);
        }
        return new JsonObject().put("report", "access").put("generated", Instant.now().toString())
                .put("identifierTypes", new JsonArray(List.copyOf(identifierTypes))).put("locations", locations);
    }

    /** A finding lists at most 1,000 rows; its count says how many held the value when it was scanned. */
    private static boolean moreRowsThanListed(Finding f) {
        return "db".equals(f.kind()) && f.count() > f.rowKeys().size();
    }

    /** The hit with every row that holds its value now, when a live read went over the whole column for them. */
    private static SubjectHit everyRow(SubjectHit h, LiveReader.Live now) {
        if (now.rows() == null) {
            return h;
        }
        return new SubjectHit(h.finding().withRows(now.rows().encode(), now.rows().size()), h.via(), h.strong(), h.why());
    }

    private JsonArray purposes(String type) {
        JsonArray out = new JsonArray();
        if (!policy.knows(type)) {
            return out;
        }
        for (String id : policy.type(type).purposes()) {
            Policy.Purpose p = policy.purposes().get(id);
            out.add(new JsonObject().put("id", id).put("label", p.label()).put("legalBasis", new JsonArray(p.legalBasis()))
                    .put("retention", p.retention()));
        }
        return out;
    }

    public JsonObject erasure(Collection<String> identifierTypes, List<SubjectHit> hits) {
        JsonArray actions = new JsonArray();
        for (SubjectHit listed : hits) {
            SubjectHit h = listed;
            String unread = null;
            if (moreRowsThanListed(listed.finding())) {
                LiveReader.Live now = live.read(listed.finding());
                h = everyRow(listed, now);
                unread = now.unavailable();
            }
            Finding f = h.finding();
            JsonObject loc = h.toJson();
            loc.put("hash", f.hash());
            if ("db".equals(f.kind())) {
                if (unread != null) {
                    // better a plan that says it is partial than one that looks complete
                    loc.put("incomplete", "the value sits in " + f.count() + " rows and " + f.rowKeys().size() + " are listed; the "
                            + "others could not be read now (" + unread + "): carry this out, then make the plan again");
                }
                if (f.rowKeys().isEmpty()) {
                    loc.put("action", "nothing to do: no row of the table holds the value now");
                } else {
                    loc.put("action", "clear the " + f.type() + " in column " + f.field() + " of the listed row(s)");
                    loc.put("statement", DatabaseRows.erasure(f));
                }
                loc.put("manual", false);
                actions.add(loc);
                continue;
            }
            if ("log".equals(f.kind())) {
                loc.put("action", "delete or redact the listed line(s) of the log, or shorten its retention so they rotate out");
                loc.put("manual", false);
                actions.add(loc);
                continue;
            }
            boolean document = f.part() != null || !isText(f.container());
            loc.put("action", document
                    ? "remove or redact the " + f.type() + " in " + (f.part() == null ? "the document" : "part " + f.part())
                            + "; binary formats need editing in their own application"
                    : "delete or redact the " + f.type() + " on the listed line(s) of the file");
            loc.put("manual", document);
            actions.add(loc);
        }
        return new JsonObject().put("report", "erasure").put("generated", Instant.now().toString())
                .put("identifierTypes", new JsonArray(List.copyOf(identifierTypes))).put("locations", actions);
    }

    private static boolean isText(String path) {
        return be.inzage.extract.Format.of(path) != be.inzage.extract.Format.DOCUMENT
                && be.inzage.extract.Format.of(path) != be.inzage.extract.Format.UNSUPPORTED;
    }

    /** The access report as a page for the subject: everything drawn from data is escaped. */
    public static String html(JsonObject report) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">"
                + "<title>Inzage: uw gegevens</title></head><body><h1>Overzicht van uw persoonsgegevens</h1>");
        b.append("<p>Opgemaakt op ").append(esc(report.getString("generated"))).append(".</p>");
        b.append("<table border=\"1\"><tr><th>Plaats</th><th>Soort</th><th>Categorie</th><th>Waarde(n)</th>"
                + "<th>Doeleinden, rechtsgrond en bewaartermijn</th></tr>");
        for (Object o : report.getJsonArray("locations")) {
            JsonObject l = (JsonObject) o;
            b.append("<tr><td>").append(esc(l.getString("container"))).append(' ').append(esc(l.getJsonObject("locator").encode()))
                    .append("</td><td>").append(esc(l.getString("type"))).append("</td><td>").append(esc(l.getString("category")))
                    .append("</td><td>");
            JsonArray values = l.getJsonArray("values", new JsonArray());
            b.append(values.isEmpty() ? esc(l.getString("unavailable", "")) : esc(String.join(", ", values.stream().map(String::valueOf).toList())));
            b.append("</td><td><ul>");
            for (Object p : l.getJsonArray("purposes", new JsonArray())) {
                JsonObject pj = (JsonObject) p;
                b.append("<li>").append(esc(pj.getString("label"))).append(" (").append(esc(pj.getJsonArray("legalBasis").encode()))
                        .append("; ").append(esc(pj.getString("retention"))).append(")</li>");
            }
            b.append("</ul></td></tr>");
        }
        return b.append("</table></body></html>\n").toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
