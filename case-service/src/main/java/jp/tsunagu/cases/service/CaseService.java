package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.HouseholdMember;
import jp.tsunagu.cases.domain.Intake;
import jp.tsunagu.cases.domain.KanaFolding;
import jp.tsunagu.cases.domain.Subject;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.domain.TeamMember;
import jp.tsunagu.cases.domain.TimelineKind;
import jp.tsunagu.cases.events.CaseEvents;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.events.cases.CaseSection;
import jp.tsunagu.events.cases.CrisisUrgency;
import jp.tsunagu.events.cases.TeamMemberKind;
import jp.tsunagu.events.cases.TeamRole;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.audit.Identified;
import jp.tsunagu.platform.http.Versions;
import jp.tsunagu.platform.paging.Cursor;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.security.CallerScope;
import jp.tsunagu.platform.time.Tokyo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Opening, reading, describing and listing cases. */
@ApplicationScoped
@Transactional
public class CaseService {

    /** A new case and the existing ones it may duplicate. */
    public record Opened(SupportCase supportCase, List<DuplicateCandidate> warnings) implements Identified {
        @Override
        public Object id() {
            return supportCase.id;
        }
    }

    /** The subject and household of a case, as a description replaces them. */
    public record Description(Subject subject, List<String> interests, List<HouseholdMember> household) {
    }

    private final EntityManager em;
    private final CaseAccess access;
    private final CaseNumbers numbers;
    private final CaseJournal journal;
    private final Clock clock;

