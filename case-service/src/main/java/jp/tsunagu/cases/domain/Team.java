package jp.tsunagu.cases.domain;

import jp.tsunagu.events.cases.TeamMemberKind;
import jp.tsunagu.events.cases.TeamRole;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.Violation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of a support team: exactly one PRIMARY; staff are PRIMARY or SECONDARY, peers PEER,
 * agency contacts BACKUP_AGENCY; people and agencies by id, each once.
 */
public final class Team {

    /** One member as asked for, before it is stored. */
    public record Member(TeamMemberKind kind, String userId, String agencyId, TeamRole role) {
    }

    private Team() {
    }

    public static void validate(List<Member> members) {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long primaries = 0;
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            String at = "members[" + i + "]";
            boolean person = member.kind() != TeamMemberKind.AGENCY_CONTACT;
            String id = person ? member.userId() : member.agencyId();
            if (id == null || id.isBlank()) {
                violations.add(new Violation(at + (person ? ".userId" : ".agencyId"), "required for " + member.kind()));
            } else if (!seen.add(member.kind() + ":" + id)) {
                violations.add(new Violation(at, "is on the team twice"));
            }
            if (person ? member.agencyId() != null : member.userId() != null) {
                violations.add(new Violation(at + (person ? ".agencyId" : ".userId"), "not for " + member.kind()));
            }
            if (!fits(member.kind(), member.role())) {
                violations.add(new Violation(at + ".role", member.role() + " is not a role of " + member.kind()));
            }
            if (member.role() == TeamRole.PRIMARY) {
                primaries++;
            }
        }
        if (primaries != 1) {
            violations.add(new Violation("members", "exactly one PRIMARY is required, found " + primaries));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    private static boolean fits(TeamMemberKind kind, TeamRole role) {
        return switch (kind) {
            case STAFF -> role == TeamRole.PRIMARY || role == TeamRole.SECONDARY;
            case PEER_SUPPORTER -> role == TeamRole.PEER;
            case AGENCY_CONTACT -> role == TeamRole.BACKUP_AGENCY;
        };
    }
}
