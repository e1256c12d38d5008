package jp.tsunagu.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jp.tsunagu.events.cases.TeamMemberKind;
import jp.tsunagu.events.cases.TeamRole;

import java.io.Serializable;
import java.util.UUID;

/** A member of a case's support team (支援チーム): staff, a peer supporter, or an agency contact. */
@Entity
@Table(name = "team_member")
public class TeamMember extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "case_id") UUID caseId, @Column(name = "position") int position)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Enumerated(EnumType.STRING)
    public TeamMemberKind kind;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "agency_id")
    public String agencyId;
    @Enumerated(EnumType.STRING)
    public TeamRole role;

    public static TeamMember of(UUID caseId, int position, TeamMemberKind kind, String userId, String agencyId,
                                TeamRole role) {
        TeamMember member = new TeamMember();
        member.key = new Key(caseId, position);
        member.kind = kind;
        member.userId = userId;
        member.agencyId = agencyId;
        member.role = role;
        return member;
    }
}
