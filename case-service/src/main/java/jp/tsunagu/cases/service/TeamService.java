package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.domain.Team;
import jp.tsunagu.cases.domain.TeamMember;
import jp.tsunagu.cases.domain.TimelineKind;
import jp.tsunagu.cases.events.CaseEvents;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.directory.UserDirectory;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.problem.NotFoundException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The support team of a case: read by whoever sees the case, assigned by supervisors. */
@ApplicationScoped
@Transactional
public class TeamService {

    /** The team and its version (the ETag of the team resource). */
    public record TeamState(long version, List<TeamMember> members) {
    }


    private final EntityManager em;
    private final CaseAccess access;
    private final CaseJournal journal;
    private final UserDirectory directory;

    TeamService(EntityManager em, CaseAccess access, CaseJournal journal, UserDirectory directory) {
        this.em = em;
        this.access = access;
        this.journal = journal;
        this.directory = directory;
    }

    @Audited(action = "case.team.read", objectType = "case")
    public TeamState get(@AuditObjectId UUID caseId) {
        SupportCase supportCase = access.readable(caseId);
        return new TeamState(supportCase.teamVersion, members(caseId));
    }

    /** Replaces the team; whoever leaves it loses sight of the case (a tombstone in their delta feed). */
    @Audited(action = "case.team.assign", objectType = "case")
    public TeamState assign(@AuditObjectId UUID caseId, long expectedVersion, List<Team.Member> requested) {
        SupportCase supportCase = access.supervised(caseId);
        supportCase.requireOpen();
        Versions.check(expectedVersion, supportCase.teamVersion);
        Team.validate(requested);
        requireUsersOfTheCenter(supportCase.centerId, requested);
        List<TeamMember> before = members(caseId);
        before.forEach(em::remove);
        em.flush();
        List<TeamMember> after = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            Team.Member m = requested.get(i);
            TeamMember member = TeamMember.of(caseId, i, m.kind(), m.userId(), m.agencyId(), m.role());
            em.persist(member);
            after.add(member);
        }
        Set<String> staying = new HashSet<>();
        after.stream().filter(m -> m.userId != null).forEach(m -> staying.add(m.userId));
        before.stream().filter(m -> m.userId != null && !staying.contains(m.userId)).forEach(left ->
                em.createNativeQuery("insert into team_departure (case_id, user_id, change_seq) "
                                + "values (:c, :u, nextval('case_change_seq'))")
                        .setParameter("c", caseId).setParameter("u", left.userId).executeUpdate());
        supportCase.teamVersion++;
        Instant now = Instant.now();
        journal.record(supportCase, TimelineKind.TEAM_CHANGED, caseId, now, Map.of("size", after.size()),
                CaseEvents.teamChanged(supportCase, after, access.caller().userId(), now));
        return new TeamState(supportCase.teamVersion, after);
    }

    /**
     * Every person on the team is a user of the case's center in Keycloak's directory: staff with a
     * staff role, peers with the peer-supporter role (400 naming the member otherwise; 503 when the
     * directory cannot answer). Nothing else reaches the team or its event.
     */
    private void requireUsersOfTheCenter(String centerId, List<Team.Member> members) {
        List<UserDirectory.Wanted> wanted = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Team.Member member = members.get(i);
            String field = "members[" + i + "].userId";
            switch (member.kind()) {
                case STAFF -> wanted.add(UserDirectory.Wanted.staff(field, member.userId()));
                case PEER_SUPPORTER -> wanted.add(UserDirectory.Wanted.peer(field, member.userId()));
                case AGENCY_CONTACT -> {
                    // an agency, not a user
                }
            }
        }
        directory.requireUsersOf(centerId, wanted);
    }

    /** For another Tsunagu service (service account): where the case belongs and who is on it. */
    @Audited(action = "case.scope.read", objectType = "case")
    public ServiceScope forService(@AuditObjectId UUID caseId) {
        SupportCase found = em.find(SupportCase.class, caseId);
        if (found == null) {
            throw new NotFoundException("Case", caseId);
        }
        return new ServiceScope(found, members(caseId));
    }

    public record ServiceScope(SupportCase supportCase, List<TeamMember> members) {
    }

    private List<TeamMember> members(UUID caseId) {
        return em.createQuery("from TeamMember m where m.key.caseId = :c order by m.key.position", TeamMember.class)
                .setParameter("c", caseId).getResultList();
    }
}
