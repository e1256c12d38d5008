package jp.tsunagu.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A handful of realistic cases for the two demo centers, spread across the seven phases, loaded
 * through the real API with the demo users' real logins (so every rule, audit entry and event
 * applies). A center that already has any case is left alone: demo data never lands on real data.
 */
final class DemoData {

    static final String TOKYO_SUPPORTER_1 = "1b0a4c1e-0001-4a6f-9a51-000000000001";
    static final String TOKYO_SUPPORTER_2 = "1b0a4c1e-0002-4a6f-9a51-000000000002";
    static final String TOKYO_PEER = "1b0a4c1e-0004-4a6f-9a51-000000000004";
    static final String OSAKA_SUPPORTER = "1b0a4c1e-0005-4a6f-9a51-000000000005";

    private static final List<String> PHASES = List.of("ASSESSMENT", "ENVIRONMENT", "OUTREACH", "ENGAGEMENT",
            "DAILY_LIFE", "EXPANSION", "FOLLOW_UP");
    private static final Map<String, String> WHY = Map.of(
            "ENVIRONMENT", "アセスメント完了。家族支援と関係機関との連携体制づくりへ",
            "OUTREACH", "母親が本人に訪問を提案できた。手紙を渡して訪問開始",
            "ENGAGEMENT", "初めて本人と会えた。次回訪問の約束ができた",
            "DAILY_LIFE", "本人から歯の痛みと年金の不安について話があった",
            "EXPANSION", "一緒に外出できるようになった。居場所の見学を提案",
            "FOLLOW_UP", "本人が自分のつながりを持てた");

    /** One demo case: who opens it, who the subject is, how far it has come. */
    private record Demo(String center, String supporter, String supporterId, String family, String given,
                        String familyKana, String givenKana, String birthDate, String gender, String since,
                        List<String> interests, String consultant, String summary, String phase,
                        String urgency, List<String> factors) {
    }

    private final ApiClient api;

    DemoData(ApiClient api) {
        this.api = api;
    }

    /** Loads the demo cases of each center that has none yet; answers how many it opened. */
    int loadWhereEmpty() {
        int opened = 0;
        for (String center : List.of("tokyo", "osaka")) {
            String supervisor = api.login(center + "-supervisor");
            JsonNode existing = api.call(supervisor, "GET", Service.CASE, "/api/v1/cases?limit=1", null, Map.of(), 200);
            if (existing.get("items").size() > 0) {
                continue;
            }
            for (Demo demo : demos()) {
                if (demo.center().equals(center)) {
                    load(demo, supervisor);
                    opened++;
                }
            }
        }
        return opened;
    }

