package jp.tsunagu.referrals;

import jp.tsunagu.testkit.ArchitectureContract;

/** referral-service keeps the walls of architecture.md like every service. */
class ArchitectureTest extends ArchitectureContract {
    @Override
    protected String servicePackage() {
        return "jp.tsunagu.referrals";
    }
}
