package jp.tsunagu.platform.caseview;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.events.cases.TeamRole;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A service's own view of a case it does not own: its center, phase, status and team, kept from
 * case-events (table {@code case_scope}). The service's authorization decisions are made on it.
 */
@Entity
@Table(name = "case_scope")
public class CaseView extends PanacheEntityBase {

    /** Where the view came from: the event stream, or case-service asked directly before its events arrived. */
    public enum Source { EVENTS, CASE_SERVICE }

    /** Someone of the team (people only: agencies do not sign in to the services that keep this view). */
    @Embeddable
    public record Member(@Column(name = "user_id") String userId,
                         @Enumerated(EnumType.STRING) @Column(name = "role") TeamRole role) {
    }

    @Id
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "center_id")
    public String centerId;
    @Enumerated(EnumType.STRING)
    public Phase phase;
    @Enumerated(EnumType.STRING)
    public CaseStatus status;
    @Enumerated(EnumType.STRING)
    public Source source;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_scope_member", joinColumns = @JoinColumn(name = "case_id"))
    public Set<Member> team = new HashSet<>();

    static CaseView of(UUID caseId, String centerId, Phase phase, CaseStatus status, Source source, Instant at) {
        CaseView view = new CaseView();
        view.caseId = caseId;
        view.centerId = centerId;
        view.phase = phase;
        view.status = status;
        view.source = source;
        view.updatedAt = at;
        return view;
    }

    public boolean hasMember(String userId) {
        return team.stream().anyMatch(m -> m.userId().equals(userId));
    }

    public boolean isOpen() {
        return status == CaseStatus.OPEN;
    }
}