    private void load(Demo demo, String supervisor) {
        String token = api.login(demo.supporter());
        String id = api.call(token, "POST", Service.CASE, "/api/v1/cases", openCase(demo), Map.of(), 201).get("id").asText();
        String path = "/api/v1/cases/" + id;
        api.call(token, "POST", Service.CASE, path + "/assessments", assessment(demo), Map.of(), 201);
        api.call(token, "PUT", Service.CASE, path + "/plan", Map.of(
                "goal", "本人が安心して家族以外の人とつながれる",
                "prospect", "半年で訪問を定着させ、1年後に居場所の利用を目指す",
                "homeVisitRole", "本人との接点をつくり、孤立させない",
                "subjectNeeds", "好きなこと（" + String.join("、", demo.interests()) + "）の話ができる相手",
                "familyNeeds", "将来の生活と親亡き後の不安を相談したい",
                "reason", "初回作成"), Map.of(), 201); // a creating PUT: no If-Match
        List<Map<String, Object>> team = new ArrayList<>(List.of(
                Map.of("kind", "STAFF", "userId", demo.supporterId(), "role", "PRIMARY")));
        if (demo.center().equals("tokyo")) {
            team.add(Map.of("kind", "STAFF", "userId", TOKYO_SUPPORTER_2.equals(demo.supporterId()) ? TOKYO_SUPPORTER_1
                    : TOKYO_SUPPORTER_2, "role", "SECONDARY"));
            team.add(Map.of("kind", "PEER_SUPPORTER", "userId", TOKYO_PEER, "role", "PEER"));
            team.add(Map.of("kind", "AGENCY_CONTACT", "agencyId", "tokyo-health-center", "role", "BACKUP_AGENCY"));
        }
        api.call(supervisor, "PUT", Service.CASE, path + "/team", Map.of("members", team), Map.of("If-Match", "\"0\""), 200);
        if (!"NONE".equals(demo.urgency())) {
            api.call(token, "PUT", Service.CASE, path + "/crisis-plan", Map.of(
                    "contacts", List.of(
                            Map.of("name", "最寄りの警察署", "phone", "110", "when", "暴力があり身の危険を感じたとき"),
                            Map.of("agencyId", demo.center() + "-health-center", "name", "保健所 精神保健福祉相談",
                                    "phone", "03-5273-3860", "when", "本人の様子が急に変わったとき（平日日中）")),
                    "instructions", "身の危険を感じたら、まず家族が安全な場所へ避難してから連絡する。本人を刺激しない。",
                    "sharedWithFamilyOn", "2026-10-15"), Map.of(), 201);
        }
        int target = PHASES.indexOf(demo.phase());
        for (int i = 1; i <= Math.min(target, PHASES.indexOf("EXPANSION")); i++) {
            api.call(token, "POST", Service.CASE, path + "/phase-transitions",
                    Map.of("to", PHASES.get(i), "reason", WHY.get(PHASES.get(i))), Map.of(), 201);
        }
        if (target >= PHASES.indexOf("ENGAGEMENT")) {
            api.call(token, "POST", Service.CASE, path + "/milestones", Map.of("kind", "ACCEPTED_VISITS",
                    "reachedOn", "2026-06-10", "note", "玄関先で5分ほど話せた"), Map.of(), 201);
        }
        if (target >= PHASES.indexOf("DAILY_LIFE")) {
            api.call(token, "POST", Service.CASE, path + "/concerns", Map.of("kind", "TROUBLE", "category", "HEALTH",
                    "raisedBy", "SUBJECT", "status", "RESOLVED", "description", "奥歯が痛いが一人で歯医者に行けない",
                    "actions", List.of("ACCOMPANIED_MEDICAL_VISIT")), Map.of(), 201);
            api.call(token, "POST", Service.CASE, path + "/concerns", Map.of("kind", "WISH", "category", "MONEY",
                    "raisedBy", "SUBJECT", "status", "IN_PROGRESS", "description", "障害年金について知りたい",
                    "actions", List.of("WELFARE_APPLICATION")), Map.of(), 201);
            api.call(token, "POST", Service.CASE, path + "/concerns", Map.of("kind", "WISH", "category", "FAMILY",
                    "raisedBy", "FAMILY", "status", "OPEN", "description", "早く働いてほしい（母）"), Map.of(), 201);
            api.call(token, "POST", Service.CASE, path + "/milestones", Map.of("kind", "DECIDED_TO_CHANGE",
                    "reachedOn", "2026-08-20", "note", "「このままではいけないと思う」と本人が話した"), Map.of(), 201);
        }
        if (target >= PHASES.indexOf("EXPANSION")) {
            api.call(token, "POST", Service.CASE, path + "/milestones", Map.of("kind", "LEFT_HOME_WITH_SUPPORTER",
                    "reachedOn", "2026-09-12", "note", "支援者と近所の公園を散歩"), Map.of(), 201);
            api.call(token, "POST", Service.CASE, path + "/milestones", Map.of("kind", "JOINED_PEER_ACTIVITY",
                    "reachedOn", "2026-10-05", "note", "居場所のボードゲーム会に参加"), Map.of(), 201);
        }
        if (target == PHASES.indexOf("FOLLOW_UP")) {
            api.call(token, "POST", Service.CASE, path + "/milestones", Map.of("kind", "FOUND_OWN_WAY_OF_WORKING",
                    "reachedOn", "2026-11-01", "note", "週3日、短時間のアルバイトを始めた"), Map.of(), 201);
            api.call(token, "POST", Service.CASE, path + "/home-visit-end", Map.of("reason", "EMPLOYED",
                    "endedOn", "2026-11-10", "note", "今後は必要なときに連絡をもらう"), Map.of(), 200);
        }
        visits(demo, token, id, target);
        new DemoBetweenVisits(api).load(token, id, demo.consultant(), firstVisit(demo, target),
                target >= PHASES.indexOf("ENGAGEMENT"), demo.supporterId(),
                demo.center().equals("tokyo") ? List.of("tokyo-health-center") : List.of());
        if ("IMMINENT".equals(demo.urgency())) {
            api.call(token, "POST", Service.CASE, path + "/crises", Map.of("occurredAt", "2026-11-18T23:40:00+09:00",
                    "kinds", List.of("VIOLENCE"), "description", "夜間に父親と口論になり、物を壊した。けが人なし。",
                    "actions", List.of("POLICE")), Map.of(), 201);
        }
    }

