package jp.tsunagu.cases.domain;

import jp.tsunagu.events.cases.TeamMemberKind;
import jp.tsunagu.events.cases.TeamRole;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The rules of a support team as a table (plain JUnit): members are written
 * {@code KIND id ROLE}, separated by {@code ;}; an id {@code -} is none, and an agency contact's id
 * is its agency id. The answer is the fields that are wrong, or nothing.
 */
class TeamRulesTest {

    @ParameterizedTest(name = "[{0}] is a team")
    @CsvSource(delimiter = '|', textBlock = """
            # members
            STAFF u1 PRIMARY
            STAFF u1 PRIMARY; STAFF u2 SECONDARY
            STAFF u1 PRIMARY; PEER_SUPPORTER u2 PEER; AGENCY_CONTACT health-center BACKUP_AGENCY
            STAFF u1 PRIMARY; STAFF u2 SECONDARY; STAFF u3 SECONDARY; PEER_SUPPORTER u4 PEER
            STAFF same PRIMARY; AGENCY_CONTACT same BACKUP_AGENCY
            """)
    void acceptsAWellFormedTeam(String members) {
        assertThatCode(() -> Team.validate(members(members))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # members                                                  | fields that are wrong
            STAFF u1 SECONDARY                                         | members
            STAFF u1 PRIMARY; STAFF u2 PRIMARY                         | members
            PEER_SUPPORTER u1 PEER                                     | members
            STAFF u1 PEER                                              | members[0].role, members
            STAFF u1 PRIMARY; PEER_SUPPORTER u2 SECONDARY              | members[1].role
            STAFF u1 PRIMARY; AGENCY_CONTACT a1 PEER                   | members[1].role
            STAFF u1 PRIMARY; PEER_SUPPORTER u2 BACKUP_AGENCY          | members[1].role
            STAFF - PRIMARY                                            | members[0].userId
            STAFF u1 PRIMARY; AGENCY_CONTACT - BACKUP_AGENCY           | members[1].agencyId
            STAFF u1 PRIMARY; STAFF u1 SECONDARY                       | members[1]
            STAFF u1 PRIMARY; PEER_SUPPORTER u2 PEER; PEER_SUPPORTER u2 PEER | members[2]
            STAFF u1 PRIMARY; STAFF u1 PRIMARY                         | members[1], members
            """)
    void refusesWhatIsNotATeam(String members, String wrongFields) {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> Team.validate(members(members)));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.violations()).extracting(Violation::field)
                .containsExactlyInAnyOrder(wrongFields.split(",\\s*"));
    }

    @ParameterizedTest(name = "{0} with both ids -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # kind and role               | the id that does not belong
            STAFF PRIMARY                 | members[0].agencyId
            AGENCY_CONTACT BACKUP_AGENCY  | members[0].userId
            """)
    void aMemberIsAPersonOrAnAgencyNotBoth(String kindAndRole, String wrongField) {
        String[] parts = kindAndRole.split(" ");
        List<Team.Member> team = List.of(new Team.Member(TeamMemberKind.valueOf(parts[0]), "u1", "a1",
                TeamRole.valueOf(parts[1])));

        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class, () -> Team.validate(team));

        assertThat(refused.violations()).extracting(Violation::field).contains(wrongField);
    }

    private static List<Team.Member> members(String table) {
        return Arrays.stream(table.split(";\\s*")).map(member -> {
            String[] parts = member.trim().split("\\s+");
            TeamMemberKind kind = TeamMemberKind.valueOf(parts[0]);
            String id = "-".equals(parts[1]) ? null : parts[1];
            boolean agency = kind == TeamMemberKind.AGENCY_CONTACT;
            return new Team.Member(kind, agency ? null : id, agency ? id : null, TeamRole.valueOf(parts[2]));
        }).toList();
    }
}
