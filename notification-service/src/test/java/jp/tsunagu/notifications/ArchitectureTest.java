package jp.tsunagu.notifications;

import jp.tsunagu.testkit.ArchitectureContract;

/** notification-service keeps the walls of architecture.md like every service. */
class ArchitectureTest extends ArchitectureContract {
    @Override
    protected String servicePackage() {
        return "jp.tsunagu.notifications";
    }
}
