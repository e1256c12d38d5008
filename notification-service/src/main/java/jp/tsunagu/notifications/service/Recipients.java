package jp.tsunagu.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.events.cases.TeamRole;
import jp.tsunagu.notifications.domain.Notice;
import jp.tsunagu.platform.caseview.CaseView;
import jp.tsunagu.platform.caseview.CaseViewStore;
import jp.tsunagu.platform.directory.UserDirectory;
import jp.tsunagu.platform.security.Roles;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The people a notice is for: the case's team from the case view (platform/case-view, kept from
 * case-events), the center's supervisors and the operators from Keycloak's directory. The actor is
 * not told of their own act, except of a crisis.
 */
@ApplicationScoped
public class Recipients {

    private final CaseViewStore cases;
    private final UserDirectory directory;

    Recipients(CaseViewStore cases, UserDirectory directory) {
        this.cases = cases;
        this.directory = directory;
    }

    public Set<String> of(Notice notice) {
        Set<String> people = new HashSet<>(switch (notice.audience()) {
            case TEAM -> team(notice);
            case TEAM_AND_SUPERVISORS -> union(team(notice), supervisors(notice));
            case PRIMARY -> primary(notice);
            case PRIMARY_AND_SUPERVISORS -> union(primary(notice), supervisors(notice));
            case SUPERVISORS -> supervisors(notice);
            case NAMED -> notice.named();
            case ADMINS -> directory.holdersOf(Roles.ADMIN);
        });
        if (!notice.tellsActor()) {
            notice.actor().ifPresent(people::remove);
        }
        return people;
    }

    private Set<String> team(Notice notice) {
        return view(notice).team.stream().map(CaseView.Member::userId).collect(Collectors.toSet());
    }

    private Set<String> primary(Notice notice) {
        return view(notice).team.stream().filter(m -> m.role() == TeamRole.PRIMARY).map(CaseView.Member::userId)
                .collect(Collectors.toSet());
    }

    private Set<String> supervisors(Notice notice) {
        return directory.holdersOf(Roles.SUPERVISOR, notice.centerId());
    }

    /** The case's view; one whose events have not come yet is asked of case-service (503 until it answers). */
    private CaseView view(Notice notice) {
        return cases.require(notice.caseId());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
