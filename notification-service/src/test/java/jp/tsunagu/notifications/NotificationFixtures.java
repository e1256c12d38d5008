package jp.tsunagu.notifications;

import io.quarkus.arc.Arc;
import io.quarkus.cache.CacheManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import jp.tsunagu.events.cases.CaseOpened;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.CaseTeamChanged;
import jp.tsunagu.events.cases.IntakeChannel;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.events.cases.TeamMember;
import jp.tsunagu.events.cases.TeamMemberKind;
import jp.tsunagu.events.cases.TeamRole;
import jp.tsunagu.notifications.domain.Notification;
import jp.tsunagu.notifications.domain.NotificationKind;
import jp.tsunagu.testkit.EventPublisher;
import jp.tsunagu.testkit.TestDirectory;
import jp.tsunagu.testkit.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * A center of its own per test class (so who is told can be counted exactly), its people known to
 * the directory, cases made known through real case-events, and reads of the inbox table.
 */
public final class NotificationFixtures {

    /** The people of one center: a case's team (primary, secondary, peer), two supervisors; an operator. */
    public record Center(String id, TestTokens.Builder primary, TestTokens.Builder secondary, TestTokens.Builder peer,
                         TestTokens.Builder supervisor, TestTokens.Builder deputy, TestTokens.Builder admin) {

        /** A new center and its people, known to the directory (and the directory's role cache emptied). */
        public static Center create(String prefix) {
            String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
            Center center = new Center(id,
                    TestTokens.user(id + "-primary").roles("supporter").center(id),
                    TestTokens.user(id + "-secondary").roles("supporter").center(id),
                    TestTokens.user(id + "-peer").roles("peer-supporter").center(id),
                    TestTokens.user(id + "-supervisor").roles("supervisor").center(id),
                    TestTokens.user(id + "-deputy").roles("supervisor").center(id),
                    TestTokens.user(id + "-admin").roles("admin"));
            TestDirectory.knows(center.primary, center.secondary, center.peer, center.supervisor, center.deputy,
                    center.admin);
            forgetRoleHolders();
            return center;
        }

        /** An open case of this center whose team is the primary, the secondary and the peer, known here. */
        public UUID openCase() {
            UUID caseId = UUID.randomUUID();
            EventPublisher.publish(new CaseOpened(caseId, id, "C-2026-777777", Phase.OUTREACH, CaseStatus.OPEN,
                    IntakeChannel.PHONE, Instant.now(), primary.subject(), null));
            List<TeamMember> members = new ArrayList<>(List.of(
                    new TeamMember(TeamMemberKind.STAFF, primary.subject(), null, TeamRole.PRIMARY),
                    new TeamMember(TeamMemberKind.STAFF, secondary.subject(), null, TeamRole.SECONDARY),
                    new TeamMember(TeamMemberKind.PEER_SUPPORTER, peer.subject(), null, TeamRole.PEER),
                    new TeamMember(TeamMemberKind.AGENCY_CONTACT, null, "tokyo-police", TeamRole.BACKUP_AGENCY)));
            EventPublisher.publish(new CaseTeamChanged(caseId, id, members, Instant.now(), supervisor.subject()));
            await().atMost(Duration.ofSeconds(30)).until(() -> count(
                    "select count(*) from case_scope_member where case_id = :id", caseId) == 3);
            return caseId;
        }

        public List<TestTokens.Builder> team() {
            return List.of(primary, secondary, peer);
        }

        public List<TestTokens.Builder> supervisors() {
            return List.of(supervisor, deputy);
        }
    }

    private NotificationFixtures() {
    }

    public static RequestSpecification as(TestTokens.Builder caller) {
        return given().auth().oauth2(caller.token()).contentType("application/json");
    }

    /** A user's notifications of that kind about that case, oldest first. */
    public static List<Notification> notifications(TestTokens.Builder user, NotificationKind kind, UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> em().createQuery(
                        "from Notification n where n.recipientId = :r and n.kind = :k and n.caseId = :c order by n.seq",
                        Notification.class)
                .setParameter("r", user.subject()).setParameter("k", kind).setParameter("c", caseId).getResultList());
    }

    /** Who was told of that kind about that case: user ids, one per notification. */
    public static List<String> told(NotificationKind kind, UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> em().createQuery(
                        "select n.recipientId from Notification n where n.kind = :k and n.caseId = :c order by n.recipientId",
                        String.class)
                .setParameter("k", kind).setParameter("c", caseId).getResultList());
    }

    public static long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em().createNativeQuery(sql)
                .setParameter("id", parameter).getSingleResult()).longValue());
    }

    public static List<String> ids(TestTokens.Builder... users) {
        return java.util.Arrays.stream(users).map(TestTokens.Builder::subject).sorted().toList();
    }

    /** The directory's cache of who holds a role: emptied when a test declares new people. */
    public static void forgetRoleHolders() {
        Arc.container().instance(CacheManager.class).get().getCache("tsunagu-directory-roles")
                .ifPresent(cache -> cache.invalidateAll().await().indefinitely());
    }

    private static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }
}
