package jp.tsunagu.system;

import jp.tsunagu.local.Service;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #10's audit completeness: every read of the marked run ({@link MarkedRun}) whose answer held
 * a case's sensitive content (one of its markers or names) has its audit entry, a SUCCESS written by
 * the service that answered, with the read's own request id.
 */
class AuditCompletenessSystemTest {

    @Test
    void everyReadOfSensitiveContentHasItsAuditEntry() throws Exception {
        MarkedRun run = SharedRun.get();
        List<MarkedRun.Read> sensitive = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (MarkedRun.Read read : run.reads) {
            if (run.markers.foundIn(read.body()).isEmpty()) {
                System.out.println("  read without marked content (not counted): " + read.what());
                continue;
            }
            sensitive.add(read);
            if (auditEntries(read) == 0) {
                missing.add(read.service().module() + " " + read.what() + " [" + read.requestId() + "]");
            }
        }
        double percent = sensitive.isEmpty() ? 0 : 100.0 * (sensitive.size() - missing.size()) / sensitive.size();
        System.out.printf("audit completeness: %d reads made, %d returned sensitive content, %d audited: %.1f %%%n",
                run.reads.size(), sensitive.size(), sensitive.size() - missing.size(), percent);
        missing.forEach(read -> System.out.println("  NOT AUDITED " + read));
        assertThat(sensitive).as("reads that returned sensitive content").hasSizeGreaterThan(30);
        assertThat(missing).as("sensitive reads without their audit entry").isEmpty();
    }

    private static long auditEntries(MarkedRun.Read read) {
        return ServiceDatabase.count(read.service(), "select count(*) from audit_entry where request_id = ?"
                + " and outcome = 'SUCCESS' and source is null", read.requestId());
    }
}
