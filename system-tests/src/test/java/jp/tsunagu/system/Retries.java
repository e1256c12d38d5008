package jp.tsunagu.system;

import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * A mobile client's retry of a creating request that got no answer: the same body and
 * Idempotency-Key, sent again until the answer is final: the creation (new or replayed), or 409
 * with the Location of what was done when the first answer was lost. A 409 without Location (the
 * first still being processed, or its claim not yet taken for abandoned) and a 503 are sent again.
 */
final class Retries {

    private Retries() {
    }

    static Load.Answer untilFinal(Load load, Load.Call call, String token, Duration atMost) {
        AtomicReference<Load.Answer> last = new AtomicReference<>();
        try {
            await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Load.Answer answer = load.send(call, token);
                last.set(answer);
                return isFinal(answer);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no final answer to a retry in " + atMost + "; the last: " + last.get().status()
                    + " " + last.get().body(), e);
        }
        return last.get();
    }

    /** The id of what a final answer says was created: in its body, or, for a 409, at the end of its Location. */
    static String createdId(Load.Answer answer) {
        if (answer.status() == 409) {
            String location = answer.headers().get("location").getFirst();
            return location.substring(location.lastIndexOf('/') + 1);
        }
        return Workload.createdId(answer);
    }

    static boolean isFinal(Load.Answer answer) {
        return answer.acknowledged() || answer.status() == 409 && answer.headers().containsKey("location");
    }
}
