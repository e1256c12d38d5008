package jp.tsunagu.cases.domain;

import jp.tsunagu.events.cases.ConsultationChannel;
import jp.tsunagu.events.cases.ConsultedWith;
import jp.tsunagu.events.cases.HomeVisitEndReason;
import jp.tsunagu.events.cases.IntakeChannel;
import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.events.visits.VisitKind;
import jp.tsunagu.events.visits.VisitOutcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The sections of the activity report (活動実績報告), in the order it shows them, each with its
 * closed set of items in enum order and the definition of what it counts: every item always
 * appears, zero included, so that the layout of a spreadsheet never changes. Periods are Tokyo
 * days; "in the period" means from its first day's start to its last day's end. Labels are
 * {@link ReportLabels}'.
 */
public enum ReportSection {
    CONSULTATIONS_BY_CHANNEL(names(ConsultationChannel.values()),
            "Consultations of the center's cases (their current version) that occurred in the period, by channel."),
    CONSULTATIONS_BY_WITH(names(ConsultedWith.values()),
            "The same consultations by who consulted (`with`)."),
    FAMILY_CONSULTATIONS_BY_RELATION(names(Relation.values(), "UNKNOWN"),
            "The same consultations with the family (`with` FAMILY) by the family member's relation to the subject;"
                    + " UNKNOWN when none was recorded."),
    INTAKES_BY_CHANNEL(names(IntakeChannel.values()),
            "Intakes: the cases opened in the period, by the channel of their first consultation (`intake.channel`)."),
    CASES(List.of("NEW", "ONGOING", "CLOSED"),
            "NEW: cases opened in the period. ONGOING: cases opened before it and open when it started, or reopened"
                    + " in it. CLOSED: cases closed in it, each once."),
    HOME_VISITS_BY_OUTCOME(except(VisitOutcome.values(), VisitOutcome.CANCELLED),
            "Home visits (kind HOME) that occurred in the period, as case-service learned them from visit-service (a"
                    + " correction replaces the visit's earlier record), by outcome; a CANCELLED visit is no visit."),
    OTHER_VISITS_BY_KIND(except(VisitKind.values(), VisitKind.HOME),
            "Outings, accompaniments and family sessions that occurred in the period (CANCELLED ones are none), by kind."),
    REFERRALS_BY_AGENCY_KIND(names(AgencyKind.values()),
            "Referrals requested in the period, as case-service learned them from referral-service, by the kind of agency."),
    SUBJECTS_BY_AGE_BAND(names(AgeBand.values()),
            "Subjects: the people of the cases NEW or ONGOING in the period, by age band on its last day, from the"
                    + " birth date, or else the birth year (then the younger of the two possible ages); UNKNOWN when"
                    + " neither is known."),
    SUBJECTS_BY_WITHDRAWAL_LENGTH(names(WithdrawalLength.values()),
            "The same subjects by length of withdrawal on the period's last day, in calendar months from the month of"
                    + " `withdrawalSince` to that day's month: UNDER_6_MONTHS 0 to 5, MONTHS_6_TO_11 6 to 11,"
                    + " YEARS_1_TO_2 12 to 35, YEARS_3_TO_4 36 to 59, YEARS_5_TO_9 60 to 119, YEARS_10_TO_19 120 to"
                    + " 239, YEARS_20_OR_MORE 240 or more."),
    HOME_VISIT_ENDINGS_BY_REASON(names(HomeVisitEndReason.values()),
            "Ends of home visits recorded in the period, by reason."),
    INQUIRIES(List.of("TOTAL", "BECAME_CASE"),
            "Inquiries (not, or not yet, a case) that occurred in the period: TOTAL, and BECAME_CASE, those of them a"
                    + " case has been opened from by the time of the report."),
    INQUIRIES_BY_CHANNEL(names(ConsultationChannel.values()),
            "The same inquiries by channel."),
    INQUIRIES_BY_WITH(names(ConsultedWith.values()),
            "The same inquiries by who asked (`with`)."),
    INQUIRIES_BY_AGE_BAND(names(AgeBand.values()),
            "The same inquiries by the age band of the person concerned, as the caller gave it; UNKNOWN when not given."),
    INQUIRIES_BY_REFERRED_TO(names(AgencyKind.values()),
            "The same inquiries by the kind of agency the caller was referred to; those referred nowhere are not in it.");

    private final List<String> items;
    private final String definition;

    ReportSection(List<String> items, String definition) {
        this.items = items;
        this.definition = definition;
    }

    /** What it counts, in English, as the OpenAPI document says it. */
    public String definition() {
        return definition;
    }

    /** Its items, in the order shown. */
    public List<String> items() {
        return items;
    }

    /** Its name in the JSON document: CONSULTATIONS_BY_CHANNEL is consultationsByChannel. */
    public String jsonName() {
        StringBuilder name = new StringBuilder();
        for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    private static List<String> names(Enum<?>[] values, String... more) {
        List<String> names = new ArrayList<>(Arrays.stream(values).map(Enum::name).toList());
        names.addAll(List.of(more));
        return List.copyOf(names);
    }

    private static List<String> except(Enum<?>[] values, Enum<?> left) {
        return Arrays.stream(values).filter(value -> value != left).map(Enum::name).toList();
    }
}