    /**
     * Visits as the booklet describes them: in OUTREACH a long run of visits where nobody was met
     * and a letter was left; from ENGAGEMENT on, meetings with consent to the next one; in EXPANSION
     * an outing with the peer supporter. Osaka's OUTREACH case is left overdue.
     */
    private void visits(Demo demo, String token, String caseId, int target) {
        if (target < PHASES.indexOf("OUTREACH")) {
            return;
        }
        api.call(token, "PUT", Service.VISIT, "/api/v1/cases/" + caseId + "/visit-plan", Map.of(
                "intervalDays", 14, "preferredTime", "平日 15時〜17時", "durationMinutes", 30,
                "companions", demo.center().equals("tokyo") ? List.of("ピアサポーター") : List.of(),
                "preparedTopics", demo.interests(), "proposalRoute", "LETTER_VIA_FAMILY"), Map.of(), 201);
        boolean overdue = overdue(demo, target);
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        int first = overdue ? 150 : 120;
        // what the letters said: often several things at once (the booklet's letters)
        List<List<String>> contents = List.of(List.of("SUPPORTER_NEWS"), List.of("SUPPORTER_NEWS", "WHAT_I_CAN_DO"),
                List.of("WHAT_I_CAN_DO"), List.of("SUPPORTER_NEWS", "REQUEST_FOR_HELP"));
        int letters = target == PHASES.indexOf("OUTREACH") ? 8 : 4;
        for (int i = 0; i < letters; i++) {
            Map<String, Object> visit = visit(caseId, demo.supporterId(), now.minus(java.time.Duration.ofDays(first - 14L * i)));
            visit.put("outcome", "NOT_MET");
            visit.put("leftBehind", List.of(Map.of("kind", i % 3 == 2 ? "LEAFLET" : "LETTER", "contents", contents.get(i % 4))));
            visit.put("notes", "インターホン越しに母親と話し、手紙を託した。本人の部屋の明かりはついていた。");
            api.call(token, "POST", Service.VISIT, "/api/v1/visits", visit, Map.of(), 201);
        }
        if (target >= PHASES.indexOf("ENGAGEMENT")) {
            for (int daysAgo : List.of(40, 26, 12)) {
                Map<String, Object> visit = visit(caseId, demo.supporterId(), now.minus(java.time.Duration.ofDays(daysAgo)));
                visit.put("outcome", "MET_SUBJECT");
                visit.put("timeAloneWithSubject", daysAgo < 30);
                visit.put("topics", demo.interests());
                visit.put("nextVisit", daysAgo == 12
                        ? Map.of("consent", "AGREED", "at", now.plus(java.time.Duration.ofDays(2)).toString(), "durationMinutes", 30)
                        : Map.of("consent", "NO_EXPLICIT_REFUSAL", "intervalDays", 14));
                visit.put("observations", "部屋の前で少し話せた。好きな話題には笑顔も見られた。");
                api.call(token, "POST", Service.VISIT, "/api/v1/visits", visit, Map.of(), 201);
            }
        }
        if (target == PHASES.indexOf("EXPANSION")) {
            Map<String, Object> outing = visit(caseId, demo.supporterId(), now.minus(java.time.Duration.ofDays(5)));
            outing.put("kind", "OUTING");
            outing.put("activity", "EATING_OUT");
            outing.put("outcome", "MET_SUBJECT");
            outing.put("visitors", List.of(Map.of("userId", demo.supporterId(), "role", "STAFF"),
                    Map.of("userId", TOKYO_PEER, "role", "PEER_SUPPORTER")));
            outing.put("nextVisit", Map.of("consent", "AGREED", "intervalDays", 7));
            outing.put("notes", "ピアサポーターと3人でラーメン屋へ。自分で注文できた。");
            api.call(token, "POST", Service.VISIT, "/api/v1/visits", outing, Map.of(), 201);
        }
        if (!overdue && target < PHASES.indexOf("FOLLOW_UP")) {
            Map<String, Object> next = visit(caseId, demo.supporterId(), now.plus(java.time.Duration.ofDays(3)));
            next.put("status", "SCHEDULED");
            api.call(token, "POST", Service.VISIT, "/api/v1/visits", next, Map.of(), 201);
        }
    }

