package jp.tsunagu.cases.domain;

import jp.tsunagu.events.cases.ConsultationChannel;
import jp.tsunagu.events.cases.ConsultationTopic;
import jp.tsunagu.events.cases.ConsultedWith;
import jp.tsunagu.platform.problem.ConflictException;
import jp.tsunagu.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of an inquiry (問い合わせ), plain JUnit: who asked, and becoming a case once. */
class InquiryRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");

    @Test
    void anInquiryIsRecordedAsSaidAndRefusedWithoutItsRelation() {
        Inquiry inquiry = Inquiry.record("tokyo", facts(ConsultedWith.FAMILY, Relation.MOTHER), "supporter-1", NOW);
        assertThat(inquiry.id).isNotNull();
        assertThat(inquiry.centerId).isEqualTo("tokyo");
        assertThat(inquiry.relation).isEqualTo(Relation.MOTHER);
        assertThat(inquiry.topics).containsExactlyInAnyOrder(ConsultationTopic.HOW_TO_RESPOND, ConsultationTopic.MONEY);
        assertThat(inquiry.caseId).isNull();

        assertThatThrownBy(() -> Inquiry.record("tokyo", facts(ConsultedWith.FAMILY, null), "supporter-1", NOW))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void anInquiryBecomesACaseOnce() {
        Inquiry inquiry = Inquiry.record("tokyo", facts(ConsultedWith.SUBJECT, null), "supporter-1", NOW);
        UUID first = UUID.randomUUID();
        inquiry.becameCase(first);
        assertThat(inquiry.caseId).isEqualTo(first);

        assertThatThrownBy(() -> inquiry.becameCase(UUID.randomUUID())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(inquiry::requireNoCase).isInstanceOf(ConflictException.class);
        assertThat(inquiry.caseId).isEqualTo(first);
    }

    private static Inquiry.Facts facts(ConsultedWith with, Relation relation) {
        return new Inquiry.Facts(NOW, ConsultationChannel.PHONE, with, relation, AgeBand.AGE_30_TO_39, Gender.MALE,
                Set.of(ConsultationTopic.HOW_TO_RESPOND, ConsultationTopic.MONEY), null);
    }
}
