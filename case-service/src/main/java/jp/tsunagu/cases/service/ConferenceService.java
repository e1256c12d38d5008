package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.Conference;
import jp.tsunagu.cases.domain.PlanRevision;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.domain.TimelineEntry;
import jp.tsunagu.cases.domain.TimelineKind;
import jp.tsunagu.cases.events.CaseEvents;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.directory.UserDirectory;
import jp.tsunagu.platform.problem.NotFoundException;
import jp.tsunagu.platform.time.Tokyo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Case conferences (事例検討会): recorded by the team's supporters and supervisors, read by whoever
 * sees the case. A conference may bring a new plan revision, written in the same transaction, and
 * the latest one held sets the case's next review date.
 */
@ApplicationScoped
@Transactional
public class ConferenceService {

    private final EntityManager em;
    private final CaseAccess access;
    private final CaseJournal journal;
    private final PlanRevisions plans;
    private final UserDirectory directory;
    private final Clock clock;

    ConferenceService(EntityManager em, CaseAccess access, CaseJournal journal, PlanRevisions plans,
                      UserDirectory directory, Clock clock) {
        this.em = em;
        this.access = access;
        this.journal = journal;
        this.plans = plans;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Records a conference and, with {@code plan}, the plan revision it produced. The case is locked
     * for the act, so that two conferences recorded at once leave the review date of the one held last.
     */
    @Audited(action = "case.conference.record", objectType = "case")
    public Conference record(@AuditObjectId UUID caseId, Conference.Minutes minutes, Optional<PlanRevision> plan) {
        SupportCase supportCase = access.writable(caseId);
        supportCase.requireOpen();
        Instant now = clock.instant();
        String by = access.caller().userId();
        Conference conference = Conference.held(caseId, minutes, Tokyo.day(now), by, now);
        requireStaffOfTheCenter(supportCase.centerId, minutes.attendeeUserIds());
        em.refresh(supportCase, LockModeType.PESSIMISTIC_WRITE);
        supportCase.requireOpen();
        Optional<LocalDate> latestHeldOn = latestHeldOn(caseId);
        Optional<PlanRevision> revision = plan.map(p -> plans.numbered(caseId, p, current -> {
            // a conference revises whatever plan is current
        }, by, now));
        revision.ifPresent(r -> {
            conference.produced(r.revision());
            r.conferenceId = conference.id;
        });
        em.persist(conference);
        supportCase.conferenceHeld(conference, latestHeldOn);
        em.flush();
        revision.ifPresent(r -> plans.write(supportCase, r));
        journal.record(supportCase, TimelineKind.CONFERENCE_HELD, conference.id,
                TimelineEntry.placeOf(conference.heldOn, now), attributes(conference),
                CaseEvents.conferenceHeld(supportCase, conference));
        return conference;
    }

    @Audited(action = "case.conference.read", objectType = "case")
    public List<Conference> list(@AuditObjectId UUID caseId) {
        access.readable(caseId);
        return em.createQuery("from Conference c where c.caseId = :c order by c.heldOn desc, c.recordedAt desc, c.id desc",
                Conference.class).setParameter("c", caseId).getResultList();
    }

    @Audited(action = "case.conference.read", objectType = "case")
    public Conference get(@AuditObjectId UUID caseId, UUID conferenceId) {
        access.readable(caseId);
        Conference conference = em.find(Conference.class, conferenceId);
        if (conference == null || !conference.caseId.equals(caseId)) {
            throw new NotFoundException("Conference", conferenceId);
        }
        return conference;
    }

    /** Every attendee named by user id is staff of the case's center in Keycloak's directory (400 otherwise). */
    private void requireStaffOfTheCenter(String centerId, List<String> userIds) {
        List<UserDirectory.Wanted> wanted = new ArrayList<>();
        for (int i = 0; i < userIds.size(); i++) {
            wanted.add(UserDirectory.Wanted.staff("attendees.userIds[" + i + "]", userIds.get(i)));
        }
        directory.requireUsersOf(centerId, wanted);
    }

    private Optional<LocalDate> latestHeldOn(UUID caseId) {
        return Optional.ofNullable(em.createQuery("select max(c.heldOn) from Conference c where c.caseId = :c", LocalDate.class)
                .setParameter("c", caseId).getSingleResult());
    }

    /** Dates only: the needs and decisions stay in the conference's row. */
    private static Map<String, Object> attributes(Conference conference) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("heldOn", conference.heldOn.toString());
        if (conference.nextReviewOn != null) {
            attributes.put("nextReviewOn", conference.nextReviewOn.toString());
        }
        return attributes;
    }
}
