package be.inzage.classify;

import be.inzage.detect.RuleException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** rules/policy.yaml: the privacy policy's categories, purposes and the type → category mapping. */
public final class Policy {

    public record Category(String id, String label) {
    }

    public record Purpose(String id, String label, List<String> legalBasis, String retention) {
    }

    /**
     * {@code declared}: whether the privacy policy names this kind of data (the dashboard flags the rest).
     * {@code links}: whether a value of this type ties the other identifiers of its record to one person
     * (a visited page is on everybody's lines: it does not).
     */
    public record TypeInfo(String type, String category, List<String> purposes, String risk, boolean declared, boolean links) {
    }

    private final Map<String, Category> categories;
    private final Map<String, Purpose> purposes;
    private final Map<String, TypeInfo> types;

    private Policy(Map<String, Category> categories, Map<String, Purpose> purposes, Map<String, TypeInfo> types) {
        this.categories = categories;
        this.purposes = purposes;
        this.types = types;
    }

    public static Policy load(Path file) {
        String name = "policy.yaml";
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new RuleException(name + ": cannot read: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Map<String, Category> cats = new LinkedHashMap<>();
        for (JsonNode c : root.path("categories")) {
            String id = c.path("id").asText();
            cats.put(id, new Category(id, c.path("label").path("en").asText(id)));
        }
        Map<String, Purpose> purps = new LinkedHashMap<>();
        for (JsonNode p : root.path("purposes")) {
            String id = p.path("id").asText();
            List<String> basis = new ArrayList<>();
            p.path("legal_basis").forEach(b -> basis.add(b.asText()));
            purps.put(id, new Purpose(id, p.path("label").path("en").asText(id), basis,
                    p.path("retention").path("text").asText("")));
        }
        Map<String, TypeInfo> ts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("types").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String cat = e.getValue().path("category").asText();
            if (!cats.containsKey(cat)) {
                throw new RuleException(name + ": type '" + e.getKey() + "': unknown category '" + cat + "'");
            }
            List<String> ps = new ArrayList<>();
            for (JsonNode p : e.getValue().path("purposes")) {
                if (!purps.containsKey(p.asText())) {
                    throw new RuleException(name + ": type '" + e.getKey() + "': unknown purpose '" + p.asText() + "'");
                }
                ps.add(p.asText());
            }
            ts.put(e.getKey(), new TypeInfo(e.getKey(), cat, List.copyOf(ps), e.getValue().path("risk").asText("normal"),
                    e.getValue().path("declared").asBoolean(true), e.getValue().path("links").asBoolean(true)));
        }
        if (cats.isEmpty() || ts.isEmpty()) {
            throw new RuleException(name + ": needs 'categories' and 'types'");
        }
        return new Policy(cats, purps, ts);
    }

    public TypeInfo type(String type) {
        TypeInfo t = types.get(type);
        if (t == null) {
            throw new IllegalArgumentException("type without category in policy.yaml: " + type);
        }
        return t;
    }

    /** Whether the privacy policy names this type; unknown types are not declared either. */
    public boolean declared(String type) {
        TypeInfo t = types.get(type);
        return t != null && t.declared();
    }

    public boolean knows(String type) {
        return types.containsKey(type);
    }

    public Map<String, Category> categories() {
        return categories;
    }

    public Map<String, Purpose> purposes() {
        return purposes;
    }
}
