package jp.tsunagu.system;

import com.fasterxml.jackson.databind.JsonNode;
import jp.tsunagu.local.Service;
import jp.tsunagu.system.MatrixFixtures.Side;
import jp.tsunagu.system.OpenApiOperations.Operation;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the four services' OpenAPI documents x every kind of caller of the realm x
 * an object of the caller's own side and one of the other side. What each cell should answer is
 * derived from the contract alone: the roles the operation's description names (403 for any
 * other), and whether the caller may see the object (404 for another center's or agency's object
 * and for a case off a supporter's team). Printed: the matrix and every cell that leaks or
 * disagrees; asserted: none.
 */
class AuthorizationMatrixSystemTest {

    /** The callers: every role of the realm, on the team of their center's case or off it. */
    record Caller(String name, String role, String center, String agency, String userId, boolean clientCredentials) {
        String token() {
            return clientCredentials ? Logins.clientCredentials(name) : Logins.password(name);
        }
    }

    private static final List<Caller> CALLERS = List.of(
            new Caller("tokyo-supporter-1", "supporter", "tokyo", null, MatrixFixtures.TOKYO_SUPPORTER_1, false),
            new Caller("tokyo-supporter-2", "supporter", "tokyo", null, "1b0a4c1e-0002-4a6f-9a51-000000000002", false),
            new Caller("tokyo-supervisor", "supervisor", "tokyo", null, MatrixFixtures.TOKYO_SUPERVISOR, false),
            new Caller("tokyo-peer", "peer-supporter", "tokyo", null, MatrixFixtures.TOKYO_PEER, false),
            new Caller("osaka-supporter", "supporter", "osaka", null, MatrixFixtures.OSAKA_SUPPORTER, false),
            new Caller("osaka-supervisor", "supervisor", "osaka", null, MatrixFixtures.OSAKA_SUPERVISOR, false),
            new Caller("tsunagu-admin", "admin", null, null, "1b0a4c1e-0007-4a6f-9a51-000000000007", false),
            new Caller("center-system-tokyo", "center-system", "tokyo", null, "", true),
            new Caller("agency-tokyo-health-center", "partner-agency", null, "tokyo-health-center", "", true),
            new Caller("agency-tokyo-police", "partner-agency", null, "tokyo-police", "", true),
            new Caller("visit-service", "service", null, null, "", true));

    /** Run last, in this order: moves that end what the operations before them work on. */
    private static final List<String> TERMINAL = List.of("enterAgencyAnswer", "movePartnerReferral", "moveReferral",
            "cancelReferral", "withdrawConsent", "endHomeVisits", "closeCase", "reopenCase");

    /** The operations that answer the center's possible duplicates of the subject (api.md: potential-duplicates). */
    private static final Set<String> DUPLICATES_SHOWN = Set.of("openCase", "openCaseFromInquiry", "findPotentialDuplicates");

    /**
     * Operations a role allows to one account of it alone: referral-service gives an agency's
     * webhook secret to the service that delivers the webhooks, not to every service.
     */
    private static final Map<String, String> ONE_ACCOUNT_OF_THE_ROLE = Map.of("getWebhookEndpoint", "notification-service");

    enum Expect { FORBIDDEN, HIDDEN, ALLOWED, NOT_FORBIDDEN, ANY }

    @Test
    void everyOperationAnswersEveryCallerAsTheContractSays() {
        OpenApiOperations operations = OpenApiOperations.read(Api.HTTP);
        MatrixFixtures.directoryHasTheDemoAgencies();
        Side tokyo = MatrixFixtures.make("tokyo", "tokyo-supporter-1", "tokyo-supervisor", MatrixFixtures.TOKYO_SUPPORTER_1,
                MatrixFixtures.TOKYO_SUPERVISOR, Set.of(MatrixFixtures.TOKYO_SUPPORTER_1, MatrixFixtures.TOKYO_PEER),
                "tokyo-health-center", "PUBLIC_HEALTH_CENTER");
        Side osaka = MatrixFixtures.make("osaka", "osaka-supporter", "osaka-supervisor", MatrixFixtures.OSAKA_SUPPORTER,
                MatrixFixtures.OSAKA_SUPERVISOR, Set.of(MatrixFixtures.OSAKA_SUPPORTER), "tokyo-police", "POLICE");
        String admin = Logins.password("tsunagu-admin");
        Map<String, String> globalIds = Map.of(
                "agency", "tokyo-health-center",
                "delivery", firstId(Service.NOTIFICATION, "/api/v1/webhook-deliveries?limit=1", admin, "items"),
                "hsds", firstId(Service.REFERRAL, "/hsds/services?per_page=1", null, "contents"));

        List<String> noBody = operations.all().stream()
                .filter(op -> op.hasBody() && ValidBodies.of(op.operationId(), tokyo, "").isEmpty())
                .map(Operation::label).toList();
        assertThat(noBody).as("operations that take a body without a valid one in ValidBodies").isEmpty();

        Map<String, String> tokens = new LinkedHashMap<>();
        CALLERS.forEach(caller -> tokens.put(caller.name(), caller.token()));
        List<Operation> ordered = new ArrayList<>(operations.all());
        ordered.sort(Comparator.comparingInt(AuthorizationMatrixSystemTest::phase));

        Map<String, Map<String, String>> matrix = new TreeMap<>();
        List<String> leaks = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        List<String> refusedForBodyOrState = new ArrayList<>();
        int cells = 0;
        try {
            for (Operation op : ordered) {
                for (Caller caller : CALLERS) {
                    Side home = home(caller, tokyo, osaka);
                    Side away = home == tokyo ? osaka : tokyo;
                    boolean hasObjects = !op.pathParams().isEmpty() || ValidBodies.OBJECTS_IN_BODY.containsKey(op.operationId());
                    StringBuilder cell = new StringBuilder();
                    for (Side side : hasObjects ? List.of(home, away) : List.of(home)) {
                        String where = side == home ? "own" : "other";
                        List<String> kinds = new ArrayList<>();
                        String path = op.path();
                        for (String param : op.pathParams()) {
                            String kind = kindOf(op.path(), param);
                            kinds.add(kind);
                            String id = globalIds.containsKey(kind) ? globalIds.get(kind) : side.id(kind);
                            path = path.replace("{" + param + "}", id);
                        }
                        kinds.addAll(ValidBodies.OBJECTS_IN_BODY.getOrDefault(op.operationId(), List.of()));
                        Expect expect = expect(op, caller, side, kinds);
                        Answer answer = send(op, path, tokens.get(caller.name()), side, caller);
                        int status = answer.status();
                        cells++;
                        cell.append(cell.isEmpty() ? "" : "/").append(status);
                        String name = op.label() + " as " + caller.name() + " on " + where + " (" + side.center() + "): ";
                        if (expect == Expect.HIDDEN && status / 100 == 2) {
                            leaks.add(name + status + " on an object the caller may not see");
                        } else if (expect == Expect.HIDDEN && status == 403) {
                            leaks.add(name + "403 where the contract says 404");
                        }
                        if (status / 100 == 2) {
                            for (String id : invisibleIds(op, caller, tokyo, osaka)) {
                                if (answer.body().contains(id)) {
                                    leaks.add(name + status + " carries the id " + id + " of an object the caller may not see");
                                }
                            }
                        }
                        if (!agrees(expect, status)) {
                            disagreements.add(name + "expected " + expect + ", answered " + status + " " + abbreviate(answer.body()));
                            cell.append('!');
                        } else if (expect == Expect.ALLOWED && status / 100 == 4) {
                            refusedForBodyOrState.add(name + status + " " + abbreviate(answer.body()));
                        }
                    }
                    matrix.computeIfAbsent(op.label(), k -> new LinkedHashMap<>()).put(caller.name(), cell.toString());
                }
            }
        } finally {
            // the crises the matrix raised would otherwise escalate for as long as the system runs
            Workload.acknowledgeCrisisAlerts(Logins.password("tokyo-supervisor"), caseId -> true);
            Workload.acknowledgeCrisisAlerts(Logins.password("osaka-supervisor"), caseId -> true);
        }

        print(matrix);
        System.out.printf("authorization matrix: %d operations of %d services x %d callers: %d cells (own/other where the"
                        + " operation names an object); leaks: %d; disagreements with the contract: %d; allowed but refused"
                        + " for the body or the state (4xx other than 401/403/404): %d%n",
                operations.all().size(), Service.values().length, CALLERS.size(), cells, leaks.size(), disagreements.size(),
                refusedForBodyOrState.size());
        leaks.forEach(leak -> System.out.println("  LEAK " + leak));
        disagreements.forEach(d -> System.out.println("  DISAGREES " + d));
        refusedForBodyOrState.forEach(r -> System.out.println("  refused " + r));
        assertThat(leaks).isEmpty();
        assertThat(disagreements).isEmpty();
    }

    private static int phase(Operation op) {
        int terminal = TERMINAL.indexOf(op.operationId());
        return terminal >= 0 ? 10 + terminal : op.method().equals("GET") ? 0 : 1;
    }

    private static Side home(Caller caller, Side tokyo, Side osaka) {
        if (caller.agency() != null) {
            return caller.agency().equals(osaka.agency()) ? osaka : tokyo;
        }
        return "osaka".equals(caller.center()) ? osaka : tokyo;
    }

    /** Which fixture a path parameter names; a parameter not known here fails the test. */
    static String kindOf(String path, String param) {
        switch (param) {
            case "caseId": return "case";
            case "concernId": return "concern";
            case "conferenceId": return "conference";
            case "consultationId": return "consultation";
            case "id": break;
            default: throw new IllegalStateException("no fixture for path parameter " + param + " of " + path);
        }
        String[] segments = path.replaceFirst("^/api/v1/", "").split("/");
        return switch (segments[0]) {
            case "cases" -> "case";
            case "visits" -> "visit";
            case "inquiries" -> "inquiry";
            case "consents" -> "consent";
            case "referrals" -> "referral";
            case "partner" -> segments[1].equals("referrals") ? "referral" : fail(path);
            case "notifications" -> "notification";
            case "webhook-deliveries" -> "delivery";
            case "agencies" -> "agency";
            default -> path.startsWith("/hsds/services/") ? "hsds" : fail(path);
        };
    }

    private static String fail(String path) {
        throw new IllegalStateException("no fixture for the id of " + path);
    }

    /** May this caller see this kind of object of this side? By the contract's roles table. */
    static boolean sees(Caller caller, Side side, String kind) {
        if (Set.of("agency", "delivery", "hsds").contains(kind)) {
            return true;
        }
        if (kind.equals("notification")) {
            return caller.userId().equals(side.supervisor());
        }
        if (caller.role().equals("service")) {
            return true;
        }
        if (caller.agency() != null) {
            return kind.equals("referral") && caller.agency().equals(side.agency());
        }
        if (caller.center() == null || !caller.center().equals(side.center())) {
            return false;
        }
        return kind.equals("inquiry") || caller.role().equals("supervisor") || side.team().contains(caller.userId());
    }

    static Expect expect(Operation op, Caller caller, Side side, List<String> kinds) {
        if (op.open()) {
            return Expect.ANY;
        }
        if (!op.allows(caller.role())
                || !ONE_ACCOUNT_OF_THE_ROLE.getOrDefault(op.operationId(), caller.name()).equals(caller.name())) {
            return Expect.FORBIDDEN;
        }
        for (String kind : kinds) {
            if (!sees(caller, side, kind)) {
                return Expect.HIDDEN;
            }
        }
        return kinds.stream().anyMatch(k -> Set.of("delivery", "hsds").contains(k)) ? Expect.NOT_FORBIDDEN : Expect.ALLOWED;
    }

    static boolean agrees(Expect expect, int status) {
        return switch (expect) {
            case FORBIDDEN -> status == 403;
            case HIDDEN -> status == 404;
            case ALLOWED -> status < 500 && status != 401 && status != 403 && status != 404;
            case NOT_FORBIDDEN -> status < 500 && status != 401 && status != 403;
            case ANY -> status < 500;
        };
    }

    /**
     * Ids of the fixtures a caller may not see (admin and services: they see no case content, and
     * carry no center). The contract shows a supporter the center's possible duplicates of a subject
     * (kana name, birth year, case number) when opening a case, on the team or not: those ids of
     * the caller's own center are no leak there.
     */
    private static Set<String> invisibleIds(Operation op, Caller caller, Side tokyo, Side osaka) {
        Set<String> ids = new HashSet<>();
        if (caller.role().equals("admin") || caller.role().equals("service")) {
            return ids;
        }
        boolean duplicatesShown = DUPLICATES_SHOWN.contains(op.operationId());
        for (Side side : List.of(tokyo, osaka)) {
            side.ids().forEach((kind, id) -> {
                boolean caseOfOwnAgencysReferral = caller.agency() != null && kind.equals("case")
                        && caller.agency().equals(side.agency());
                boolean ownCentersDuplicate = duplicatesShown && kind.equals("case") && side.center().equals(caller.center());
                if (!sees(caller, side, kind) && !caseOfOwnAgencysReferral && !ownCentersDuplicate && !(kind.equals("notification")
                        && caller.center() != null && caller.center().equals(side.center()))) {
                    ids.add(id);
                }
            });
        }
        return ids;
    }

    /** What a cell answered; the body is empty for the stream, whose status alone is read. */
    record Answer(int status, String body) {
    }

    private static Answer send(Operation op, String path, String token, Side side, Caller caller) {
        if (op.operationId().equals("streamNotifications")) {
            return new Answer(Api.status(op.service(), path, token), "");
        }
        StringBuilder query = new StringBuilder();
        if (op.queryParams().contains("limit")) {
            query.append("&limit=200");
        }
        if (op.queryParams().contains("from") && op.queryParams().contains("to")) {
            query.append("&from=2026-01-01&to=2026-12-31");
        }
        String url = query.isEmpty() ? path : path + "?" + query.substring(1);
        Map<String, String> headers = new LinkedHashMap<>();
        if (op.headerParams().contains("If-Match")) {
            headers.put("If-Match", "*");
        }
        String user = caller.userId().isEmpty() ? MatrixFixtures.TOKYO_SUPPORTER_1 : caller.userId();
        Object body = op.hasBody() ? ValidBodies.of(op.operationId(), side, user).orElseThrow() : null;
        HttpResponse<String> answer = Api.json(op.service(), op.method(), url, token, body, headers);
        return new Answer(answer.statusCode(), answer.body());
    }

    private static String firstId(Service service, String path, String token, String items) {
        JsonNode answer = Api.expect(Api.json(service, "GET", path, token, null, Map.of()), 200).path(items);
        return answer.size() > 0 ? answer.get(0).path("id").asText() : MatrixFixtures.unknownId();
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }

    private static void print(Map<String, Map<String, String>> matrix) {
        StringBuilder header = new StringBuilder(String.format("%-42s", "operation \\ caller (own/other)"));
        for (Caller caller : CALLERS) {
            header.append(String.format(" %-9s", shortName(caller.name())));
        }
        System.out.println(header);
        matrix.forEach((op, row) -> {
            StringBuilder line = new StringBuilder(String.format("%-42s", op));
            for (Caller caller : CALLERS) {
                line.append(String.format(" %-9s", row.get(caller.name())));
            }
            System.out.println(line);
        });
    }

    private static String shortName(String name) {
        return switch (name) {
            case "tokyo-supporter-1" -> "tkSup1";
            case "tokyo-supporter-2" -> "tkSup2";
            case "tokyo-supervisor" -> "tkSv";
            case "tokyo-peer" -> "tkPeer";
            case "osaka-supporter" -> "osSup";
            case "osaka-supervisor" -> "osSv";
            case "tsunagu-admin" -> "admin";
            case "center-system-tokyo" -> "ctrSys";
            case "agency-tokyo-health-center" -> "agHealth";
            case "agency-tokyo-police" -> "agPolice";
            default -> "svc";
        };
    }
}
