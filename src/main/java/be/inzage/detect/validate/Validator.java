package be.inzage.detect.validate;

/** Checks a candidate (checksum, structure) and gives its canonical form. Stateless and thread-safe. */
@FunctionalInterface
public interface Validator {
    Checked check(String candidate);
}
