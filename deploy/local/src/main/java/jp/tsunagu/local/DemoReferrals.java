package jp.tsunagu.local;

import com.fasterxml.jackson.databind.JsonNode;
import jp.tsunagu.infra.InfraException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Consents and referrals of the Tokyo demo cases, in several states, loaded like the demo cases
 * through the real API: the supporter's login on the center's side, the demo agencies' own
 * client-credentials tokens on theirs (tokyo-health-center, tokyo-police), and a supporter entering
 * the answers of agencies without systems (by phone or fax). One referral is overdue a few seconds
 * after loading; the police refer a household to the center (inbound). Only where the center has
 * no referral yet.
 */
final class DemoReferrals {

    private static final String HEALTH_CENTER = "tokyo-health-center";
    private static final String POLICE = "tokyo-police";

    private final ApiClient api;

    DemoReferrals(ApiClient api) {
        this.api = api;
    }

    /** Loads the demo referrals if Tokyo has none; answers how many referrals it made. */
    int loadWhereEmpty() {
        String supervisor = api.login("tokyo-supervisor");
        if (api.call(supervisor, "GET", Service.REFERRAL, "/api/v1/referrals?limit=1", null, Map.of(), 200)
                .get("items").size() > 0) {
            return 0;
        }
        String supporter = api.login("tokyo-supporter-1");
        String health = api.clientLogin("agency-" + HEALTH_CENTER, "agency-" + HEALTH_CENTER + "-secret");
        String police = api.clientLogin("agency-" + POLICE, "agency-" + POLICE + "-secret");
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();

        // 中村さん: refuses to see a doctor; the family consents to the health center's backup, which takes it on
        String nakamura = caseOf(supervisor, "ナカムラ");
        String family = consent(supporter, nakamura, "FAMILY", List.of(), List.of("PUBLIC_HEALTH_CENTER", "PSYCHIATRIC_CLINIC"),
                List.of("BACKUP", "CONSULTATION"), today);
        String toHealth = refer(supporter, nakamura, HEALTH_CENTER, "BACKUP", List.of("SUSPECTED_MENTAL_ILLNESS"), "ROUTINE",
                "20代女性。体調不良を訴えるが受診を拒否。母親が保健所の精神保健福祉相談を希望。訪問時の同行をお願いしたい。",
                family, null);
        partner(health, "GET", "/api/v1/partner/referrals/" + toHealth, null, 200); // read: the center sees it arrived
        partner(health, "POST", "/api/v1/partner/referrals/" + toHealth + "/status", Map.of("status", "ACCEPTED",
                "note", "担当保健師を決めました。来週ご連絡します。"), 200);
        partner(health, "POST", "/api/v1/partner/referrals/" + toHealth + "/status", Map.of("status", "IN_PROGRESS"), 200);

        // 山本さん: violence at night, an imminent risk: the police are told without consent, to protect life and body
        String yamamoto = caseOf(supervisor, "ヤマモト");
        String toPolice = refer(supporter, yamamoto, POLICE, "CRISIS_INTERVENTION", List.of("HARM_TO_OTHERS_RISK"), "EMERGENCY",
                "40代男性。夜間に父親と口論し物を壊した。両親は70代後半。再発時の110番通報に備えて情報共有をお願いしたい。",
                null, "家族に危害が及ぶおそれがあり、本人の同意を得ることが困難なため（生命・身体の保護）");
        partner(police, "POST", "/api/v1/partner/referrals/" + toPolice + "/status", Map.of("status", "ACCEPTED"), 200);
        partner(police, "POST", "/api/v1/partner/referrals/" + toPolice + "/status", Map.of("status", "COMPLETED",
                "outcome", "NO_FURTHER_ACTION", "note", "地域課と共有済み。"), 200);

        // 小林さん: the drop-in place has no system: its answers come by phone and fax
        String kobayashi = caseOf(supervisor, "コバヤシ");
        String subject = consent(supporter, kobayashi, "SUBJECT", List.of("shinjuku-drop-in-place"), List.of(),
                List.of("CONSULTATION"), today);
        String toDropIn = refer(supporter, kobayashi, "shinjuku-drop-in-place", "CONSULTATION", List.of("OTHER"), "ROUTINE",
                "20代男性。ボードゲームが好き。見学を希望しています。", subject, null);
        answer(supporter, toDropIn, "PHONE", Map.of("status", "ACCEPTED", "note", "見学日を調整します（電話）"));
        answer(supporter, toDropIn, "FAX", Map.of("status", "COMPLETED", "outcome", "SERVICE_STARTED"));

        // 伊藤さん: the mother withdrew her consent; the clinic's referral was cancelled with it
        String ito = caseOf(supervisor, "イトウ");
        String withdrawn = consent(supporter, ito, "FAMILY", List.of("tokyo-mental-clinic"), List.of(), List.of("CONSULTATION"),
                today);
        refer(supporter, ito, "tokyo-mental-clinic", "CONSULTATION", List.of("SUSPECTED_MENTAL_ILLNESS"), "ROUTINE",
                "20代女性。気分の落ち込みが続く。受診先の相談。", withdrawn, null);
        api.call(supporter, "POST", Service.REFERRAL, "/api/v1/consents/" + withdrawn + "/withdrawal", null, Map.of(), 200);

        // 渡辺さん: an urgent referral the health center has not answered: overdue a few seconds from now
        String watanabe = caseOf(supervisor, "ワタナベ");
        String agreed = consent(supporter, watanabe, "FAMILY", List.of(HEALTH_CENTER), List.of(), List.of("BACKUP"), today);
        Map<String, Object> overdue = referral(watanabe, HEALTH_CENTER, "BACKUP", List.of("SELF_HARM_RISK"), "URGENT",
                "30代男性。最近、自分を傷つけるような発言があったと父親から連絡。", agreed, null);
        overdue.put("respondBy", Instant.now().plus(5, ChronoUnit.SECONDS).toString());
        api.call(supporter, "POST", Service.REFERRAL, "/api/v1/referrals", overdue, Map.of(), 201);

        // 高橋さん: a draft to the disability support center, not sent yet (the agency does not see it)
        String takahashi = caseOf(supervisor, "タカハシ");
        String draftConsent = consent(supporter, takahashi, "GUARDIAN", List.of(), List.of("DISABILITY_SUPPORT_CENTER"),
                List.of("CONSULTATION"), today);
        Map<String, Object> draft = referral(takahashi, "shinjuku-disability-support", "CONSULTATION",
                List.of("SUSPECTED_INTELLECTUAL_DISABILITY"), "ROUTINE", "20代男性。発達の特性について相談したい。", draftConsent, null);
        draft.put("draft", true);
        api.call(supporter, "POST", Service.REFERRAL, "/api/v1/referrals", draft, Map.of(), 201);

        // the police refer a household to the center: the center sees it as inbound and may open a case from it
        partner(police, "POST", "/api/v1/partner/referrals", Map.of("centerId", "tokyo",
                "reasons", List.of("WELFARE_NEED"), "urgency", "ROUTINE",
                "sharedSummary", "近隣からの通報で訪問。30代の息子が長年自宅にこもっている様子。母親が相談先を知りたいとのこと。",
                "contactPerson", Map.of("name", "母（氏名は電話で）", "relation", "MOTHER", "phone", "03-0000-9999"),
                "concern", "息子が10年近く外出していない。母親も高齢で今後が不安。",
                "consentHeld", true, "doNotContactDirectly", true), 201);
        return 6;
    }