    CaseService(EntityManager em, CaseAccess access, CaseNumbers numbers, CaseJournal journal, Clock clock) {
        this.em = em;
        this.access = access;
        this.numbers = numbers;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Opens a case; a supporter who opens it becomes its PRIMARY (else they could not see it).
     *
     * @param fromInquiry the inquiry (問い合わせ) it is opened from, kept with the case; empty for none
     */
    @Audited(action = "case.open", objectType = "case")
    public Opened open(Intake intake, Subject subject, List<String> interests, List<HouseholdMember> household,
                       Optional<UUID> fromInquiry) {
        CallerScope caller = access.caller();
        String center = caller.requireCenter();
        Instant now = clock.instant();
        List<DuplicateCandidate> warnings = duplicates(subject.familyNameKana(), subject.givenNameKana(),
                Optional.ofNullable(subject.birthDate()), Optional.ofNullable(subject.knownBirthYear()));
        SupportCase opened = SupportCase.open(center, numbers.next(center, Tokyo.day(now).getYear()), intake, subject,
                interests, household, caller.userId(), now);
        opened.inquiryId = fromInquiry.orElse(null);
        em.persist(opened);
        TeamMember primary = TeamMember.of(opened.id, 0, TeamMemberKind.STAFF, caller.userId(), null, TeamRole.PRIMARY);
        em.persist(primary);
        em.flush();
        // the team is formed with the case: other services learn who may see it from the team event
        journal.record(opened, TimelineKind.CASE_OPENED, opened.id, now, Map.of("channel", intake.channel().name()),
                CaseEvents.opened(opened), CaseEvents.teamChanged(opened, List.of(primary), caller.userId(), now));
        return new Opened(opened, warnings);
    }

    @Audited(action = "case.read", objectType = "case")
    public SupportCase get(@AuditObjectId UUID caseId) {
        return access.readable(caseId);
    }

    /** Replaces the subject and household with what {@code change} makes of the case as it is (a merge patch). */
    @Audited(action = "case.update", objectType = "case")
    public SupportCase describe(@AuditObjectId UUID caseId, long expectedVersion, Function<SupportCase, Description> change) {
        SupportCase supportCase = access.writable(caseId);
        Versions.check(expectedVersion, supportCase.version);
        Description description = change.apply(supportCase);
        Subject subject = description.subject();
        List<String> interests = description.interests();
        List<HouseholdMember> household = description.household();
        Set<CaseSection> sections = EnumSet.noneOf(CaseSection.class);
        if (!subject.equals(supportCase.subject) || !interests.equals(supportCase.interests)) {
            sections.add(CaseSection.SUBJECT);
        }
        if (!household.equals(supportCase.household)) {
            sections.add(CaseSection.HOUSEHOLD);
        }
        if (sections.isEmpty()) {
            return supportCase;
        }
        supportCase.describe(subject, interests, household);
        Instant now = Instant.now();
        em.flush();
        journal.record(supportCase, TimelineKind.CASE_UPDATED, supportCase.id, now,
                Map.of("sections", sections.stream().map(Enum::name).sorted().toList()),
                CaseEvents.updated(supportCase, sections, access.caller().userId(), now));
        return supportCase;
    }

    @Audited(action = "case.list", objectType = "case")
    public Page<SupportCase> list(CaseQuery query, PageRequest page) {
        StringBuilder jpql = new StringBuilder("from SupportCase c where c.centerId = :center");
        Map<String, Object> parameters = new HashMap<>();
        CallerScope caller = access.caller();
        parameters.put("center", caller.requireCenter());
        if (!access.seesWholeCenter() || query.assignedToMe()) {
            jpql.append(" and exists (select 1 from TeamMember m where m.key.caseId = c.id and m.userId = :me)");
            parameters.put("me", caller.userId());
        }
        query.phase().ifPresent(phase -> {
            jpql.append(" and c.phase = :phase");
            parameters.put("phase", phase);
        });
        query.status().ifPresent(status -> {
            jpql.append(" and c.status = :status");
            parameters.put("status", status);
        });
        if (query.inCrisis()) {
            jpql.append(" and c.crisisUrgency <> :none");
            parameters.put("none", CrisisUrgency.NONE);
        }
        if (query.visitOverdue()) {
            jpql.append(" and c.visitOverdueSince is not null");
        }
        if (query.reviewDue()) {
            // SupportCase.reviewDueOn, as a query (the partial index support_case_review_due serves it)
            jpql.append(" and c.status = jp.tsunagu.events.cases.CaseStatus.OPEN and c.nextReviewOn < :today");
            parameters.put("today", Tokyo.day(clock.instant()));
        }
        Optional<NameSearch> search = query.text().flatMap(NameSearch::of);
        search.ifPresent(names -> {
            jpql.append(" and ").append(names.condition());
            parameters.putAll(names.parameters());
        });
        page.after().ifPresent(cursor -> {
            jpql.append(" and (c.updatedAt, c.id) < (:afterAt, :afterId)");
            parameters.put("afterAt", cursor.instant(0));
            parameters.put("afterId", cursor.uuid(1));
        });
        jpql.append(search.isPresent() ? NameSearch.ORDER : " order by c.updatedAt desc, c.id desc");
        TypedQuery<SupportCase> typed = em.createQuery(jpql.toString(), SupportCase.class);
        parameters.forEach(typed::setParameter);
        List<SupportCase> rows = typed.setMaxResults(page.limit() + 1).getResultList();
        return page.page(rows, c -> Cursor.of(c.updatedAt, c.id));
    }

    /**
     * Cases of the caller's center whose subject has the same kana name (width and kana folded),
     * with the birth date or year when both sides know it.
     */
    @Audited(action = "case.duplicate-check", objectType = "case")
    public List<DuplicateCandidate> potentialDuplicates(String familyNameKana, String givenNameKana,
                                                        Optional<LocalDate> birthDate, Optional<Integer> birthYear) {
        return duplicates(familyNameKana, givenNameKana, birthDate, birthYear);
    }

    private List<DuplicateCandidate> duplicates(String familyNameKana, String givenNameKana,
                                                Optional<LocalDate> birthDate, Optional<Integer> birthYear) {
        String kanaKey = KanaFolding.fold(familyNameKana + givenNameKana);
        List<SupportCase> sameName = em.createQuery(
                        "from SupportCase c where c.centerId = :center and c.kanaKey = :kana order by c.openedAt", SupportCase.class)
                .setParameter("center", access.caller().requireCenter()).setParameter("kana", kanaKey)
                .setMaxResults(50).getResultList();
        Optional<Integer> year = birthDate.map(LocalDate::getYear).or(() -> birthYear);
        return sameName.stream().map(c -> match(c, birthDate, year)).flatMap(Optional::stream).toList();
    }

    private static Optional<DuplicateCandidate> match(SupportCase c, Optional<LocalDate> birthDate, Optional<Integer> year) {
        Set<DuplicateCandidate.Match> matched = EnumSet.of(DuplicateCandidate.Match.KANA_NAME);
        Optional<Integer> theirYear = Optional.ofNullable(c.subject.knownBirthYear());
        if (birthDate.isPresent() && c.subject.birthDate() != null) {
            if (!birthDate.get().equals(c.subject.birthDate())) {
                return Optional.empty();
            }
            matched.add(DuplicateCandidate.Match.BIRTH_DATE);
            matched.add(DuplicateCandidate.Match.BIRTH_YEAR);
        } else if (year.isPresent() && theirYear.isPresent()) {
            if (!year.get().equals(theirYear.get())) {
                return Optional.empty();
            }
            matched.add(DuplicateCandidate.Match.BIRTH_YEAR);
        }
        return Optional.of(new DuplicateCandidate(c, matched));
    }
}
