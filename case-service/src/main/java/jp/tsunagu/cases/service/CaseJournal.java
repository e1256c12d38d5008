package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.SupportCase;
import jp.tsunagu.cases.domain.TimelineEntry;
import jp.tsunagu.cases.domain.TimelineKind;
import jp.tsunagu.events.EventData;
import jp.tsunagu.platform.outbox.Outbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The one place where a change to a case is written down: the case is marked changed (the
 * database moves it on the delta feed's clock), the timeline gets its line, and the events go to
 * the outbox, all in the transaction of the change. Call it after the change is flushed, so that
 * events carry the new version.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CaseJournal {

    private final EntityManager em;
    private final Outbox outbox;

    CaseJournal(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    public void record(SupportCase supportCase, TimelineKind kind, UUID refId, Instant at,
                       Map<String, Object> attributes, EventData... events) {
        record(supportCase, kind, refId, at, at, attributes, events);
    }

    /**
     * The same for a record of something that happened before it was written down (a consultation
     * recorded the next day): its timeline line stands at {@code happenedAt}, the case changed {@code now}.
     */
    public void record(SupportCase supportCase, TimelineKind kind, UUID refId, Instant happenedAt, Instant now,
                       Map<String, Object> attributes, EventData... events) {
        supportCase.touched(now);
        em.persist(TimelineEntry.of(supportCase, kind, refId, happenedAt, attributes));
        for (EventData event : events) {
            outbox.append(event);
        }
    }
}
