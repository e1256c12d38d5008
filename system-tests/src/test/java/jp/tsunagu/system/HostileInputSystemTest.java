package jp.tsunagu.system;

import com.fasterxml.jackson.databind.JsonNode;
import jp.tsunagu.local.Service;
import jp.tsunagu.system.HostileRequests.Hostile;
import jp.tsunagu.system.MatrixFixtures.Side;
import jp.tsunagu.system.OpenApiOperations.Operation;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile input through every operation of the four services ({@link HostileRequests}), then the
 * refused ones again on a quiet system, each watched in its service's database. Printed: requests
 * by kind and status, 5xx, bodies with a stack trace, a Java class name or SQL, error bodies that
 * are not problem+json, and rows changed by a refused request; asserted: each is 0.
 * {@code -Dtsunagu.hostile.requests} sets the count (10,000 for the full run; CI runs fewer),
 * {@code -Dtsunagu.hostile.seed} the seed.
 */
class HostileInputSystemTest {

    private static final int REQUESTS = Integer.getInteger("tsunagu.hostile.requests", 2000);
    private static final long SEED = Long.getLong("tsunagu.hostile.seed", 20261205L);

    /** The caller each operation is sent as: the first of these its roles allow. */
    private static final List<String[]> CALLERS = List.of(
            new String[] {"supervisor", "tokyo-supervisor", MatrixFixtures.TOKYO_SUPERVISOR},
            new String[] {"supporter", "tokyo-supporter-1", MatrixFixtures.TOKYO_SUPPORTER_1},
            new String[] {"admin", "tsunagu-admin", ""},
            new String[] {"center-system", "center-system-tokyo", ""},
            new String[] {"partner-agency", "agency-tokyo-health-center", ""},
            new String[] {"service", "visit-service", ""},
            new String[] {"peer-supporter", "tokyo-peer", MatrixFixtures.TOKYO_PEER});
    private static final Set<String> CLIENTS = Set.of("center-system-tokyo", "agency-tokyo-health-center", "visit-service");

    private static final Pattern LEAKS = Pattern.compile(
            "\\tat |\\.java:\\d+|Exception\\b|\\b(?:java|javax|jakarta|org|io|com|jp|sun)\\.[a-z0-9_]+\\.[A-Za-z0-9_.$]+"
                    + "|(?i:\\bselect\\b.+\\bfrom\\b|\\binsert into\\b|\\bupdate\\b.+\\bset\\b|\\bdelete from\\b|SQLState"
                    + "|\\bpsql|postgres|hibernate|ERROR: )");

    private final Map<String, String> tokens = new HashMap<>();
    private Instant tokensTakenAt = Instant.MIN;

