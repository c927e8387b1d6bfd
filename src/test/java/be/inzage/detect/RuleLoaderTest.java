package be.inzage.detect;

import be.inzage.detect.validate.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broken rule stops start-up with one line naming its file and id: one fixture per failure mode. */
class RuleLoaderTest {

    private final RuleLoader loader = new RuleLoader(new Validators(new Dictionaries(Set.of(), Set.of(), Set.of(),
            Set.of(), Set.of(), Set.of())), new KeywordIndex());

    @ParameterizedTest
    @CsvSource({
        "bad-regex.yaml,         rule 'broken_regex': bad 'pattern'",
        "unknown-validator.yaml, rule 'no_such_validator': unknown validator 'iban_v2'",
        "unknown-key.yaml,       rule 'typo_key': unknown key 'confidense'",
        "bad-confidence.yaml,    rule 'too_sure': 'confidence' must be in (0, 1]",
        "no-examples.yaml,       rule 'untested': needs at least one 'examples: match:' value",
        "missing-id.yaml,        rule #1: missing 'id'",
        "not-yaml.yaml,          not valid YAML",
        "bad-group.yaml,         rule 'group_two': 'group' 2 does not exist"})
    void brokenRuleNamesFileAndId(String file, String expected) {
        Path p = Path.of("src/test/resources/rules-invalid").resolve(file);
        RuleException e = assertThrows(RuleException.class, () -> loader.loadFile(p));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected.strip()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    @Test
    void aBadSurnameEndingLineStopsStartUpNamingTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("surname-endings.txt"), "# ending and shortest word\nova 7\nski six\n");
        RuleException e = assertThrows(RuleException.class, () -> Dictionaries.load(dir));
        assertEquals("rules/dictionaries/surname-endings.txt: 'ski six' is not 'ending [shortest length]'", e.getMessage());
    }

    @Test
    void duplicateIdsAcrossFilesAreRejected(@TempDir Path dir) throws IOException {
        String rule = "rules:\n  - id: same\n    type: email\n    trigger: at\n    pattern: '@'\n    confidence: 0.5\n"
                + "    examples: {match: ['@']}\n";
        Files.writeString(dir.resolve("a.yaml"), rule);
        Files.writeString(dir.resolve("b.yaml"), rule);
        RuleException e = assertThrows(RuleException.class, () -> loader.loadDirectory(dir));
        assertTrue(e.getMessage().contains("b.yaml: rule 'same': duplicate id"), e.getMessage());
    }

    @Test
    void aRuleAddedAsDataIsUsedWithoutRecompiling(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kvk.yaml"), "rules:\n  - id: ticket\n    type: login\n    trigger: keyword\n"
                + "    keywords: [ticket]\n    window: {after: 30}\n    pattern: 'ticket\\s+(T-\\d{6})'\n    group: 1\n"
                + "    validator: lower\n    confidence: 0.7\n    examples: {match: ['ticket T-123456']}\n");
        KeywordIndex kw = new KeywordIndex();
        var rules = new RuleLoader(new Validators(new Dictionaries(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of())), kw).loadDirectory(dir);
        var engine = new DetectionEngine(rules, kw, new Dictionaries(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of()), 0.5);
        var found = engine.detect("see ticket T-654321 for details");
        assertEquals(1, found.size());
        assertEquals("t-654321", found.get(0).normalized());
    }
}
