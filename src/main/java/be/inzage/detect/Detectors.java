package be.inzage.detect;

import be.inzage.detect.validate.Validators;

import java.nio.file.Path;
import java.util.List;

/** Builds the detection engine from a rules folder (detectors/*.yaml + dictionaries/). */
public final class Detectors {

    /** Findings below this confidence are not reported. */
    public static final double MIN_CONFIDENCE = 0.5;

    private Detectors() {
    }

    public static DetectionEngine load(Path rulesRoot) {
        Dictionaries dictionaries = Dictionaries.load(rulesRoot.resolve("dictionaries"));
        KeywordIndex keywords = new KeywordIndex();
        List<Rule> rules = new RuleLoader(new Validators(dictionaries), keywords)
                .loadDirectory(rulesRoot.resolve("detectors"));
        return new DetectionEngine(rules, keywords, dictionaries, MIN_CONFIDENCE);
    }
}