    @Test
    void noHostileRequestGetsA5xxALeakOrAChange() throws Exception {
        OpenApiOperations operations = OpenApiOperations.read(Api.HTTP);
        MatrixFixtures.directoryHasTheDemoAgencies();
        Side tokyo = MatrixFixtures.make("tokyo", "tokyo-supporter-1", "tokyo-supervisor", MatrixFixtures.TOKYO_SUPPORTER_1,
                MatrixFixtures.TOKYO_SUPERVISOR, Set.of(MatrixFixtures.TOKYO_SUPPORTER_1, MatrixFixtures.TOKYO_PEER),
                "tokyo-health-center", "PUBLIC_HEALTH_CENTER");
        Map<String, String> globalIds = Map.of("agency", "tokyo-health-center", "delivery", UUID.randomUUID().toString(),
                "hsds", UUID.randomUUID().toString());
        List<Operation> ops = operations.all().stream().filter(op -> !op.operationId().equals("streamNotifications")).toList();
        HostileRequests generator = new HostileRequests(ops, tokyo, globalIds, op -> caller(op)[2], SEED);

        Map<String, Map<Integer, Integer>> byKind = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        List<String> notProblems = new ArrayList<>();
        List<Hostile> refused = new ArrayList<>();
        for (int n = 0; n < REQUESTS; n++) {
            Hostile request = generator.next(n);
            HttpResponse<String> answer = send(request);
            int status = answer.statusCode();
            byKind.computeIfAbsent(request.kind(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
            String problem = request.describe() + " -> " + status + " " + abbreviate(answer.body());
            if (status >= 500) {
                serverErrors.add(problem);
            }
            if (LEAKS.matcher(answer.body()).find()) {
                leaks.add(problem);
            }
            if (status >= 400) {
                refused.add(request);
                if (!isProblem(answer)) {
                    notProblems.add(problem + " [" + answer.headers().firstValue("Content-Type").orElse("no content type") + "]");
                }
            }
        }

        acknowledgeCrisisAlerts();
        List<String> changes = new ArrayList<>();
        int acceptedOnReplay = 0;
        try (RowChanges rows = new RowChanges()) {
            awaitQuiet(rows, Service.values());
            for (Hostile request : refused) {
                RowChanges.Mark mark = rows.mark(request.op().service());
                int status = send(request).statusCode();
                List<String> changed = rows.since(mark);
                if (status < 400) {
                    acceptedOnReplay++;
                } else if (!changed.isEmpty()) {
                    List<String> confirmed = changesOnAQuietService(request, rows);
                    if (confirmed.isEmpty()) {
                        System.out.println("  changed once, not on a quiet service (a job of the service): "
                                + request.describe() + " " + changed);
                    } else {
                        changes.add(request.describe() + " -> " + status + " changed " + changed + ", then on a quiet"
                                + " service " + confirmed);
                    }
                }
            }
        }

        System.out.printf("hostile input: %d requests (seed %d) over %d operations of %d services%n", REQUESTS, SEED,
                ops.size(), Service.values().length);
        byKind.forEach((kind, statuses) -> System.out.printf("  %-16s %s%n", kind, statuses));
        System.out.printf("hostile input: 5xx: %d; bodies with a stack trace, Java class name or SQL: %d; error bodies"
                        + " not problem+json: %d; refused: %d, replayed on a quiet system: %d refused again, %d accepted"
                        + " (the state had changed); rows changed by a refused request: %d%n",
                serverErrors.size(), leaks.size(), notProblems.size(), refused.size(), refused.size() - acceptedOnReplay,
                acceptedOnReplay, changes.size());
        serverErrors.stream().limit(20).forEach(e -> System.out.println("  5xx " + e));
        leaks.stream().limit(20).forEach(e -> System.out.println("  LEAK " + e));
        notProblems.stream().limit(20).forEach(e -> System.out.println("  NOT PROBLEM " + e));
        changes.stream().limit(20).forEach(e -> System.out.println("  CHANGED " + e));
        assertThat(serverErrors).as("5xx").isEmpty();
        assertThat(leaks).as("bodies with a stack trace, a Java class name or SQL").isEmpty();
        assertThat(notProblems).as("error bodies that are not problem+json").isEmpty();
        assertThat(changes).as("refused requests that changed rows").isEmpty();
        assertThat(refused.size() - acceptedOnReplay).as("refused requests replayed and refused again")
                .isGreaterThan(REQUESTS / 2);
    }

    private String[] caller(Operation op) {
        for (String[] caller : CALLERS) {
            if (op.allows(caller[0])) {
                return caller;
            }
        }
        throw new IllegalStateException(op.label() + " allows none of the callers");
    }

    private HttpResponse<String> send(Hostile request) {
        return Api.send(Api.HTTP_1_1, request.op().service(), request.method(), request.pathAndQuery(),
                request.op().open() ? null : token(caller(request.op())[1]), request.contentType(), request.body(),
                request.headers());
    }

    /** Tokens of the callers, taken again every minute so that a long run never sends an expired one. */
    private String token(String name) {
        if (Duration.between(tokensTakenAt, Instant.now()).toSeconds() > 60) {
            tokens.clear();
            tokensTakenAt = Instant.now();
        }
        return tokens.computeIfAbsent(name, n -> CLIENTS.contains(n) ? Logins.clientCredentials(n) : Logins.password(n));
    }

    private static boolean isProblem(HttpResponse<String> answer) {
        if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode body = Api.JSON.readTree(answer.body());
            return body.path("status").asInt() == answer.statusCode() && body.hasNonNull("title") && body.hasNonNull("type");
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Every crisis alert of the run so far (the accepted requests', other tests'), acknowledged, so
     * that none escalates while rows are watched.
     */
    private void acknowledgeCrisisAlerts() {
        Workload.acknowledgeCrisisAlerts(token("tokyo-supervisor"), caseId -> true);
        Workload.acknowledgeCrisisAlerts(Logins.password("osaka-supervisor"), caseId -> true);
    }

    /**
     * What a refused request changes when its service's own jobs (mail sending, escalations,
     * watches, the outbox relay) are between runs: it is sent twice, each time after the service
     * wrote nothing for 2 s; a change counts only when both sends made one (a job meeting the same
     * 10 ms twice after a quiet pause is what this rules out). Empty when it changed nothing.
     */
    private List<String> changesOnAQuietService(Hostile request, RowChanges rows) {
        List<String> changes = new ArrayList<>();
        for (int send = 0; send < 2; send++) {
            awaitQuiet(rows, request.op().service());
            RowChanges.Mark mark = rows.mark(request.op().service());
            int status = send(request).statusCode();
            List<String> changed = rows.since(mark);
            if (status < 400 || changed.isEmpty()) {
                return List.of();
            }
            changes.addAll(changed);
        }
        return changes;
    }

    /** Until no table of these services (but audit and idempotency) is written for 2 s: events consumed, mail sent. */
    private static void awaitQuiet(RowChanges rows, Service... services) {
        Map<Service, RowChanges.Mark> marks = new EnumMap<>(Service.class);
        for (Service service : services) {
            marks.put(service, rows.mark(service));
        }
        await().atMost(Duration.ofMinutes(3)).during(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
            boolean quiet = true;
            for (Service service : services) {
                List<String> changed = rows.since(marks.get(service));
                if (!changed.isEmpty()) {
                    marks.put(service, rows.mark(service));
                    quiet = false;
                }
            }
            return quiet;
        });
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
