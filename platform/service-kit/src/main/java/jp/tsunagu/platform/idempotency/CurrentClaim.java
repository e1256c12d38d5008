package jp.tsunagu.platform.idempotency;

import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/** The key the current request claimed, until its act seals it. */
@RequestScoped
class CurrentClaim {

    private IdempotencyRecord.Key key;

    Optional<IdempotencyRecord.Key> get() {
        return Optional.ofNullable(key);
    }

    void set(IdempotencyRecord.Key key) {
        this.key = key;
    }

    void clear() {
        key = null;
    }
}
