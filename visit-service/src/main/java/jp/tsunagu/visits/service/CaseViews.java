package jp.tsunagu.visits.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.EventData;
import jp.tsunagu.events.cases.CaseClosed;
import jp.tsunagu.events.cases.CaseOpened;
import jp.tsunagu.events.cases.CasePhaseChanged;
import jp.tsunagu.events.cases.CaseReopened;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.CaseTeamChanged;
import jp.tsunagu.events.cases.TeamMember;
import jp.tsunagu.visits.domain.CaseView;
import jp.tsunagu.platform.problem.NotFoundException;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * visit-service's view of cases: kept from case-events, and for a case whose events have not
 * arrived yet, asked of case-service once and kept (the events then keep it current).
 */
@ApplicationScoped
public class CaseViews {

    private final EntityManager em;
    private final CaseDirectory directory;

    CaseViews(EntityManager em, CaseDirectory directory) {
        this.em = em;
        this.directory = directory;
    }

    /** The case's view; a case that exists nowhere is a 404. */
    @Transactional
    public CaseView require(UUID caseId) {
        CaseView view = em.find(CaseView.class, caseId);
        if (view != null) {
            return view;
        }
        CaseScope scope = directory.find(caseId).orElseThrow(() -> new NotFoundException("Case", caseId));
        view = em.find(CaseView.class, caseId);
        if (view != null) {
            return view;
        }
        view = new CaseView();
        view.caseId = caseId;
        view.centerId = scope.centerId();
        view.phase = scope.phase();
        view.status = scope.status();
        view.source = CaseView.Source.CASE_SERVICE;
        replaceTeam(view, scope.team());
        view.updatedAt = Instant.now();
        em.persist(view);
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CaseView> find(UUID caseId) {
        return Optional.ofNullable(em.find(CaseView.class, caseId));
    }

    /** Applies a case event (in the inbox's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventData event) {
        CaseView view = em.find(CaseView.class, event.caseId());
        if (event instanceof CaseOpened opened) {
            boolean known = view != null;
            if (!known) {
                view = new CaseView();
                view.caseId = opened.caseId();
            }
            view.centerId = opened.centerId();
            view.phase = opened.phase();
            view.status = opened.status();
            view.source = CaseView.Source.EVENTS;
            view.updatedAt = Instant.now();
            if (!known) {
                em.persist(view);
            }
        } else if (view == null) {
            return; // an event of a case we never heard of, before its opening: nothing to keep
        }
        switch (event) {
            case CaseTeamChanged team -> {
                recordDepartures(view, team.members());
                replaceTeam(view, team.members());
            }
            case CasePhaseChanged phase -> view.phase = phase.toPhase();
            case CaseClosed closed -> view.status = CaseStatus.CLOSED;
            case CaseReopened reopened -> {
                view.status = CaseStatus.OPEN;
                view.phase = reopened.phase();
            }
            default -> {
            }
        }
        view.source = CaseView.Source.EVENTS;
        view.updatedAt = Instant.now();
    }

    /** Whoever leaves the team loses sight of the case's visits: their delta feed gets tombstones. */
    private void recordDepartures(CaseView view, List<TeamMember> members) {
        Set<String> staying = new HashSet<>();
        members.stream().filter(m -> m.userId() != null).forEach(m -> staying.add(m.userId()));
        view.team.stream().filter(m -> !staying.contains(m.userId())).forEach(left -> em.createNativeQuery(
                        "insert into case_view_departure (case_id, user_id, change_seq) values (:c, :u, nextval('visit_change_seq'))")
                .setParameter("c", view.caseId).setParameter("u", left.userId()).executeUpdate());
    }

    private static void replaceTeam(CaseView view, List<TeamMember> members) {
        view.team.clear();
        members.stream().filter(m -> m.userId() != null)
                .forEach(m -> view.team.add(new CaseView.Member(m.userId(), m.role())));
    }
}
