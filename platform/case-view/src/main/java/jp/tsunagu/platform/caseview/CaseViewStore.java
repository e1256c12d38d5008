package jp.tsunagu.platform.caseview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
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

    /** The first key of this store's advisory locks: the case's own hash is the second. */
    private static final int ADVISORY_LOCK_SPACE = 0x7453_4356; // "tSCV"

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
        return view != null && !view.team.isEmpty() ? view : askedOfCaseService(caseId);
    }

    /**
     * A case not kept here, or kept without its team: a case always has its primary supporter, so
     * a view without a team knows of the opening but not yet of the team (its event is on its way),
     * and case-service is asked rather than refusing the team's own supporters in the meantime.
     * Taken one at a time with the case's events ({@link #apply}).
     */
    private CaseView askedOfCaseService(UUID caseId) {
        oneAtATime(caseId);
        CaseView view = em.find(CaseView.class, caseId);
        if (view != null) {
            em.refresh(view); // read again: the case's events may have been kept while this request waited
            if (!view.team.isEmpty()) {
                return view;
            }
        }
        Optional<CaseAccessScope> scope = caseService.find(caseId);
        if (view == null) {
            CaseAccessScope known = scope.orElseThrow(() -> new NotFoundException("Case", caseId));
            view = CaseView.of(caseId, known.centerId(), known.phase(), known.status(), CaseView.Source.CASE_SERVICE,
                    Instant.now());
            em.persist(view);
        }
        CaseView kept = view;
        scope.ifPresent(known -> replaceTeam(kept, known.team()));
        return view;
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
        oneAtATime(event.caseId());
        CaseView view = em.find(CaseView.class, event.caseId());
        if (view == null && event instanceof CaseOpened opened) {
            view = CaseView.of(opened.caseId(), opened.centerId(), opened.phase(), opened.status(),
                    CaseView.Source.EVENTS, Instant.now());
            em.persist(view);
        }
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
     * Until the transaction ends, the case's view is written by this transaction alone: a request
     * asking case-service and the consumer of the case's events take turns, and whichever comes
     * second reads what the first committed (a row lock would not do: the first may be inserting
     * the row, and a locking read joined to the team reads the team as it was before the wait).
     * An advisory lock of the database, so it holds across replicas; two cases whose keys collide
     * only take turns.
     */
    private void oneAtATime(UUID caseId) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(:space, :key)")
                .setParameter("space", ADVISORY_LOCK_SPACE).setParameter("key", caseId.hashCode()).getSingleResult();
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
