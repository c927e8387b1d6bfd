package be.inzage.detect;

/** A broken rule: the message names the file and the rule id, so start-up can stop with one line. */
public class RuleException extends RuntimeException {
    public RuleException(String message) {
        super(message);
    }
}
