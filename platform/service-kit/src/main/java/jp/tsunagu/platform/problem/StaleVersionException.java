package jp.tsunagu.platform.problem;

import java.util.Optional;

/** The client's {@code If-Match} names a version that is no longer current (optimistic concurrency). */
public class StaleVersionException extends DomainException {

    private final long currentVersion;

    public StaleVersionException(long expected, long currentVersion) {
        this("Version " + expected + " is stale; the current version is " + currentVersion, currentVersion);
    }

    /** A precondition other than a named version failed ({@code If-None-Match: *}, {@code If-Match: *}). */
    public StaleVersionException(String detail, long currentVersion) {
        super(detail);
        this.currentVersion = currentVersion;
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.STALE_VERSION;
    }

    @Override
    public Optional<Long> currentVersion() {
        return Optional.of(currentVersion);
    }
}
