package jp.tsunagu.platform.directory;

import jp.tsunagu.platform.problem.DomainException;
import jp.tsunagu.platform.problem.ProblemKind;

/** The directory could not answer (Keycloak unreachable, or the service account refused): 503, never a silent pass. */
public class DirectoryUnavailableException extends DomainException {

    public DirectoryUnavailableException() {
        super("The user directory cannot be reached; retry shortly");
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.UNAVAILABLE;
    }
}
