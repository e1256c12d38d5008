package jp.tsunagu.cases.api;

import jp.tsunagu.cases.domain.Gender;
import jp.tsunagu.cases.domain.HouseholdMember;
import jp.tsunagu.cases.domain.Intake;
import jp.tsunagu.cases.domain.Relation;
import jp.tsunagu.cases.domain.RelationshipWithSubject;
import jp.tsunagu.cases.domain.Subject;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.service.DuplicateCandidate;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.CrisisUrgency;
import jp.tsunagu.events.cases.IntakeChannel;
import jp.tsunagu.events.cases.Phase;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** CaseMapper between the case API's records and the domain (plain JUnit). */
class CaseMapperTest {

    private static final Instant AT = Instant.parse("2026-04-01T01:00:00Z");
    private static final UUID INBOUND_REFERRAL = UUID.fromString("0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b");

    private static final CaseRequests.Subject SUBJECT = new CaseRequests.Subject(" 山田 ", "太郎 ", " ヤマダ", "タロウ ",
            LocalDate.of(1990, 5, 1), null, Gender.MALE, "東京都", YearMonth.of(2020, 4), List.of(" 鉄道 ", "ギター"));

    @Test
    void mapsARequestToTheDomainTrimmingNamesAndKnowingTheBirthYear() {
        Subject subject = CaseMapper.subject(SUBJECT);

        assertThat(subject).isEqualTo(new Subject("山田", "太郎", "ヤマダ", "タロウ", LocalDate.of(1990, 5, 1), 1990,
                Gender.MALE, "東京都", "2020-04"));
        assertThat(CaseMapper.interests(SUBJECT)).containsExactly("鉄道", "ギター");
        assertThat(CaseMapper.household(null)).isEmpty();
        assertThat(CaseMapper.household(List.of(new CaseRequests.HouseholdMember(Relation.MOTHER, "花子", 1962, "腰痛",
                true, RelationshipWithSubject.TENSE))))
                .containsExactly(new HouseholdMember(Relation.MOTHER, "花子", 1962, "腰痛", true, RelationshipWithSubject.TENSE));
        Intake intake = CaseMapper.intake(new CaseRequests.Intake(OffsetDateTime.parse("2026-04-01T10:00:00+09:00"),
                IntakeChannel.PHONE, new CaseRequests.Consultant(Relation.MOTHER, "花子"), "相談", null));
        assertThat(intake).isEqualTo(new Intake(AT, IntakeChannel.PHONE, Relation.MOTHER, "花子", "相談", null));
        Intake referred = CaseMapper.intake(new CaseRequests.Intake(OffsetDateTime.parse("2026-04-01T10:00:00+09:00"),
                IntakeChannel.REFERRAL, new CaseRequests.Consultant(Relation.OTHER, null), null, INBOUND_REFERRAL));
        assertThat(referred).isEqualTo(new Intake(AT, IntakeChannel.REFERRAL, Relation.OTHER, null, null, INBOUND_REFERRAL));
    }

    @Test
    void theFullViewCarriesEverythingAndTheDescriptionRoundTrips() {
        SupportCase c = aCase();

        CaseResponses.CaseView view = CaseMapper.view(c, true, List.of(
                new DuplicateCandidate(c, EnumSet.of(DuplicateCandidate.Match.KANA_NAME))));

        assertThat(view.id()).isEqualTo(c.id);
        assertThat(view.phase()).isEqualTo(Phase.ASSESSMENT);
        assertThat(view.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(view.openedAt()).isEqualTo(OffsetDateTime.parse("2026-04-01T10:00:00+09:00"));
        assertThat(view.intake().consultant().name()).isEqualTo("花子");
        assertThat(view.intake().inboundReferralId()).isEqualTo(INBOUND_REFERRAL);
        assertThat(view.subject().birthDate()).isEqualTo(LocalDate.of(1990, 5, 1));
        assertThat(view.subject().address()).isEqualTo("東京都");
        assertThat(view.household()).singleElement().satisfies(m -> assertThat(m.health()).isEqualTo("腰痛"));
        assertThat(view.crisisUrgency()).isEqualTo(CrisisUrgency.NONE);
        assertThat(view.warnings()).singleElement()
                .satisfies(w -> assertThat(w.matchedOn()).containsExactly(DuplicateCandidate.Match.KANA_NAME));
        CaseRequests.Description description = CaseMapper.description(c);
        assertThat(CaseMapper.subject(description.subject())).isEqualTo(c.subject);
        assertThat(CaseMapper.household(description.household())).isEqualTo(c.household);
    }

    @Test
    void thePeerViewLeavesOutWhatPeersMayNotSee() {
        SupportCase c = aCase();

        CaseResponses.CaseView view = CaseMapper.view(c, false, List.of());
        CaseResponses.CaseSummary summary = CaseMapper.summary(c, false);

        assertThat(view.intake()).isNull();
        assertThat(view.subject().birthDate()).isNull();
        assertThat(view.subject().birthYear()).isEqualTo(1990);
        assertThat(view.subject().address()).isNull();
        assertThat(view.household()).singleElement().satisfies(m -> assertThat(m.health()).isNull());
        assertThat(view.crisisUrgency()).isNull();
        assertThat(summary.crisisUrgency()).isNull();
        assertThat(summary.familyNameKana()).isEqualTo("ヤマダ");
        assertThat(CaseMapper.summary(c, true).crisisUrgency()).isEqualTo(CrisisUrgency.NONE);
    }

    private static SupportCase aCase() {
        return SupportCase.open("tokyo", "C-2026-000001",
                new Intake(AT, IntakeChannel.REFERRAL, Relation.MOTHER, "花子", "相談", INBOUND_REFERRAL),
                CaseMapper.subject(SUBJECT), CaseMapper.interests(SUBJECT),
                List.of(new HouseholdMember(Relation.MOTHER, "花子", 1962, "腰痛", true, RelationshipWithSubject.TENSE)),
                "supporter-1", AT);
    }
}
