package jp.tsunagu.platform.directory;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.ProblemKind;
import jp.tsunagu.platform.problem.Violation;
import jp.tsunagu.testkit.TestDirectory;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The directory against Keycloak's admin API as the fake plays it: over real HTTP, with the service account's token. */
@QuarkusTest
class UserDirectoryTest {

    private static final Set<String> STAFF = Set.of("supporter", "supervisor");
    private static final Set<String> PEERS = Set.of("peer-supporter");

    @Inject
    UserDirectory directory;

    private static TestTokens.Builder user(String name, String center, String role) {
        TestTokens.Builder user = TestTokens.user(name + "-" + UUID.randomUUID()).roles(role).center(center);
        TestDirectory.knows(user);
        return user;
    }

    private static UserDirectory.Wanted staff(String field, String userId) {
        return new UserDirectory.Wanted(field, userId, STAFF, "staff (supporter or supervisor)");
    }

    private List<Violation> violations(String center, UserDirectory.Wanted... wanted) {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> directory.requireUsersOf(center, List.of(wanted)));
        return refused == null ? List.of() : refused.violations();
    }

    @Test
    void aUserOfTheCenterWithTheRoleIsAccepted() {
        TestTokens.Builder supporter = user("dir-supporter", "tokyo", "supporter");
        TestTokens.Builder peer = user("dir-peer", "tokyo", "peer-supporter");
        directory.requireUsersOf("tokyo", List.of(staff("members[0].userId", supporter.subject()),
                new UserDirectory.Wanted("members[1].userId", peer.subject(), PEERS, "a peer supporter")));

        DirectoryUser found = directory.find(peer.subject()).orElseThrow();
        assertThat(found.id()).isEqualTo(peer.subject());
        assertThat(found.centerId()).contains("tokyo");
        assertThat(found.roles()).contains("peer-supporter", "offline_access");
        assertThat(DirectoryUser.class.getRecordComponents()).extracting(c -> c.getName())
                .containsExactly("id", "enabled", "centerId", "roles");
    }

    @Test
    void anotherCentersUserAndNoOneAreRefusedAlikeNamingTheMember() {
        TestTokens.Builder osaka = user("dir-osaka", "osaka", "supporter");
        TestTokens.Builder tokyo = user("dir-tokyo", "tokyo", "supporter");
        assertThat(violations("tokyo", staff("members[0].userId", tokyo.subject()),
                staff("members[1].userId", osaka.subject()), staff("members[2].userId", UUID.randomUUID().toString())))
                .containsExactly(new Violation("members[1].userId", "is not a user of this case's center"),
                        new Violation("members[2].userId", "is not a user of this case's center"));
    }

    @Test
    void theWrongRoleADisabledAccountAndAnAccountOfNoCenterAreRefused() {
        TestTokens.Builder supporter = user("dir-not-peer", "tokyo", "supporter");
        String disabled = UUID.randomUUID().toString();
        TestDirectory.knows(disabled, "tokyo", false, "supporter");
        String noCenter = UUID.randomUUID().toString();
        TestDirectory.knows(noCenter, null, true, "admin");
        assertThat(violations("tokyo",
                new UserDirectory.Wanted("visitors[0].userId", supporter.subject(), PEERS, "a peer supporter"),
                staff("visitors[1].userId", disabled), staff("visitors[2].userId", noCenter)))
                .containsExactly(new Violation("visitors[0].userId", "is not a peer supporter"),
                        new Violation("visitors[1].userId", "is not a user of this case's center"),
                        new Violation("visitors[2].userId", "is not a user of this case's center"));
    }

    @Test
    void aMalformedIdIsRefusedWithoutAskingKeycloak() {
        TestTokens.Builder supporter = user("dir-malformed", "tokyo", "supporter");
        int before = TestDirectory.adminCalls();
        assertThat(violations("tokyo", staff("members[0].userId", supporter.subject()),
                staff("members[1].userId", "<script>alert(1)</script>"),
                staff("members[2].userId", "../../clients"),
                staff("members[3].userId", supporter.subject().toUpperCase())))
                .extracting(Violation::field).containsExactly("members[1].userId", "members[2].userId", "members[3].userId");
        assertThat(TestDirectory.adminCalls()).isEqualTo(before);
        assertThat(directory.find("<script>")).isEmpty();
        assertThat(TestDirectory.adminCalls()).isEqualTo(before);
    }

    @Test
    void answersAreCachedAndAskedWithTheServiceAccountsToken() {
        TestTokens.Builder supporter = user("dir-cached", "tokyo", "supporter");
        String nobody = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            directory.requireUsersOf("tokyo", List.of(staff("members[0].userId", supporter.subject())));
            assertThat(directory.find(nobody)).isEmpty();
        }
        assertThat(TestDirectory.lookups(supporter.subject())).isEqualTo(1);
        assertThat(TestDirectory.lookups(nobody)).isEqualTo(1);
        // the fake admin API answers only the token its token endpoint gave the service's own client
        assertThat(TestDirectory.tokenRequests("service-kit-test")).isPositive();
    }

    @Test
    void keycloakUnreachableIsUnavailableNeverAPass() {
        TestTokens.Builder supporter = user("dir-outage", "tokyo", "supporter");
        TestDirectory.outage();
        try {
            assertThatThrownBy(() -> directory.requireUsersOf("tokyo", List.of(staff("members[0].userId", supporter.subject()))))
                    .isInstanceOfSatisfying(DirectoryUnavailableException.class,
                            e -> assertThat(e.kind()).isEqualTo(ProblemKind.UNAVAILABLE));
        } finally {
            TestDirectory.restore();
        }
        // a failure is not remembered: the next request asks again
        directory.requireUsersOf("tokyo", List.of(staff("members[0].userId", supporter.subject())));
    }

    @Test
    void anEnabledAccountsAddressIsReadCachedAndNothingForOthers() {
        TestTokens.Builder supporter = user("dir-mail", "tokyo", "supporter");
        String disabled = UUID.randomUUID().toString();
        TestDirectory.knows(disabled, "tokyo", false, "supporter");
        String nobody = UUID.randomUUID().toString();

        for (int i = 0; i < 2; i++) {
            assertThat(directory.emailOf(supporter.subject()))
                    .contains("user-" + supporter.subject().substring(0, 8) + "@example.invalid");
        }
        assertThat(TestDirectory.lookups(supporter.subject())).as("cached").isEqualTo(1);
        assertThat(directory.emailOf(disabled)).isEmpty();
        assertThat(directory.emailOf(nobody)).isEmpty();
        int before = TestDirectory.adminCalls();
        assertThat(directory.emailOf("../../clients")).isEmpty();
        assertThat(TestDirectory.adminCalls()).as("a malformed id is never sent").isEqualTo(before);

        TestDirectory.outage();
        try {
            assertThatThrownBy(() -> directory.emailOf(UUID.randomUUID().toString()))
                    .isInstanceOf(DirectoryUnavailableException.class);
        } finally {
            TestDirectory.restore();
        }
    }
}
