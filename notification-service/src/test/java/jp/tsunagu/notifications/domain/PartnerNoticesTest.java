package jp.tsunagu.notifications.domain;

import jp.tsunagu.events.referrals.ConsentWithdrawn;
import jp.tsunagu.events.referrals.Party;
import jp.tsunagu.events.referrals.ReferralPurpose;
import jp.tsunagu.events.referrals.ReferralReason;
import jp.tsunagu.events.referrals.ReferralRequested;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.events.referrals.ReferralUrgency;
import jp.tsunagu.notifications.webhooks.WebhookFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which referral-events an agency's webhook tells it of, and only with what it may know. */
class PartnerNoticesTest {

    private static final Instant AT = Instant.parse("2026-11-25T01:00:00Z");

    @Test
    void aReferralSentToAnAgencyTellsItWhatThePartnerApiShowsAndNoMore() {
        UUID referral = UUID.randomUUID();
        ReferralRequested r = WebhookFixtures.requested(referral, UUID.randomUUID(), "tokyo-police", UUID.randomUUID(), AT);
        PartnerNotice notice = PartnerNotices.requested(r);
        assertThat(notice.agencyId()).isEqualTo("tokyo-police");
        assertThat(notice.type()).isEqualTo("referral.requested.v1");
        assertThat(notice.occurredAt()).isEqualTo(AT);
        assertThat(notice.data()).isEqualTo(new PartnerNotice.ReferralRequestedData(referral, "tokyo-police", "tokyo",
                ReferralStatus.REQUESTED, ReferralPurpose.BACKUP, Set.of(ReferralReason.SUSPECTED_MENTAL_ILLNESS,
                ReferralReason.WELFARE_NEED), ReferralUrgency.URGENT, OffsetDateTime.parse("2026-11-26T10:00+09:00"),
                OffsetDateTime.parse("2026-11-25T10:00+09:00")));
        // never the case, the consent, nor who at the center sent it
        assertThat(notice.data().toString()).doesNotContain(r.caseId().toString()).doesNotContain(r.consentId().toString())
                .doesNotContain(r.requestedBy());
    }

    @Test
    void theCenterCancellingASentReferralTellsTheAgency() {
        UUID referral = UUID.randomUUID();
        var cancelled = WebhookFixtures.statusChanged(referral, "tokyo-police", ReferralStatus.ACCEPTED, ReferralStatus.CANCELLED,
                Party.CENTER, AT);
        assertThat(PartnerNotices.statusChanged(cancelled)).hasValueSatisfying(notice -> {
            assertThat(notice.agencyId()).isEqualTo("tokyo-police");
            assertThat(notice.type()).isEqualTo("referral.status-changed.v1");
            assertThat(notice.data()).isEqualTo(new PartnerNotice.ReferralCancelledData(referral, "tokyo-police", "tokyo",
                    ReferralStatus.ACCEPTED, ReferralStatus.CANCELLED, OffsetDateTime.parse("2026-11-25T10:00+09:00")));
            assertThat(notice.data().toString()).doesNotContain(cancelled.caseId().toString()).doesNotContain(cancelled.changedBy());
        });
    }

    @Test
    void theAgencysOwnMovesADraftsCancellationAndOtherMovesAreNotTheWebhooks() {
        UUID referral = UUID.randomUUID();
        assertThat(PartnerNotices.statusChanged(WebhookFixtures.statusChanged(referral, "tokyo-police", ReferralStatus.ACCEPTED,
                ReferralStatus.CANCELLED, Party.AGENCY, AT))).isEmpty();
        assertThat(PartnerNotices.statusChanged(WebhookFixtures.statusChanged(referral, "tokyo-police", ReferralStatus.DRAFT,
                ReferralStatus.CANCELLED, Party.CENTER, AT))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ReferralStatus.class, names = "CANCELLED", mode = EnumSource.Mode.EXCLUDE)
    void noOtherStatusIsTold(ReferralStatus to) {
        for (Party party : Party.values()) {
            assertThat(PartnerNotices.statusChanged(WebhookFixtures.statusChanged(UUID.randomUUID(), "tokyo-police",
                    ReferralStatus.REQUESTED, to, party, AT))).isEmpty();
        }
    }

    @Test
    void aWithdrawnConsentTellsEachAgencyOfItsOwnReferralsOnly() {
        UUID policeOpen = UUID.randomUUID();
        UUID policeDone = UUID.randomUUID();
        UUID clinic = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        ConsentWithdrawn c = WebhookFixtures.withdrawn(UUID.randomUUID(), UUID.randomUUID(), Set.of("tokyo-police", "tokyo-clinic"),
                Set.of(policeOpen, clinic), AT);
        var notices = PartnerNotices.consentWithdrawn(c, Map.of(policeOpen, "tokyo-police", policeDone, "tokyo-police",
                clinic, "tokyo-clinic", elsewhere, "osaka-police"));

        assertThat(notices).extracting(PartnerNotice::agencyId).containsExactlyInAnyOrder("tokyo-police", "tokyo-clinic");
        assertThat(notices).allSatisfy(n -> assertThat(n.type()).isEqualTo("consent.withdrawn.v1"));
        PartnerNotice police = notices.stream().filter(n -> n.agencyId().equals("tokyo-police")).findFirst().orElseThrow();
        var data = (PartnerNotice.ConsentWithdrawnData) police.data();
        assertThat(data.referralIds()).containsExactlyInAnyOrder(policeOpen, policeDone);
        assertThat(data.cancelledReferralIds()).containsExactly(policeOpen);
        assertThat(data.withdrawnOn()).isEqualTo(LocalDate.parse("2026-11-25"));
        assertThat(police.data().toString()).doesNotContain(clinic.toString()).doesNotContain(elsewhere.toString())
                .doesNotContain(c.consentId().toString()).doesNotContain(c.caseId().toString());
    }
}
