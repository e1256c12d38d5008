package jp.tsunagu.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.platform.audit.ActRecorded;
import jp.tsunagu.platform.config.PlatformConfig;
import jp.tsunagu.platform.http.ETags;
import jp.tsunagu.platform.http.RequestHash;
import jp.tsunagu.platform.problem.ConflictException;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.ProblemKind;
import jp.tsunagu.platform.problem.ProblemMapper;
import jp.tsunagu.platform.problem.UnprocessableException;
import jp.tsunagu.platform.security.CallerScope;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for creating POSTs ({@link Idempotent}): mobile clients retry after
 * losing signal, and nothing may be recorded twice. The same caller, key and request within the
 * retention answer the first response; the same key with another request answers 422; a duplicate
 * that arrives while the first is still running waits for it (then replays) or, past the wait,
 * answers 409.
 * <p>
 * A key lives in three steps. It is <b>claimed</b> in a short transaction of its own before the
 * work, so concurrent duplicates create once. It is <b>sealed</b> inside the act's own transaction
 * (on {@link ActRecorded}), so it says "done" exactly when the change committed: a failed commit
 * leaves it unsealed, and it is released for a retry. After the commit the <b>answer is kept</b>
 * for replays. Should that last step be lost (a crash between), a retry answers 409 with the
 * {@code Location} of what was done instead of doing it again. An unsealed claim whose request
 * died (its process killed) is taken over after {@code tsunagu.idempotency.abandoned-after}.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    /** A claimed key, or the answer for a key used before ({@code earlier}). */
    record Claim(IdempotencyRecord.Key id, Optional<Response> earlier) {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final CallerScope caller;
    private final CurrentVertxRequest http;
    private final CurrentClaim current;
    private final PlatformConfig config;

    Idempotency(EntityManager em, ObjectMapper json, CallerScope caller, CurrentVertxRequest http, CurrentClaim current,
                PlatformConfig config) {
        this.em = em;
        this.json = json;
        this.caller = caller;
        this.http = http;
        this.current = current;
        this.config = config;
    }

    /** Claims the key for this request, or answers what an earlier request with it got. */
    Claim claim(String key, Object request) {
        if (!KEY.matcher(key).matches()) {
            throw new InvalidRequestException(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        IdempotencyRecord.Key id = new IdempotencyRecord.Key(caller.userId(), key);
        String hash = RequestHash.of(json, request().method().name() + " " + http.getCurrent().normalizedPath(), request);
        Instant giveUp = Instant.now().plus(config.idempotency().duplicateWait());
        while (true) {
            IdempotencyRecord existing = QuarkusTransaction.requiringNew().call(() -> claimOrFind(id, hash));
            if (existing == null) {
                current.set(id);
                return new Claim(id, Optional.empty());
            }
            if (!existing.requestHash.equals(hash)) {
                throw new UnprocessableException("This Idempotency-Key was used with a different request");
            }
            if (existing.isCompleted()) {
                return new Claim(id, Optional.of(existing.status != null ? replay(existing) : answerLost(existing)));
            }
            if (Instant.now().isAfter(giveUp)) {
                if (existing.isSealed()) {
                    return new Claim(id, Optional.of(answerLost(existing)));
                }
                throw new ConflictException("A request with this Idempotency-Key is still being processed; retry shortly");
            }
            pause();
        }
    }

    /** Seals the claim of the current request in the act's transaction: done exactly when the act commits. */
    void seal(@Observes ActRecorded act) {
        if (!Arc.container().requestContext().isActive()) {
            return;
        }
        current.get().ifPresent(id -> em.createNativeQuery("""
                        update idempotency_key set sealed_at = :now, object_type = :type, object_id = :object
                        where caller_id = :caller and idempotency_key = :key and sealed_at is null""")
                .setParameter("now", Instant.now()).setParameter("type", act.objectType())
                .setParameter("object", act.objectId())
                .setParameter("caller", id.callerId()).setParameter("key", id.key()).executeUpdate());
    }

    /** Keeps the answer of a request whose act committed, for its replays. */
    void complete(Claim claim, Response response) {
        current.clear();
        QuarkusTransaction.requiringNew().run(() -> {
            IdempotencyRecord record = em.find(IdempotencyRecord.class, claim.id());
            if (record == null) {
                return;
            }
            record.completedAt = Instant.now();
            record.status = response.getStatus();
            record.contentType = response.getMediaType() == null ? null : response.getMediaType().toString();
            record.body = response.hasEntity() ? serialize(response.getEntity()) : null;
            record.location = response.getLocation() == null ? null : response.getLocation().toString();
            record.etag = Optional.ofNullable(response.getHeaderString(HttpHeaders.ETAG))
                    .or(() -> ETags.of(response.getEntity())).orElse(null);
        });
    }

    /**
     * After a failure: a claim whose act did not commit is released for a retry; a sealed one (the
     * act committed, something after it failed) is done, without an answer to replay.
     */
    void release(Claim claim) {
        current.clear();
        IdempotencyRecord.Key id = claim.id();
        QuarkusTransaction.requiringNew().run(() -> {
            int released = em.createNativeQuery(
                            "delete from idempotency_key where caller_id = :caller and idempotency_key = :key and sealed_at is null")
                    .setParameter("caller", id.callerId()).setParameter("key", id.key()).executeUpdate();
            if (released == 0) {
                em.createNativeQuery("""
                                update idempotency_key set completed_at = :now
                                where caller_id = :caller and idempotency_key = :key and completed_at is null""")
                        .setParameter("now", Instant.now())
                        .setParameter("caller", id.callerId()).setParameter("key", id.key()).executeUpdate();
            }
        });
    }

    /** Claims the key, or answers the record that holds it. */
    private IdempotencyRecord claimOrFind(IdempotencyRecord.Key id, String hash) {
        Instant now = Instant.now();
        int inserted = em.createNativeQuery("""
                        insert into idempotency_key (caller_id, idempotency_key, request_hash, claimed_at)
                        values (:caller, :key, :hash, :now) on conflict do nothing""")
                .setParameter("caller", id.callerId()).setParameter("key", id.key())
                .setParameter("hash", hash).setParameter("now", now).executeUpdate();
        if (inserted == 1) {
            return null;
        }
        IdempotencyRecord existing = em.find(IdempotencyRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (existing == null) {
            return claimOrFind(id, hash);
        }
        boolean expired = existing.claimedAt.isBefore(now.minus(config.idempotency().retention()));
        boolean abandoned = !existing.isSealed() && existing.claimedAt.isBefore(now.minus(config.idempotency().abandonedAfter()));
        if (expired || abandoned) {
            em.remove(existing);
            em.flush();
            return claimOrFind(id, hash);
        }
        em.detach(existing);
        return existing;
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

    /**
     * A request with this key was carried out, but its answer was not kept: 409, never a second
     * act, with the {@code Location} of what it acted on (the created object, or the collection
     * under the object that lists what was created).
     */
    private Response answerLost(IdempotencyRecord record) {
        String path = request().path();
        String location = record.objectId == null || path.contains(record.objectId) ? path : path + "/" + record.objectId;
        return Response.fromResponse(ProblemMapper.problem(ProblemKind.CONFLICT,
                        "The request with this Idempotency-Key was carried out, but its answer was not kept; "
                                + "read the result at Location instead", request(), null, null))
                .location(URI.create(location)).build();
    }

    private HttpServerRequest request() {
        return http.getCurrent().request();
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
