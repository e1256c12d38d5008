package jp.tsunagu.cases.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corrected visit's timeline line is found by the object it refers to through an index
 * (V4), never by reading every center's timeline: the statement {@link LearnedEvents} issues for
 * each visit event, explained with sequential scans disabled, uses {@code timeline_entry_ref}.
 */
@QuarkusTest
class TimelineLineByRefTest {

    @Inject
    EntityManager em;

    @Test
    void theLineOfACorrectedVisitIsFoundByIndex() {
        List<String> plan = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            @SuppressWarnings("unchecked")
            List<String> lines = em.createNativeQuery(
                            "explain delete from timeline_entry where ref_id = cast(:v as uuid) and kind = :k")
                    .setParameter("v", UUID.randomUUID().toString()).setParameter("k", "VISIT_RECORDED").getResultList();
            return lines;
        });

        assertThat(String.join("\n", plan)).contains("timeline_entry_ref").doesNotContain("Seq Scan");
    }
}
