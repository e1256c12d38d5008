package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.tsunagu.cases.security.CaseAccess;
import jp.tsunagu.platform.audit.AuditEntry;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.AuditTrail;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;

import java.util.UUID;

/** Who read or changed a case or any of its objects, whichever service served it, newest first: for the supervisors of its center (a read that is audited too). */
@ApplicationScoped
@Transactional
public class AccessLog {

    private final AuditTrail trail;
    private final CaseAccess access;

    AccessLog(AuditTrail trail, CaseAccess access) {
        this.trail = trail;
        this.access = access;
    }

    @Audited(action = "case.access-log.read", objectType = "case")
    public Page<AuditEntry> of(@AuditObjectId UUID caseId, PageRequest page) {
        access.supervised(caseId);
        return trail.forCase(caseId, page);
    }
}