    private static boolean overdue(Demo demo, int target) {
        return demo.center().equals("osaka") && target == PHASES.indexOf("OUTREACH");
    }

    /** When home visits began (the first letter at the door); {@code null} before OUTREACH. */
    private static java.time.Instant firstVisit(Demo demo, int target) {
        if (target < PHASES.indexOf("OUTREACH")) {
            return null;
        }
        return java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                .minus(java.time.Duration.ofDays(overdue(demo, target) ? 150 : 120));
    }

    private static Map<String, Object> visit(String caseId, String visitorId, java.time.Instant at) {
        return new HashMap<>(Map.of("caseId", caseId, "kind", "HOME", "occurredAt", at.toString(), "durationMinutes", 20,
                "visitors", List.of(Map.of("userId", visitorId, "role", "STAFF"))));
    }

    private static Map<String, Object> openCase(Demo demo) {
        Map<String, Object> subject = new HashMap<>(Map.of("familyName", demo.family(), "givenName", demo.given(),
                "familyNameKana", demo.familyKana(), "givenNameKana", demo.givenKana(), "gender", demo.gender(),
                "withdrawalSince", demo.since(), "interests", demo.interests()));
        subject.put("birthDate", demo.birthDate());
        subject.put("address", demo.center().equals("tokyo") ? "東京都新宿区" : "大阪府大阪市北区");
        return Map.of(
                "intake", Map.of("receivedAt", "2026-04-10T10:30:00+09:00", "channel", "PHONE",
                        "consultant", Map.of("relation", demo.consultant()), "summary", demo.summary()),
                "subject", subject,
                "household", List.of(
                        Map.of("relation", "MOTHER", "birthYear", 1952, "health", "高血圧で通院中", "keyPerson",
                                demo.consultant().equals("MOTHER"), "relationshipWithSubject", "NEUTRAL"),
                        Map.of("relation", "FATHER", "birthYear", 1949, "keyPerson", demo.consultant().equals("FATHER"),
                                "relationshipWithSubject", "TENSE")));
    }

    private static Map<String, Object> assessment(Demo demo) {
        return Map.ofEntries(Map.entry("assessedOn", "2026-05-01"),
                Map.entry("developmentalHistory", "中学2年から不登校。高校は通信制を卒業。"),
                Map.entry("withdrawalDegree", "STAYS_IN_ROOM"),
                Map.entry("mentalState", Map.of("notes", "昼夜逆転。強い対人緊張がある様子。", "suspectedUntreatedIllness", false)),
                Map.entry("intellectualDisabilitySuspected", false),
                Map.entry("familyRelations", "母とは必要最低限の会話。父とはほとんど話さない。"),
                Map.entry("familyCondition", "両親とも高齢で、父は年金生活。"),
                Map.entry("stigma", "親戚に知られたくないという思いが強い"),
                Map.entry("consultationHistory", "以前、市の相談窓口に一度相談したが続かなかった"),
                Map.entry("familyCapacity", Map.of("level", "ADEQUATE", "notes", "母は継続して相談に来られる")),
                Map.entry("crisisUrgency", demo.urgency()), Map.entry("crisisFactors", demo.factors()));
    }

