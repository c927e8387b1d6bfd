package be.inzage.subject;

import be.inzage.inventory.Finding;
import be.inzage.inventory.InventoryIndex;
import be.inzage.inventory.KeyedHasher;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds every location that holds one of a subject's identifiers, by keyed hash only. */
public final class SubjectSearch {

    private final InventoryIndex index;
    private final KeyedHasher hasher;
    private final IdentifierNormalizer normalizer;

    public SubjectSearch(InventoryIndex index, KeyedHasher hasher, IdentifierNormalizer normalizer) {
        this.index = index;
        this.hasher = hasher;
        this.normalizer = normalizer;
    }

    /**
     * Identifier types strong enough to follow: they point at one person. IP addresses (a household,
     * an office), names, places and job titles are never followed.
     */
    static final Set<String> STRONG = Set.of("email", "phone", "iban", "bank_account", "payment_card", "national_id_be",
            "national_id_nl", "login", "mac_address", "cookie", "leadinfo");

    /** The deepest correlation a search may follow; each hop widens the net and the risk of a wrong link. */
    public static final int MAX_DEPTH = 3;

    /** Direct hits, plus one hop of correlation with {@code expand}. */
    public List<SubjectHit> search(Map<String, List<String>> identifiers, boolean expand) throws IOException {
        return search(identifiers, expand ? 1 : 0);
    }

