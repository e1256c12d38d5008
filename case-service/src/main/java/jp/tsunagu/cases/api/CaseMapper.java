package jp.tsunagu.cases.api;

import jp.tsunagu.cases.domain.HouseholdMember;
import jp.tsunagu.cases.domain.Intake;
import jp.tsunagu.cases.domain.Subject;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.service.DuplicateCandidate;
import jp.tsunagu.platform.time.Tokyo;

import java.time.YearMonth;
import java.util.List;


/** Between the case API's records and the domain; {@code sensitive} false gives the peer view. */
final class CaseMapper {

    private CaseMapper() {
    }

    static Intake intake(CaseRequests.Intake intake) {
        return new Intake(intake.receivedAt().toInstant(), intake.channel(), intake.consultant().relation(),
                intake.consultant().name(), intake.summary(), intake.inboundReferralId());
    }

    static Subject subject(CaseRequests.Subject s) {
        return new Subject(s.familyName().strip(), s.givenName().strip(), s.familyNameKana().strip(),
                s.givenNameKana().strip(), s.birthDate(), s.birthDate() != null ? Integer.valueOf(s.birthDate().getYear())
                : s.birthYear(), s.gender(), s.address(), s.withdrawalSince().toString());
    }

    static List<String> interests(CaseRequests.Subject s) {
        return s.interests() == null ? List.of() : s.interests().stream().map(String::strip).toList();
    }

    static List<HouseholdMember> household(List<CaseRequests.HouseholdMember> household) {
        return household == null ? List.of() : household.stream().map(m -> new HouseholdMember(m.relation(), m.name(),
                m.birthYear(), m.health(), m.keyPerson(), m.relationshipWithSubject())).toList();
    }

    static CaseRequests.Description description(SupportCase c) {
        Subject s = c.subject;
        return new CaseRequests.Description(new CaseRequests.Subject(s.familyName(), s.givenName(), s.familyNameKana(),
                s.givenNameKana(), s.birthDate(), s.birthYear(), s.gender(), s.address(), YearMonth.parse(s.withdrawalSince()),
                c.interests),
                c.household.stream().map(m -> new CaseRequests.HouseholdMember(m.relation(), m.name(), m.birthYear(),
                        m.health(), m.keyPerson(), m.relationshipWithSubject())).toList());
    }

    static CaseResponses.CaseView view(SupportCase c, boolean sensitive, List<DuplicateCandidate> warnings) {
        Subject s = c.subject;
        CaseResponses.SubjectView subject = new CaseResponses.SubjectView(s.familyName(), s.givenName(), s.familyNameKana(),
                s.givenNameKana(), sensitive ? s.birthDate() : null, s.knownBirthYear(), s.gender(),
                sensitive ? s.address() : null, s.withdrawalSince(), c.interests);
        List<CaseResponses.HouseholdMemberView> household = c.household.stream()
                .map(m -> new CaseResponses.HouseholdMemberView(m.relation(), m.name(), m.birthYear(),
                        sensitive ? m.health() : null, m.keyPerson(), m.relationshipWithSubject())).toList();
        CaseResponses.IntakeView intake = sensitive ? new CaseResponses.IntakeView(Tokyo.offset(c.intake.receivedAt()), c.intake.channel(),
                new CaseResponses.ConsultantView(c.intake.consultantRelation(), c.intake.consultantName()), c.intake.summary(),
                c.intake.inboundReferralId()) : null;
        return new CaseResponses.CaseView(c.id, c.caseNumber, c.centerId, c.phase, c.status, c.version, Tokyo.offset(c.openedAt),
                c.openedBy, Tokyo.offset(c.updatedAt), intake, subject, household, sensitive ? c.crisisUrgency : null,
                c.visitOverdueSince != null, c.homeVisitsEndedOn, c.homeVisitEndReason, Tokyo.offset(c.closedAt),
                sensitive ? c.inquiryId : null, c.nextReviewOn, warnings.stream().map(CaseMapper::duplicate).toList());
    }

    static CaseResponses.CaseSummary summary(SupportCase c, boolean sensitive) {
        Subject s = c.subject;
        return new CaseResponses.CaseSummary(c.id, c.caseNumber, c.phase, c.status, s.familyName(), s.givenName(),
                s.familyNameKana(), s.givenNameKana(), sensitive ? c.crisisUrgency : null, c.visitOverdueSince != null,
                c.nextReviewOn, Tokyo.offset(c.updatedAt), c.version);
    }

    static CaseResponses.DuplicateView duplicate(DuplicateCandidate candidate) {
        SupportCase c = candidate.supportCase();
        return new CaseResponses.DuplicateView(c.id, c.caseNumber, c.phase, c.status, c.subject.familyNameKana(),
                c.subject.givenNameKana(), c.subject.knownBirthYear(), candidate.matchedOn());
    }
}
