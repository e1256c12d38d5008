package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.domain.CaseNumber;

/**
 * Hands out case numbers per center and year without gaps or duplicates: the counter row is
 * locked by the opening transaction (concurrent openings wait for it) and rolls back with it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CaseNumbers {

    private final EntityManager em;

    CaseNumbers(EntityManager em) {
        this.em = em;
    }

    public String next(String centerId, int year) {
        int sequence = ((Number) em.createNativeQuery("""
                        insert into case_number_counter (center_id, year, last_seq) values (:center, :year, 1)
                        on conflict (center_id, year) do update set last_seq = case_number_counter.last_seq + 1
                        returning last_seq""")
                .setParameter("center", centerId).setParameter("year", year).getSingleResult()).intValue();
        return CaseNumber.format(year, sequence);
    }
}
