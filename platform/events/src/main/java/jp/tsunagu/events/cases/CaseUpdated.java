package jp.tsunagu.events.cases;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/**
 * The subject or household data of a case was edited: {@code case.updated.v1}. It says which
 * sections changed, never what they now hold.
 *
 * @param version  the case's version after the change
 * @param sections the sections the change touched, at least one
 */
public record CaseUpdated(
        UUID caseId,
        String centerId,
        long version,
        Set<CaseSection> sections,
        Instant updatedAt,
        String updatedBy) implements EventData {

    public CaseUpdated {
        requireNonNull(caseId, "caseId");
        requireNonNull(centerId, "centerId");
        sections = Collections.unmodifiableSet(new TreeSet<>(requireNonNull(sections, "sections")));
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("sections must not be empty");
        }
        requireNonNull(updatedAt, "updatedAt");
        requireNonNull(updatedBy, "updatedBy");
    }
}
