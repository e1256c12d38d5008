package jp.tsunagu.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.platform.config.PlatformConfig;
import jp.tsunagu.platform.http.RequestHash;
import jp.tsunagu.platform.problem.ConflictException;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.UnprocessableException;
import jp.tsunagu.platform.security.CallerScope;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for creating POSTs: mobile clients retry after losing signal, and
 * nothing may be recorded twice. The same caller, key and request within the retention answer the
 * first response; the same key with another request answers 422; a duplicate that arrives while
 * the first is still running waits for it (then replays) or, past the wait, answers 409.
 * <p>
 * The key is claimed in its own transaction before the work, so concurrent duplicates create once.
 * A claim whose request died without finishing is taken over after {@link #ABANDONED}.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final Duration ABANDONED = Duration.ofMinutes(2);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final EntityManager em;
    private final ObjectMapper json;
    private final CallerScope caller;
    private final CurrentVertxRequest http;
    private final PlatformConfig config;

    Idempotency(EntityManager em, ObjectMapper json, CallerScope caller, CurrentVertxRequest http, PlatformConfig config) {
        this.em = em;
        this.json = json;
        this.caller = caller;
        this.http = http;
        this.config = config;
    }

    /** Runs {@code create} once per key; without a key it simply runs. */
    public Response once(String key, Object request, Supplier<Response> create) {
        if (key == null) {
            return create.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidRequestException(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        IdempotencyRecord.Key id = new IdempotencyRecord.Key(caller.userId(), key);
        String hash = hash(request);
        Instant giveUp = Instant.now().plus(config.idempotency().duplicateWait());
        while (true) {
            IdempotencyRecord existing = QuarkusTransaction.requiringNew().call(() -> claim(id, hash));
            if (existing == null) {
                break;
            }
            if (!existing.requestHash.equals(hash)) {
                throw new UnprocessableException("This Idempotency-Key was used with a different request");
            }
            if (existing.isCompleted()) {
                return replay(existing);
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new ConflictException("A request with this Idempotency-Key is still being processed; retry shortly");
            }
            pause();
        }
        Response response;
        try {
            response = create.get();
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> release(id));
            throw e;
        }
        if (response.getStatus() >= 500) {
            QuarkusTransaction.requiringNew().run(() -> release(id));
        } else {
            QuarkusTransaction.requiringNew().run(() -> complete(id, response));
        }
        return response;
    }

    /** Claims the key, or answers the record that holds it. */
    private IdempotencyRecord claim(IdempotencyRecord.Key id, String hash) {
        Instant now = Instant.now();
        int inserted = em.createNativeQuery("""
                        insert into idempotency_key (caller_id, idempotency_key, request_hash, claimed_at)
                        values (:caller, :key, :hash, :now) on conflict do nothing""")
                .setParameter("caller", id.callerId()).setParameter("key", id.key())
                .setParameter("hash", hash).setParameter("now", now).executeUpdate();
        if (inserted == 1) {
            return null;
        }
        IdempotencyRecord existing = em.find(IdempotencyRecord.class, id,
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (existing == null) {
            return claim(id, hash);
        }
        boolean expired = existing.isCompleted()
                && existing.claimedAt.isBefore(now.minus(config.idempotency().retention()));
        boolean abandoned = !existing.isCompleted() && existing.claimedAt.isBefore(now.minus(ABANDONED));
        if (expired || abandoned) {
            em.remove(existing);
            em.flush();
            return claim(id, hash);
        }
        em.detach(existing);
        return existing;
    }

    private void complete(IdempotencyRecord.Key id, Response response) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, id);
        record.completedAt = Instant.now();
        record.status = response.getStatus();
        record.contentType = response.getMediaType() == null ? null : response.getMediaType().toString();
        record.body = response.hasEntity() ? serialize(response.getEntity()) : null;
        record.location = response.getLocation() == null ? null : response.getLocation().toString();
        record.etag = response.getHeaderString(HttpHeaders.ETAG);
    }

    private void release(IdempotencyRecord.Key id) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, id);
        if (record != null) {
            em.remove(record);
        }
    }

    private static Response replay(IdempotencyRecord record) {
        Response.ResponseBuilder response = Response.status(record.status).header(REPLAYED_HEADER, "true");
        if (record.body != null) {
            response.entity(record.body).type(record.contentType == null ? "application/json" : record.contentType);
        }
        if (record.location != null) {
            response.header(HttpHeaders.LOCATION, record.location);
        }
        if (record.etag != null) {
            response.header(HttpHeaders.ETAG, record.etag);
        }
        return response.build();
    }

    private String hash(Object request) {
        String operation = http.getCurrent().request().method().name() + " " + http.getCurrent().normalizedPath();
        return RequestHash.of(json, operation, request);
    }

    private String serialize(Object entity) {
        try {
            return entity instanceof String text ? text : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be stored", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("Interrupted while waiting for the first request with this key");
        }
    }

    /** Forgets keys past their retention. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from idempotency_key where claimed_at < :before")
                .setParameter("before", Instant.now().minus(config.idempotency().retention()))
                .executeUpdate());
    }
}
