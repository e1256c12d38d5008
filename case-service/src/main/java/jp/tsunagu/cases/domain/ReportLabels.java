package jp.tsunagu.cases.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * The Japanese labels of the activity report, in one place: of each section, and of each item
 * (an item's name means the same in every section it appears in: PHONE is 電話, OTHER その他).
 */
public final class ReportLabels {

    private static final Map<ReportSection, String> SECTIONS = new EnumMap<>(Map.ofEntries(
            Map.entry(ReportSection.CONSULTATIONS_BY_CHANNEL, "相談件数（方法別）"),
            Map.entry(ReportSection.CONSULTATIONS_BY_WITH, "相談件数（相談者別）"),
            Map.entry(ReportSection.FAMILY_CONSULTATIONS_BY_RELATION, "家族からの相談件数（続柄別）"),
            Map.entry(ReportSection.INTAKES_BY_CHANNEL, "新規受付件数（受付方法別）"),
            Map.entry(ReportSection.CASES, "ケース数"),
            Map.entry(ReportSection.HOME_VISITS_BY_OUTCOME, "家庭訪問件数（結果別）"),
            Map.entry(ReportSection.OTHER_VISITS_BY_KIND, "外出・同行・家族支援の件数"),
            Map.entry(ReportSection.REFERRALS_BY_AGENCY_KIND, "関係機関へのつなぎ件数（機関種別）"),
            Map.entry(ReportSection.SUBJECTS_BY_AGE_BAND, "対象者数（年齢階級別）"),
            Map.entry(ReportSection.SUBJECTS_BY_WITHDRAWAL_LENGTH, "対象者数（ひきこもり期間別）"),
            Map.entry(ReportSection.HOME_VISIT_ENDINGS_BY_REASON, "訪問支援の終了件数（理由別）"),
            Map.entry(ReportSection.INQUIRIES, "問い合わせ件数"),
            Map.entry(ReportSection.INQUIRIES_BY_CHANNEL, "問い合わせ件数（方法別）"),
            Map.entry(ReportSection.INQUIRIES_BY_WITH, "問い合わせ件数（相談者別）"),
            Map.entry(ReportSection.INQUIRIES_BY_AGE_BAND, "問い合わせ件数（本人の年齢階級別）"),
            Map.entry(ReportSection.INQUIRIES_BY_REFERRED_TO, "問い合わせ件数（紹介先の機関種別）")));

    private static final Map<String, String> ITEMS = Map.ofEntries(
            // channels
            Map.entry("PHONE", "電話"),
            Map.entry("CENTER_VISIT", "来所"),
            Map.entry("VISIT", "来所"),
            Map.entry("EMAIL", "メール"),
            Map.entry("ONLINE", "オンライン"),
            Map.entry("REFERRAL", "関係機関からの紹介"),
            // who consulted, and their relation
            Map.entry("SUBJECT", "本人"),
            Map.entry("FAMILY", "家族"),
            Map.entry("AGENCY", "関係機関"),
            Map.entry("FATHER", "父"),
            Map.entry("MOTHER", "母"),
            Map.entry("SIBLING", "きょうだい"),
            Map.entry("GRANDPARENT", "祖父母"),
            Map.entry("SPOUSE", "配偶者"),
            Map.entry("CHILD", "子"),
            Map.entry("OTHER_RELATIVE", "その他の親族"),
            // cases
            Map.entry("NEW", "新規"),
            Map.entry("ONGOING", "継続"),
            Map.entry("CLOSED", "終結"),
            // visits
            Map.entry("MET_SUBJECT", "本人に会えた"),
            Map.entry("MET_FAMILY_ONLY", "家族のみに会えた"),
            Map.entry("NOT_MET", "会えなかった"),
            Map.entry("OUTING", "外出支援"),
            Map.entry("ACCOMPANIMENT", "同行支援"),
            Map.entry("FAMILY_SESSION", "家族支援"),
            // agency kinds
            Map.entry("POLICE", "警察"),
            Map.entry("PUBLIC_HEALTH_CENTER", "保健所"),
            Map.entry("MUNICIPAL_HEALTH_CENTER", "市町村保健センター"),
            Map.entry("HOSPITAL", "病院"),
            Map.entry("PSYCHIATRIC_CLINIC", "精神科診療所"),
            Map.entry("DISABILITY_SUPPORT_CENTER", "障害者相談支援センター"),
            Map.entry("WELFARE_OFFICE", "福祉事務所"),
            Map.entry("SOCIAL_WELFARE_COUNCIL", "社会福祉協議会"),
            Map.entry("EMPLOYMENT_SUPPORT", "就労支援機関"),
            Map.entry("DROP_IN_PLACE", "居場所"),
            Map.entry("FAMILY_ASSOCIATION", "家族会（親の会）"),
            Map.entry("VISITING_NURSE", "訪問看護ステーション"),
            // age bands
            Map.entry("UNDER_15", "15歳未満"),
            Map.entry("AGE_15_TO_19", "15〜19歳"),
            Map.entry("AGE_20_TO_29", "20〜29歳"),
            Map.entry("AGE_30_TO_39", "30〜39歳"),
            Map.entry("AGE_40_TO_49", "40〜49歳"),
            Map.entry("AGE_50_TO_59", "50〜59歳"),
            Map.entry("AGE_60_TO_64", "60〜64歳"),
            Map.entry("AGE_65_OR_OVER", "65歳以上"),
            // lengths of withdrawal
            Map.entry("UNDER_6_MONTHS", "6か月未満"),
            Map.entry("MONTHS_6_TO_11", "6か月以上1年未満"),
            Map.entry("YEARS_1_TO_2", "1年以上3年未満"),
            Map.entry("YEARS_3_TO_4", "3年以上5年未満"),
            Map.entry("YEARS_5_TO_9", "5年以上10年未満"),
            Map.entry("YEARS_10_TO_19", "10年以上20年未満"),
            Map.entry("YEARS_20_OR_MORE", "20年以上"),
            // ends of home visits
            Map.entry("MOVED_TO_CENTER_SUPPORT", "来所支援へ移行"),
            Map.entry("EMPLOYED", "就労"),
            Map.entry("CONNECTED_TO_OTHER_AGENCY", "他機関につながった"),
            Map.entry("SUBJECT_DECLINED", "本人が終了を希望"),
            Map.entry("MOVED_AWAY", "転居"),
            // inquiries
            Map.entry("TOTAL", "合計"),
            Map.entry("BECAME_CASE", "ケースになったもの"),
            // in many sets
            Map.entry("OTHER", "その他"),
            Map.entry("UNKNOWN", "不明"));

    private ReportLabels() {
    }

    public static String section(ReportSection section) {
        return SECTIONS.get(section);
    }

    public static String item(String item) {
        String label = ITEMS.get(item);
        if (label == null) {
            throw new IllegalArgumentException("no label for the item " + item);
        }
        return label;
    }
}