    /**
     * Direct hits plus {@code depth} hops of correlation: strong identifiers that sit in the same
     * record (row, line, document) as a strong hit of the previous hop are searched too, and their
     * locations come back with the chain that led to them.
     */
    public List<SubjectHit> search(Map<String, List<String>> identifiers, int depth) throws IOException {
        if (depth < 0 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("expand depth must be between 0 and " + MAX_DEPTH);
        }
        List<Finding> direct = search(identifiers);
        List<SubjectHit> out = new java.util.ArrayList<>();
        Set<String> known = new java.util.HashSet<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Finding f : direct) {
            out.addAll(strength(f, direct));
            known.add(f.hash());
            seen.add(f.fingerprint());
        }
        out.addAll(linkedRows(direct, seen));
        // the frontier: strong findings of the last hop, with the chain that reached them (null for direct hits)
        Map<Finding, String> frontier = new java.util.LinkedHashMap<>();
        direct.stream().filter(f -> STRONG.contains(f.type())).forEach(f -> frontier.put(f, null));
        for (int hop = 1; hop <= depth && !frontier.isEmpty(); hop++) {
            Set<String> records = new LinkedHashSet<>();
            frontier.keySet().forEach(f -> records.addAll(f.records()));
            if (records.isEmpty()) {
                break;
            }
            Map<String, String> via = new java.util.LinkedHashMap<>();
            for (Finding co : index.byRecords(records)) {
                if (STRONG.contains(co.type()) && !known.contains(co.hash())) {
                    Map.Entry<Finding, String> seed = seedOf(frontier, co);
                    Finding sf = seed.getKey();
                    via.putIfAbsent(co.hash(), co.type() + " " + co.masked() + ", found with the " + sf.type()
                            + (seed.getValue() == null ? "" : " " + sf.masked()) + " in " + sf.container()
                            + (sf.part() == null ? "" : "!/" + sf.part()) + where(sf, co)
                            + (seed.getValue() == null ? "" : "; " + seed.getValue()));
                }
            }
            known.addAll(via.keySet());
            frontier.clear();
            if (via.isEmpty()) {
                break;
            }
            for (Finding f : index.byHashes(via.keySet())) {
                if (seen.add(f.fingerprint())) {
                    out.add(new SubjectHit(f, via.get(f.hash())));
                    frontier.put(f, via.get(f.hash()));
                }
            }
        }
        return out;
    }

    /**
     * The hit of the last hop that explains how {@code co} was reached: the one it shares its earliest
     * record with (their first line together), then by type and masked value, so the explanation does
     * not depend on the order of the index's documents (which a rescan or a merge may change).
     */
    private static Map.Entry<Finding, String> seedOf(Map<Finding, String> frontier, Finding co) {
        Map<String, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < co.records().size(); i++) {
            position.putIfAbsent(co.records().get(i), i);
        }
        java.util.Comparator<Map.Entry<Finding, String>> order = java.util.Comparator
                .<Map.Entry<Finding, String>>comparingInt(e -> e.getKey().records().stream().mapToInt(r -> position.getOrDefault(r,
                        Integer.MAX_VALUE)).min().orElse(Integer.MAX_VALUE))
                .thenComparing(e -> e.getKey().type())
                .thenComparing(e -> e.getKey().masked())
                .thenComparing(e -> e.getKey().hash());
        return frontier.entrySet().stream().min(order).orElseThrow();
    }

    /**
     * Rows that reference, by foreign key, a database row holding one of the subject's strong
     * identifiers (their invoices, orders, addresses): the subject's data although they do not
     * repeat the identifier. A referencing row that holds a strong identifier of its own (a
     * customer row pointing at its sales rep) is somebody else's record and is left out.
     */
    private List<SubjectHit> linkedRows(List<Finding> direct, Set<String> seen) throws IOException {
        Map<String, String> subjectRows = new java.util.LinkedHashMap<>(); // own row record -> "crm.customers id=1"
        Set<String> known = new java.util.HashSet<>();
        for (Finding f : direct) {
            known.add(f.hash());
            if (STRONG.contains(f.type()) && f.rows() != null && !f.rows().isEmpty()) {
                List<String> own = f.rowRecords();
                io.vertx.core.json.JsonArray keys = f.rowKeys();
                for (int i = 0; i < own.size(); i++) {
                    StringBuilder b = new StringBuilder(f.container());
                    keys.getJsonObject(i).forEach(e -> b.append(' ').append(e.getKey()).append('=').append(e.getValue()));
                    subjectRows.putIfAbsent(own.get(i), b.toString());
                }
            }
        }
        if (subjectRows.isEmpty()) {
            return List.of();
        }
        List<Finding> candidates = new java.util.ArrayList<>();
        Set<String> othersRows = new java.util.HashSet<>();
        for (Finding co : index.byRecords(subjectRows.keySet())) {
            if (co.rows() == null || co.rows().isEmpty()) {
                continue;
            }
            Finding linked = rowsWhere(co, (own, links) -> !subjectRows.containsKey(own) && links.stream().anyMatch(subjectRows::containsKey));
            if (linked == null) {
                continue;
            }
            if (STRONG.contains(co.type()) && !known.contains(co.hash())) {
                othersRows.addAll(linked.rowRecords()); // a row with its own strong identifier: another person's record
            }
            candidates.add(linked);
        }
        List<SubjectHit> out = new java.util.ArrayList<>();
        for (Finding c : candidates) {
            Finding mine = rowsWhere(c, (own, links) -> !othersRows.contains(own));
            if (mine != null && seen.add(mine.fingerprint() + ":linked")) {
                String parent = mine.rowLinks().stream().flatMap(List::stream).filter(subjectRows::containsKey).findFirst()
                        .map(subjectRows::get).orElse("");
                out.add(new SubjectHit(mine, "row of " + mine.container() + " referencing " + parent, true,
                        SubjectHit.LINKED + " by foreign key to the subject's row"));
            }
        }
        return out;
    }

    /** " id=42" (the shared database row) or " line 7" (the shared line record), else nothing. */
    private static String where(Finding seed, Finding co) {
        for (int i = 0; i < seed.records().size(); i++) {
            String r = seed.records().get(i);
            if (!co.records().contains(r)) {
                continue;
            }
            if (seed.rows() != null && !seed.rows().isEmpty()) {
                io.vertx.core.json.JsonArray rows = new io.vertx.core.json.JsonArray(seed.rows());
                if (i < rows.size() && rows.getValue(i) instanceof io.vertx.core.json.JsonObject pk) {
                    StringBuilder b = new StringBuilder();
                    pk.forEach(e -> b.append(' ').append(e.getKey()).append('=').append(e.getValue()));
                    return b.toString();
                }
            }
            String suffix = r.substring(r.lastIndexOf(':') + 1);
            return suffix.matches("\\d{1,9}") ? " line " + suffix : "";
        }
        return "";
    }

    /** Types that only identify together with something else: a name, a place, a job title, a birth date. */
    static final Set<String> WEAK = Set.of("person_name", "address", "postal_code", "job_title", "date_of_birth");

    /**
     * A name (or place, job, birth date) alone matches many people: it counts as a strong hit only where
     * the same record also holds another of the subject's identifiers that was found. A database
     * finding covers every row with that value, so it is split: the rows shared with the other
     * identifier are a strong hit, the other rows (a namesake elsewhere) stay weak.
     */
    private static List<SubjectHit> strength(Finding f, List<Finding> direct) {
        if (!WEAK.contains(f.type())) {
            return List.of(new SubjectHit(f, null, true, "matches the " + f.type()));
        }
        boolean byRow = f.rows() != null && !f.rows().isEmpty();
        // database findings: the rows themselves (not the rows they reference) must be shared
        List<String> mine = byRow ? f.rowRecords() : f.records();
        Set<String> shared = new LinkedHashSet<>();
        String with = null;
        for (Finding other : direct) {
            if (other != f && !other.type().equals(f.type())) {
                for (String r : byRow && other.rows() != null && !other.rows().isEmpty() ? other.rowRecords() : other.records()) {
                    if (mine.contains(r) && shared.add(r) && with == null) {
                        with = other.type();
                    }
                }
            }
        }
        String weakWhy = f.type() + " only: may be another person with the same " + f.type();
        if (shared.isEmpty()) {
            return List.of(new SubjectHit(f, null, false, weakWhy));
        }
        String strongWhy = f.type() + " together with the " + with + " in the same record";
        if (!byRow || shared.containsAll(mine)) {
            return List.of(new SubjectHit(f, null, true, strongWhy));
        }
        return List.of(new SubjectHit(rowsOf(f, shared, true), null, true, strongWhy),
                new SubjectHit(rowsOf(f, shared, false), null, false, weakWhy));
    }

    /** The finding restricted to the rows whose own record is (or is not) in {@code shared}. */
    private static Finding rowsOf(Finding f, Set<String> shared, boolean inShared) {
        return rowsWhere(f, (own, links) -> shared.contains(own) == inShared);
    }

    private interface RowTest {
        boolean keep(String ownRecord, List<String> links);
    }

    /** The finding restricted to the rows that pass {@code test}; null when none does. */
    private static Finding rowsWhere(Finding f, RowTest test) {
        io.vertx.core.json.JsonArray rows = new io.vertx.core.json.JsonArray(f.rows());
        List<String> own = f.rowRecords();
        List<List<String>> links = f.rowLinks();
        io.vertx.core.json.JsonArray kept = new io.vertx.core.json.JsonArray();
        List<String> records = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (test.keep(own.get(i), links.get(i))) {
                kept.add(rows.getValue(i));
                records.add(own.get(i));
                records.addAll(links.get(i));
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        return new Finding(f.sourceId(), f.source(), f.kind(), f.container(), f.part(), f.field(), f.type(), f.category(),
                f.risk(), f.confidence(), f.masked(), f.hash(), f.aliases(), f.lines(), kept.size(), records, f.cid(),
                f.segment(), kept.encode());
    }

    /** @param identifiers identifier type (email, phone, iban, ip, mac, cookie, login, name, value) → values */
    public List<Finding> search(Map<String, List<String>> identifiers) throws IOException {
        Set<String> hashes = new LinkedHashSet<>();
        identifiers.forEach((type, values) -> {
            for (String v : values) {
                for (String n : normalizer.normalize(type, v)) {
                    hashes.add(hasher.hash(n));
                }
            }
        });
        if (hashes.isEmpty()) {
            return List.of();
        }
        List<Finding> found = new java.util.ArrayList<>(index.byHashes(hashes));
        found.sort(Comparator.comparing(Finding::source).thenComparing(Finding::container)
                .thenComparing(f -> f.part() == null ? "" : f.part()).thenComparing(Finding::type));
        return found;
    }
}
