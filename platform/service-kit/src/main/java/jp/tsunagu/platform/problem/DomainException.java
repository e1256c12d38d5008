package jp.tsunagu.platform.problem;

import java.util.List;
import java.util.Optional;

/**
 * A rule of the domain was not met. Knows nothing of HTTP: it names its {@link ProblemKind}, and
 * the one mapper answers it. Services throw the subclasses below or their own.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String detail) {
        super(detail);
    }

    public abstract ProblemKind kind();

    public List<Violation> violations() {
        return List.of();
    }

    public Optional<Long> currentVersion() {
        return Optional.empty();
    }

    /** For a refused state move: the moves allowed from the object's state, perhaps none (empty otherwise). */
    public Optional<List<String>> allowedMoves() {
        return Optional.empty();
    }
}
