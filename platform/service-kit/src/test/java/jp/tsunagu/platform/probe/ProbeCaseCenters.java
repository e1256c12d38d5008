package jp.tsunagu.platform.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.platform.audit.CaseCenters;

import java.util.Optional;
import java.util.UUID;

/** The test application's cases are its probes, each of its creator's center. */
@ApplicationScoped
public class ProbeCaseCenters implements CaseCenters {

    @Override
    public Optional<String> centerOf(UUID caseId) {
        return Probe.<Probe>findByIdOptional(caseId).map(probe -> probe.centerId);
    }
}