    private static List<Demo> demos() {
        return List.of(
                new Demo("tokyo", "tokyo-supporter-1", TOKYO_SUPPORTER_1, "高橋", "健太", "タカハシ", "ケンタ", "1998-07-14", "MALE",
                        "2018-04", List.of("鉄道", "プラモデル"), "MOTHER", "息子が大学中退後、家から出ていない。", "ASSESSMENT", "NONE", List.of()),
                new Demo("tokyo", "tokyo-supporter-1", TOKYO_SUPPORTER_1, "伊藤", "美咲", "イトウ", "ミサキ", "2002-01-30", "FEMALE",
                        "2021-09", List.of("イラスト", "猫"), "MOTHER", "就職活動でつまずいてから部屋にこもっている。", "ENVIRONMENT", "WATCH",
                        List.of("SELF_HARM")),
                new Demo("tokyo", "tokyo-supporter-2", TOKYO_SUPPORTER_2, "渡辺", "翔", "ワタナベ", "ショウ", "1990-03-03", "MALE",
                        "2012-06", List.of("将棋", "野球中継"), "FATHER", "10年以上ひきこもり。家族とも顔を合わせない。", "OUTREACH", "NONE", List.of()),
                new Demo("tokyo", "tokyo-supporter-1", TOKYO_SUPPORTER_1, "山本", "大輔", "ヤマモト", "ダイスケ", "1983-11-21", "MALE",
                        "2008-01", List.of("釣り", "古い映画"), "MOTHER", "両親が70代後半。親亡き後が心配（8050問題）。", "ENGAGEMENT", "IMMINENT",
                        List.of("VIOLENCE", "HARM_TO_OTHERS")),
                new Demo("tokyo", "tokyo-supporter-2", TOKYO_SUPPORTER_2, "中村", "さくら", "ナカムラ", "サクラ", "1995-05-05", "FEMALE",
                        "2016-10", List.of("料理", "アニメ"), "MOTHER", "体調不良を訴えるが受診を拒む。", "DAILY_LIFE", "NONE", List.of()),
                new Demo("tokyo", "tokyo-supporter-1", TOKYO_SUPPORTER_1, "小林", "拓也", "コバヤシ", "タクヤ", "2000-08-08", "MALE",
                        "2019-04", List.of("ボードゲーム", "自転車"), "FATHER", "高校卒業後、進路が決まらず自宅にいる。", "EXPANSION", "NONE", List.of()),
                new Demo("tokyo", "tokyo-supporter-2", TOKYO_SUPPORTER_2, "加藤", "由美", "カトウ", "ユミ", "1988-12-12", "FEMALE",
                        "2014-02", List.of("園芸", "読書"), "MOTHER", "職場の人間関係で退職後、外出しなくなった。", "FOLLOW_UP", "NONE", List.of()),
                new Demo("osaka", "osaka-supporter", OSAKA_SUPPORTER, "吉田", "翼", "ヨシダ", "ツバサ", "1997-02-14", "MALE",
                        "2017-05", List.of("サッカー観戦", "ゲーム"), "MOTHER", "専門学校を中退してから家にいる。", "OUTREACH", "NONE", List.of()),
                new Demo("osaka", "osaka-supporter", OSAKA_SUPPORTER, "山田", "陽子", "ヤマダ", "ヨウコ", "1986-09-09", "FEMALE",
                        "2010-07", List.of("手芸", "音楽"), "FATHER", "母の介護をきっかけに外との関わりが途絶えた。", "ENGAGEMENT", "WATCH",
                        List.of("FAMILY_HEALTH_DETERIORATION")),
                new Demo("osaka", "osaka-supporter", OSAKA_SUPPORTER, "松本", "隆", "マツモト", "タカシ", "1979-04-01", "MALE",
                        "2005-03", List.of("歴史", "ラジオ"), "MOTHER", "20年近くひきこもり。母は80代。", "ASSESSMENT", "NONE", List.of()));
    }
}
