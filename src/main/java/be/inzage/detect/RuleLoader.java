package be.inzage.detect;

import be.inzage.detect.validate.Validator;
import be.inzage.detect.validate.Validators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/** Reads rules/detectors/*.yaml into compiled {@link Rule}s; any mistake stops with file and id. */
public final class RuleLoader {

    private static final Set<String> KNOWN_KEYS = Set.of("id", "type", "engine", "trigger", "min_digits", "max_digits", "cluster_has", "cluster_pattern", "cluster_reach", "cluster_run", "before_trigger", "after_trigger", "window",
            "pattern", "group", "validator", "confidence", "context", "require_context", "field_hints", "keywords",
            "exclude_before", "exclude_match", "exclude_fields", "regions", "examples", "description");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final Validators validators;
    private final KeywordIndex keywords;

    public RuleLoader(Validators validators, KeywordIndex keywords) {
        this.validators = validators;
        this.keywords = keywords;
    }

    public List<Rule> loadDirectory(Path detectorsDir) {
        if (!Files.isDirectory(detectorsDir)) {
            throw new RuleException("rules: no detectors folder at " + detectorsDir);
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (Stream<Path> files = Files.list(detectorsDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList()) {
                for (Rule r : loadFile(f)) {
                    if (!ids.add(r.id())) {
                        throw new RuleException(f.getFileName() + ": rule '" + r.id() + "': duplicate id");
                    }
                    rules.add(r);
                }
            }
        } catch (IOException e) {
            throw new RuleException("rules: cannot list " + detectorsDir + ": " + e.getMessage());
        }
        if (rules.isEmpty()) {
            throw new RuleException("rules: no rule found in " + detectorsDir);
        }
        return rules;
    }

    public List<Rule> loadFile(Path file) {
        String name = file.getFileName().toString();
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = yaml.readTree(in);
        } catch (IOException e) {
            throw new RuleException(name + ": not valid YAML: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.path("rules").isArray()) {
            throw new RuleException(name + ": expected a top-level 'rules:' list");
        }
        List<Rule> out = new ArrayList<>();
        int index = 0;
        for (JsonNode n : root.get("rules")) {
            index++;
            String id = n.path("id").asText("");
            if (id.isBlank()) {
                throw new RuleException(name + ": rule #" + index + ": missing 'id'");
            }
            out.add(compile(name, id, n));
        }
        return out;
    }

    private Rule compile(String file, String id, JsonNode n) {
        String where = file + ": rule '" + id + "'";
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KNOWN_KEYS.contains(k)) {
                throw new RuleException(where + ": unknown key '" + k + "'");
            }
        }
        String type = text(n, "type", where, true);
        Rule.Engine engine = enumValue(Rule.Engine.class, n.path("engine").asText("regex"), where, "engine");
        Set<Rule.Trigger> triggers = EnumSet.noneOf(Rule.Trigger.class);
        JsonNode t = n.path("trigger");
        if (t.isArray()) {
            t.forEach(x -> triggers.add(enumValue(Rule.Trigger.class, x.asText(), where, "trigger")));
        } else if (!t.isMissingNode()) {
            triggers.add(enumValue(Rule.Trigger.class, t.asText(), where, "trigger"));
        }
        Pattern pattern = null;
        if (n.has("pattern")) {
            pattern = compilePattern(n.get("pattern").asText(), where, "pattern");
        }
        if (engine == Rule.Engine.REGEX && (pattern == null || triggers.isEmpty())) {
            throw new RuleException(where + ": a regex rule needs 'pattern' and 'trigger'");
        }
        int group = n.path("group").asInt(0);
        if (pattern != null && group > pattern.matcher("").groupCount()) {
            throw new RuleException(where + ": 'group' " + group + " does not exist in the pattern");
        }
        Validator validator = null;
        if (n.has("validator")) {
            String v = n.get("validator").asText();
            validator = validators.get(v).orElseThrow(() -> new RuleException(where + ": unknown validator '" + v + "'"));
        }
        double confidence = n.path("confidence").asDouble(-1);
        if (confidence <= 0 || confidence > 1) {
            throw new RuleException(where + ": 'confidence' must be in (0, 1]");
        }
        JsonNode ctx = n.path("context");
        BitSet context = words(ctx.path("words"), where);
        int contextWindow = ctx.path("window").asInt(60);
        double boost = ctx.path("boost").asDouble(0.1);
        boolean requireContext = n.path("require_context").asBoolean(false);
        if (requireContext && context.isEmpty() && !n.has("field_hints")) {
            throw new RuleException(where + ": 'require_context' without context words or field hints");
        }
        List<String> hints = new ArrayList<>();
        n.path("field_hints").forEach(h -> hints.add(h.asText().toLowerCase(Locale.ROOT)));
        BitSet kw = words(n.path("keywords"), where);
        if (triggers.contains(Rule.Trigger.KEYWORD) && kw.isEmpty()) {
            throw new RuleException(where + ": trigger 'keyword' needs 'keywords'");
        }
        if (engine == Rule.Engine.FIELD && hints.isEmpty()) {
            throw new RuleException(where + ": a field rule needs 'field_hints'");
        }
        Pattern excludeBefore = n.has("exclude_before") ? compilePattern(n.get("exclude_before").asText(), where,
                "exclude_before") : null;
        Pattern excludeMatch = n.has("exclude_match") ? compilePattern(n.get("exclude_match").asText(), where,
                "exclude_match") : null;
        List<String> excludeFields = new ArrayList<>();
        n.path("exclude_fields").forEach(f -> excludeFields.add(f.asText().toLowerCase(Locale.ROOT)));
        List<String> regions = new ArrayList<>();
        n.path("regions").forEach(r -> regions.add(r.asText()));
        if (engine == Rule.Engine.PHONE && regions.isEmpty()) {
            throw new RuleException(where + ": a phone rule needs 'regions'");
        }
        List<String> must = new ArrayList<>();
        List<String> mustNot = new ArrayList<>();
        n.path("examples").path("match").forEach(x -> must.add(x.asText()));
        n.path("examples").path("no_match").forEach(x -> mustNot.add(x.asText()));
        if (must.isEmpty()) {
            throw new RuleException(where + ": needs at least one 'examples: match:' value");
        }
        JsonNode w = n.path("window");
        Pattern clusterPattern = n.has("cluster_pattern") ? compilePattern(n.get("cluster_pattern").asText(), where,
                "cluster_pattern") : null;
        Pattern beforeTrigger = n.has("before_trigger") ? compilePattern(n.get("before_trigger").asText(), where,
                "before_trigger") : null;
        Pattern afterTrigger = n.has("after_trigger") ? compilePattern(n.get("after_trigger").asText(), where,
                "after_trigger") : null;
        return new Rule(id, file, type, engine, triggers, n.path("min_digits").asInt(1), n.path("max_digits").asInt(64),
                Candidates.flags(n.path("cluster_has").asText("")), clusterPattern, n.path("cluster_reach").asInt(0), n.path("cluster_run").asInt(0), beforeTrigger, afterTrigger, w.path("before").asInt(0),
                w.path("after").asInt(0), w.path("in_token").asBoolean(false), pattern, group, validator, confidence, context, contextWindow, boost,
                requireContext, List.copyOf(hints), kw, excludeBefore, excludeMatch, List.copyOf(excludeFields), List.copyOf(regions), List.copyOf(must),
                List.copyOf(mustNot));
    }

    private BitSet words(JsonNode list, String where) {
        BitSet b = new BitSet();
        if (!list.isMissingNode() && !list.isArray()) {
            throw new RuleException(where + ": expected a list of words");
        }
        for (JsonNode w : list) {
            try {
                b.set(keywords.add(w.asText()));
            } catch (IllegalArgumentException e) {
                throw new RuleException(where + ": " + e.getMessage());
            }
        }
        return b;
    }

    private static Pattern compilePattern(String p, String where, String key) {
        try {
            return Pattern.compile(p);
        } catch (PatternSyntaxException e) {
            throw new RuleException(where + ": bad '" + key + "': " + firstLine(e.getDescription()) + " at index "
                    + e.getIndex());
        }
    }

    private static String text(JsonNode n, String key, String where, boolean required) {
        JsonNode v = n.get(key);
        if (v == null || v.asText().isBlank()) {
            if (required) {
                throw new RuleException(where + ": missing '" + key + "'");
            }
            return null;
        }
        return v.asText();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String v, String where, String key) {
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleException(where + ": unknown " + key + " '" + v + "'");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