    private String caseOf(String supervisor, String kana) {
        JsonNode found = api.call(supervisor, "GET", Service.CASE, "/api/v1/cases?q=" + URLEncoder.encode(kana, StandardCharsets.UTF_8),
                null, Map.of(), 200).get("items");
        if (found.isEmpty()) {
            throw new InfraException("demo data: no demo case " + kana);
        }
        return found.get(0).get("id").asText();
    }

    private String consent(String token, String caseId, String grantedBy, List<String> agencyIds, List<String> kinds,
                           List<String> purposes, String grantedOn) {
        Map<String, Object> body = new HashMap<>(Map.of("grantedBy", grantedBy, "agencyIds", agencyIds, "agencyKinds", kinds,
                "purposes", purposes, "method", "WRITTEN", "grantedOn", grantedOn));
        return api.call(token, "POST", Service.REFERRAL, "/api/v1/cases/" + caseId + "/consents", body, Map.of(), 201)
                .get("id").asText();
    }

    private String refer(String token, String caseId, String agencyId, String purpose, List<String> reasons, String urgency,
                         String summary, String consentId, String justification) {
        return api.call(token, "POST", Service.REFERRAL, "/api/v1/referrals",
                referral(caseId, agencyId, purpose, reasons, urgency, summary, consentId, justification), Map.of(), 201)
                .get("id").asText();
    }

    private static Map<String, Object> referral(String caseId, String agencyId, String purpose, List<String> reasons,
                                                String urgency, String summary, String consentId, String justification) {
        Map<String, Object> body = new HashMap<>(Map.of("caseId", caseId, "agencyId", agencyId, "purpose", purpose,
                "reasons", reasons, "urgency", urgency, "sharedSummary", summary,
                "legalBasis", consentId != null ? "CONSENT" : "VITAL_INTEREST"));
        if (consentId != null) {
            body.put("consentId", consentId);
        } else {
            body.put("justification", justification);
        }
        return body;
    }

    private void answer(String supporter, String referralId, String channel, Map<String, Object> move) {
        Map<String, Object> body = new HashMap<>(move);
        body.put("channel", channel);
        api.call(supporter, "POST", Service.REFERRAL, "/api/v1/referrals/" + referralId + "/agency-answers", body, Map.of(), 200);
    }

    private void partner(String token, String method, String path, Object body, int expected) {
        api.call(token, method, Service.REFERRAL, path, body, Map.of(), expected);
    }
}
