package be.inzage.detect;

/**
 * One identifier found in a piece of text. Offsets are into the text handed to the engine;
 * {@code normalized} is the canonical form that is hashed (never stored in plain).
 */
public record Detection(String type, int start, int end, String normalized, double confidence, String ruleId) {

    public boolean overlaps(Detection o) {
        return start < o.end && o.start < end;
    }
}
