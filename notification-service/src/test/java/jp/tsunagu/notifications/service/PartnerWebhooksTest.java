package jp.tsunagu.notifications.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import jp.tsunagu.events.referrals.ConsentWithdrawn;
import jp.tsunagu.events.referrals.Party;
import jp.tsunagu.events.referrals.ReferralOverdue;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.events.referrals.ReferralUrgency;
import jp.tsunagu.platform.inbox.IncomingEvent;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static jp.tsunagu.notifications.webhooks.WebhookFixtures.agencyId;
import static jp.tsunagu.testkit.SqlRows.column;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.deliveriesOf;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.deliveryFor;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.incoming;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.receive;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.requested;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.statusChanged;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * referral-events become deliveries in the inbox's transaction: the events an agency is told of,
 * each once per agency however often it comes, and a withdrawn consent with each agency's own
 * referrals only.
 */
@QuarkusTest
class PartnerWebhooksTest {

    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Inject
    PartnerWebhooks webhooks;
    @Inject
    DataSource database;
    @Inject
    ObjectMapper json;

    @Test
    void aRedeliveredEventQueuesNothingMore() {
        String agency = agencyId("again");
        IncomingEvent event = incoming(requested(agency, AT));
        receive(webhooks, event);
        UUID delivery = deliveryFor(database, event, agency);
        receive(webhooks, event);
        receive(webhooks, incoming(event.envelope().id(), event.data()));
        assertThat(deliveriesOf(database, agency)).containsExactly(delivery);
    }

    @Test
    void itRunsInTheInboxsTransactionOnly() {
        assertThatThrownBy(() -> webhooks.onEvent(incoming(requested(agencyId("outside"), AT))))
                .isInstanceOf(TransactionalException.class);
    }

    @Test
    void theCenterCancellingIsToldAndTheAgencysOwnMovesAndOtherEventsAreNot() {
        String agency = agencyId("moves");
        UUID referral = UUID.randomUUID();
        receive(webhooks, incoming(requested(referral, UUID.randomUUID(), agency, UUID.randomUUID(), AT)));
        receive(webhooks, incoming(statusChanged(referral, agency, ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED, Party.AGENCY, AT)));
        receive(webhooks, incoming(statusChanged(referral, agency, ReferralStatus.ACCEPTED, ReferralStatus.CANCELLED, Party.AGENCY, AT)));
        receive(webhooks, incoming(new ReferralOverdue(referral, UUID.randomUUID(), "tokyo", agency, ReferralUrgency.URGENT, AT, AT)));
        assertThat(column(database, "select type from webhook_delivery where agency_id = ?", agency))
                .containsExactly("referral.requested.v1");

        IncomingEvent cancelled = incoming(statusChanged(referral, agency, ReferralStatus.ACCEPTED, ReferralStatus.CANCELLED,
                Party.CENTER, AT));
        receive(webhooks, cancelled);
        UUID delivery = deliveryFor(database, cancelled, agency);
        assertThat(column(database, "select concat(type, ' ', state) from webhook_delivery where id = ?", delivery))
                .containsExactly("referral.status-changed.v1 PENDING");
    }

    @Test
    void aWithdrawnConsentTellsEachAgencyOnceWithItsOwnReferrals() throws Exception {
        String police = agencyId("police");
        String clinic = agencyId("clinic");
        UUID consent = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        UUID policeOpen = UUID.randomUUID();
        UUID policeDone = UUID.randomUUID();
        UUID clinicOpen = UUID.randomUUID();
        receive(webhooks, incoming(requested(policeOpen, caseId, police, consent, AT)));
        receive(webhooks, incoming(requested(policeDone, caseId, police, consent, AT)));
        receive(webhooks, incoming(requested(clinicOpen, caseId, clinic, consent, AT)));

        ConsentWithdrawn withdrawal = withdrawn(consent, caseId, Set.of(police, clinic), Set.of(policeOpen, clinicOpen), AT);
        IncomingEvent event = incoming(withdrawal);
        receive(webhooks, event);
        receive(webhooks, event);

        JsonNode toPolice = payload(deliveryFor(database, event, police));
        assertThat(toPolice.path("type").asText()).isEqualTo("consent.withdrawn.v1");
        JsonNode data = toPolice.path("data");
        assertThat(data.path("agencyId").asText()).isEqualTo(police);
        assertThat(texts(data.path("referralIds"))).containsExactlyInAnyOrder(policeOpen.toString(), policeDone.toString());
        assertThat(texts(data.path("cancelledReferralIds"))).containsExactly(policeOpen.toString());
        assertThat(data.path("withdrawnOn").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(toPolice.toString()).doesNotContain(clinicOpen.toString()).doesNotContain(consent.toString())
                .doesNotContain(caseId.toString());

        JsonNode toClinic = payload(deliveryFor(database, event, clinic)).path("data");
        assertThat(texts(toClinic.path("referralIds"))).containsExactly(clinicOpen.toString());
        assertThat(texts(toClinic.path("cancelledReferralIds"))).containsExactly(clinicOpen.toString());
        assertThat(column(database, "select count(*) from webhook_delivery where event_id = ?", event.envelope().id()))
                .containsExactly("2");
    }

    private JsonNode payload(UUID delivery) throws Exception {
        return json.readTree(column(database, "select payload from webhook_delivery where id = ?", delivery).getFirst());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
