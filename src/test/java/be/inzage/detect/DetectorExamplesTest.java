package be.inzage.detect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rule in rules/ carries must-match and must-not-match examples; this one test runs them
 * all, so a user who adds a rule gets it checked without writing Java.
 * Field rules write their examples as "field=value".
 */
class DetectorExamplesTest {

    static Stream<Arguments> examples() {
        return TestRules.engine().rules().stream().flatMap(r -> Stream.concat(
                r.mustMatch().stream().map(e -> Arguments.of(r.file() + " " + r.id(), r, e, true)),
                r.mustNotMatch().stream().map(e -> Arguments.of(r.file() + " " + r.id(), r, e, false))));
    }

    @ParameterizedTest(name = "{0}: {2} → {3}")
    @MethodSource("examples")
    void example(String name, Rule rule, String example, boolean shouldMatch) {
        List<Detection> found = detect(rule, example);
        boolean matched = found.stream().anyMatch(d -> d.type().equals(rule.type()));
        if (shouldMatch) {
            assertTrue(matched, rule.id() + " should find a " + rule.type() + " in: " + example + " but found " + found);
        } else {
            assertFalse(matched, rule.id() + " should not find a " + rule.type() + " in: " + example + " but found " + found);
        }
    }

    private static List<Detection> detect(Rule rule, String example) {
        if (rule.engine() == Rule.Engine.FIELD) {
            int eq = example.indexOf('=');
            return TestRules.engine().detect(example.substring(eq + 1), FieldName.of(example.substring(0, eq)));
        }
        return TestRules.engine().detect(example);
    }
}
