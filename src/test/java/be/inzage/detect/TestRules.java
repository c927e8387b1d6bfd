package be.inzage.detect;

import java.nio.file.Path;

/** The project's own rules/ folder, loaded once for all tests. */
public final class TestRules {

    private static DetectionEngine engine;

    private TestRules() {
    }

    public static Path root() {
        return Path.of("rules").toAbsolutePath();
    }

    public static synchronized DetectionEngine engine() {
        if (engine == null) {
            engine = Detectors.load(root());
        }
        return engine;
    }
}
