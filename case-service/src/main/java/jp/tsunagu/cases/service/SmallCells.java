package jp.tsunagu.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.cases.domain.SmallCellMask;
import jp.tsunagu.platform.security.CallerScope;
import jp.tsunagu.platform.security.Roles;

/**
 * Whose counts are masked: a supervisor reads the counts of their own center as they are; any other
 * reader (a center's own system, {@code center-system}, exporting them) gets the small cells masked
 * below {@code tsunagu.reports.small-cell-threshold}, so that an export cannot point at a person.
 */
@ApplicationScoped
public class SmallCells {

    private final CallerScope caller;
    private final ReportConfig config;

    SmallCells(CallerScope caller, ReportConfig config) {
        this.caller = caller;
        this.config = config;
    }

    public SmallCellMask forCaller() {
        return caller.hasRole(Roles.SUPERVISOR) ? SmallCellMask.NONE : SmallCellMask.below(config.smallCellThreshold());
    }
}
