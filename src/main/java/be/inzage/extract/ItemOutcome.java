package be.inzage.extract;

/** What happened to one item: scanned (with any warning), skipped, or failed with a reason. */
public record ItemOutcome(Status status, String reason, long bytes, int findings) {

    public enum Status { SCANNED, UNCHANGED, SKIPPED, FAILED }

    /** Same size and modification time as at the last scan: its findings are kept as they are. */
    public static ItemOutcome unchanged(long bytes) {
        return new ItemOutcome(Status.UNCHANGED, null, bytes, 0);
    }

    public static ItemOutcome scanned(long bytes, int findings, String warning) {
        return new ItemOutcome(Status.SCANNED, warning, bytes, findings);
    }

    public static ItemOutcome skipped(String reason, long bytes) {
        return new ItemOutcome(Status.SKIPPED, reason, bytes, 0);
    }

    public static ItemOutcome failed(String reason, long bytes) {
        return new ItemOutcome(Status.FAILED, reason, bytes, 0);
    }

    /** The same outcome with one more warning (scanned items only carry warnings in {@code reason}). */
    public ItemOutcome withWarning(String warning) {
        if (status != Status.SCANNED) {
            return this;
        }
        return new ItemOutcome(status, reason == null ? warning : reason + "; " + warning, bytes, findings);
    }
}
