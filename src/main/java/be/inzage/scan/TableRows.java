package be.inzage.scan;

import be.inzage.detect.Detection;
import be.inzage.detect.FieldName;
import be.inzage.detect.RepeatedValues;
import be.inzage.detect.Rulebook;
import be.inzage.extract.FindingCollector;
import be.inzage.extract.ItemRef;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One read of a table, a batch of rows at a time, into findings: every text column through the
 * detectors with its name as field hint (both halves of a batch at once, {@link #detect}), then in
 * row order into the collector ({@link #add}), each value located by its row's key and linked to
 * the rows that row references; blobs sniffed for photos and documents. Also profiles the columns.
 */
final class TableRows {

    private final Rulebook rules;
    private final ScanJob job;
    private final DatabaseCrawler.Table table;
    /** The columns the rows start with that locate them: the primary key, a row id, or none (position). */
    private final List<String> key;
    private final FindingCollector collector;
    private final ColumnProfile profile;
    private final RepeatedValues repeated;
    /** Null, or told every row's key (JSON) as it is added. */
    private final Consumer<String> changedRow;
    /** Container ids of referenced tables, by schema.table, shared by the crawler's reads. */
    private final Map<String, String> refCids;
    private final List<FieldName> fields = new ArrayList<>();
    private final RowKeyJson keyJson;
    /** Rows added so far: the position of a row of a table without a key. */
    private long position;

    TableRows(Rulebook rules, ScanJob job, DatabaseCrawler.Table table, List<String> key, FindingCollector collector,
            ColumnProfile profile, Consumer<String> changedRow, Map<String, String> refCids) {
        this.rules = rules;
        this.job = job;
        this.table = table;
        this.key = key;
        this.collector = collector;
        this.profile = profile;
        this.repeated = new RepeatedValues(table.columns().size());
        this.changedRow = changedRow;
        this.refCids = refCids;
        for (String c : table.columns()) {
            fields.add(FieldName.of(c));
        }
        this.keyJson = new RowKeyJson(key, table.integral());
    }

    DatabaseCrawler.Table table() {
        return table;
    }

    /** On an extraction worker: the detections of rows [from, to) of a batch, per row and text column; thread-safe. */
    Void detect(List<Row> batch, List<Detection>[][] found, int from, int to) {
        int keySize = key.size();
        for (int i = from; i < to; i++) {
            Row r = batch.get(i);
            @SuppressWarnings("unchecked")
            List<Detection>[] perColumn = new List[table.columns().size()];
            for (int c = 0; c < table.columns().size(); c++) {
                String v = r.getString(keySize + c);
                FieldName field = fields.get(c);
                perColumn[c] = v == null || v.length() < 2 || v.isBlank() ? List.of()
                        : repeated.detections(c, v, x -> rules.engine().detect(x, field));
            }
            found[i] = perColumn;
        }
        return null;
    }

    /** On an extraction worker, one batch at a time: the batch's detections into the collector and the column profile. */
    void add(List<Row> batch, List<Detection>[][] found) {
        for (int i = 0; i < batch.size(); i++) {
            Row r = batch.get(i);
            String pkJson = key.isEmpty() ? new JsonObject().put("row", ++position).encode() : keyJson.encode(r);
            if (changedRow != null) {
                changedRow.accept(pkJson);
            }
            List<String> links = links(r);
            for (int c = 0; c < table.columns().size(); c++) {
                String v = r.getString(key.size() + c);
                if (v == null || v.isBlank()) {
                    continue;
                }
                profile.value(c);
                java.util.Set<String> typesInValue = new java.util.HashSet<>(2);
                for (Detection d : found[i][c]) {
                    collector.addRow(d, table.columns().get(c), pkJson, links);
                    if (typesInValue.add(d.type())) {
                        profile.hit(c, d.type(), d.confidence());
                    }
                }
            }
            for (int b = 0; b < table.binary().size(); b++) {
                io.vertx.core.buffer.Buffer buf = r.getBuffer(key.size() + table.columns().size() + b);
                if (buf != null && buf.length() > 0) {
                    binary(buf.getBytes(), table.binary().get(b), table.columns().size() + b, pkJson, links);
                }
            }
        }
    }

    /**
     * A blob: a photo becomes a photo finding of the row (identified by its content's hash, shown as
     * "JPEG image, 34 KB"); a document's text goes through the detectors with the column as hint.
     */
    private void binary(byte[] bytes, String column, int profileIndex, String pkJson, List<String> links) {
        profile.value(profileIndex);
        switch (be.inzage.extract.BinaryValue.sniff(bytes)) {
            case IMAGE -> {
                String identity = be.inzage.inventory.Finding.sha256(java.util.Base64.getEncoder().encodeToString(bytes));
                collector.addRow(new Detection("photo", 0, 0, identity, 1.0, "blob"), column, pkJson, links);
                collector.previewOf("photo", identity, column, be.inzage.extract.BinaryValue.describe(bytes));
                profile.hit(profileIndex, "photo", 1.0);
            }
            case DOCUMENT -> {
                String text = be.inzage.extract.BinaryValue.text(bytes);
                if (text != null) {
                    java.util.Set<String> types = new java.util.HashSet<>();
                    for (Detection d : rules.engine().detect(text, FieldName.of(column))) {
                        collector.addRow(d, column, pkJson, links);
                        if (types.add(d.type())) {
                            profile.hit(profileIndex, d.type(), d.confidence());
                        }
                    }
                }
            }
            default -> {
                // neither picture nor document: nothing a person can be found in
            }
        }
    }

    /**
     * The record ids of the rows this row references (an invoice's customer): the same id the
     * referenced row's own findings carry, so a subject's invoices can be found from their customer row.
     */
    private List<String> links(Row r) {
        if (table.fks().isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(table.fks().size());
        for (DatabaseCrawler.ForeignKey fk : table.fks()) {
            JsonObject refPk = new JsonObject();
            for (int i = 0; i < fk.columns().size(); i++) {
                String v = r.getString(key.size() + fk.columnIndexes().get(i));
                if (v == null) {
                    refPk = null;
                    break;
                }
                refPk.put(fk.refColumns().get(i), RowKeyJson.value(fk.ref().integral(), fk.refColumns().get(i), v));
            }
            if (refPk != null) {
                String refCid = refCids.computeIfAbsent(fk.ref().qualified(),
                        q -> new ItemRef(job.sourceId(), job.source(), "db", q, null).cid());
                out.add(refCid + ":" + be.inzage.inventory.Finding.sha256(refPk.encode()));
            }
        }
        return out;
    }
}
