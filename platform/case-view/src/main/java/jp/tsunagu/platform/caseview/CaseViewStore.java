package jp.tsunagu.platform.caseview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.EventData;
import jp.tsunagu.events.cases.CaseAccessScope;
import jp.tsunagu.events.cases.CaseClosed;
import jp.tsunagu.events.cases.CaseOpened;
import jp.tsunagu.events.cases.CasePhaseChanged;
import jp.tsunagu.events.cases.CaseReopened;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.CaseTeamChanged;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.events.cases.TeamMember;
import jp.tsunagu.platform.audit.CaseCenters;
import jp.tsunagu.platform.problem.NotFoundException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The case views of this service: kept from case-events ({@link #apply}, called by the service's
 * own consumer of case-events in the inbox's transaction), and for a case whose events have not
 * arrived yet, asked of case-service once and kept ({@link #require}); the events then keep it
 * current. Whoever leaves a team is announced as {@link TeamDepartures}. It is also the service's
 * {@link CaseCenters}: a request refused by role joins the access log of a case kept here.
 */
@ApplicationScoped
public class CaseViewStore implements CaseCenters {

    private final EntityManager em;
    private final CaseServiceClient caseService;
    private final Event<TeamDepartures> departures;

    CaseViewStore(EntityManager em, CaseServiceClient caseService, Event<TeamDepartures> departures) {
        this.em = em;
        this.caseService = caseService;
        this.departures = departures;
    }

    /**
     * The case's view; a case that exists nowhere is a 404, a case unknown here while case-service
     * does not answer a 503 ({@link CaseServiceUnavailableException}).
     */
    @Transactional
    public CaseView require(UUID caseId) {
        CaseView view = em.find(CaseView.class, caseId);
        if (view != null && !view.team.isEmpty()) {
            return view;
        }
        if (view != null) {
            return withItsTeam(view);
        }
        CaseAccessScope scope = caseService.find(caseId).orElseThrow(() -> new NotFoundException("Case", caseId));
        if (keep(caseId, scope.centerId(), scope.phase(), scope.status(), CaseView.Source.CASE_SERVICE)) {
            people(scope.team()).forEach(m -> em.createNativeQuery(
                            "insert into case_scope_member (case_id, user_id, role) values (:case, :user, :role)")
                    .setParameter("case", caseId).setParameter("user", m.userId()).setParameter("role", m.role().name())
                    .executeUpdate());
        }
        return em.find(CaseView.class, caseId);
    }

    /**
     * A case always has its primary supporter: a view without a team knows of the opening but not
     * yet of the team (its event is on its way), so case-service is asked for it rather than
     * refusing the team's own supporters in the meantime.
     */
    private CaseView withItsTeam(CaseView opened) {
        em.refresh(opened, LockModeType.PESSIMISTIC_WRITE); // the team event may have come meanwhile
        if (opened.team.isEmpty()) {
            caseService.find(opened.caseId).ifPresent(scope -> replaceTeam(opened, scope.team()));
        }
        return opened;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CaseView> find(UUID caseId) {
        return Optional.ofNullable(em.find(CaseView.class, caseId));
    }

    /** The center of a case kept here; never asks case-service (a refusal must not make it call out). */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> centerOf(UUID caseId) {
        return find(caseId).map(view -> view.centerId);
    }

    /** Applies a case event (in the caller's transaction: the inbox's, with the event's id). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventData event) {
        if (event instanceof CaseOpened opened && em.find(CaseView.class, opened.caseId()) == null) {
            keep(opened.caseId(), opened.centerId(), opened.phase(), opened.status(), CaseView.Source.EVENTS);
        }
        // locked like a request asking case-service for the team (withItsTeam): one writes the team, the other sees it
        CaseView view = em.find(CaseView.class, event.caseId(), LockModeType.PESSIMISTIC_WRITE);
        if (view == null) {
            return; // an event of a case never heard of, before its opening: nothing to keep
        }
        switch (event) {
            case CaseOpened opened -> {
                view.centerId = opened.centerId();
                view.phase = opened.phase();
                view.status = opened.status();
            }
            case CaseTeamChanged team -> replaceTeam(view, team.members());
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

    /**
     * Keeps a view not kept yet; answers whether this call kept it. A first request and the case's
     * opening event may keep it at the same time: the first one stays, the other waits for it.
     */
    private boolean keep(UUID caseId, String centerId, Phase phase, CaseStatus status, CaseView.Source source) {
        return em.createNativeQuery("""
                        insert into case_scope (case_id, center_id, phase, status, source, updated_at)
                        values (:case, :center, :phase, :status, :source, :now) on conflict do nothing""")
                .setParameter("case", caseId).setParameter("center", centerId).setParameter("phase", phase.name())
                .setParameter("status", status.name()).setParameter("source", source.name())
                .setParameter("now", Instant.now()).executeUpdate() == 1;
    }

    private void replaceTeam(CaseView view, List<TeamMember> members) {
        Set<CaseView.Member> team = people(members);
        Set<String> staying = team.stream().map(CaseView.Member::userId).collect(Collectors.toSet());
        Set<String> left = view.team.stream().map(CaseView.Member::userId).filter(u -> !staying.contains(u))
                .collect(Collectors.toSet());
        view.team.clear();
        view.team.addAll(team);
        if (!left.isEmpty()) {
            departures.fire(new TeamDepartures(view.caseId, left));
        }
    }

    /** The people of a team (agency contacts have no user id). */
    private static Set<CaseView.Member> people(List<TeamMember> members) {
        return members.stream().filter(m -> m.userId() != null)
                .map(m -> new CaseView.Member(m.userId(), m.role())).collect(Collectors.toSet());
    }
}
