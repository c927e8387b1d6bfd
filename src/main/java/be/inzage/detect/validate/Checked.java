package be.inzage.detect.validate;

/**
 * A validator's verdict on a candidate: rejected, accepted, or accepted only when context
 * (a keyword nearby or a field-name hint) backs it up. {@code length} lets a validator keep only
 * a prefix of the candidate (an IBAN followed by an upper-case word, say); -1 keeps it whole.
 */
public record Checked(String normalized, boolean needsContext, int length, double bonus) {

    private static final Checked REJECTED = new Checked(null, false, -1, 0);
    /** The most a validator adds to a rule's confidence; the engine relies on this bound. */
    public static final double MAX_BONUS = 0.15;

    public static Checked reject() {
        return REJECTED;
    }

    public static Checked ok(String normalized) {
        return new Checked(normalized, false, -1, 0);
    }

    public static Checked okIfContext(String normalized) {
        return new Checked(normalized, true, -1, 0);
    }

    public Checked withLength(int length) {
        return new Checked(normalized, needsContext, length, bonus);
    }

    public Checked withBonus(double bonus) {
        if (bonus > MAX_BONUS) {
            throw new IllegalArgumentException("a validator's bonus is at most " + MAX_BONUS);
        }
        return new Checked(normalized, needsContext, length, bonus);
    }

    public boolean accepted() {
        return normalized != null;
    }
}
