package jp.tsunagu.bench;

import jp.tsunagu.local.Layout;
import jp.tsunagu.local.Service;
import jp.tsunagu.local.ServiceProcess;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment a service gets from the run command ({@link ServiceProcess#environment}), with
 * another port and database: what a second instance of a service, or the bare app, runs with beside
 * the running system. Its Kafka consumers are in a group of their own, from the latest records, and
 * ignore what fails: in the service's group it would take partitions from the running service. In
 * a group of its own the running service still handles every record, and the measured instance's
 * inbox skips what the other has handled (the same consumer name), as a replica's does.
 */
final class FootprintEnvironment {

    private FootprintEnvironment() {
    }

    static Map<String, String> of(Layout layout, String app, int port, String database) {
        Map<String, String> environment = new HashMap<>(ServiceProcess.environment(Service.CASE, layout));
        environment.putAll(Map.of(
                "MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_GROUP_ID", "footprint-" + app,
                "MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_AUTO_OFFSET_RESET", "latest",
                "MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_FAILURE_STRATEGY", "ignore",
                "QUARKUS_HTTP_HOST", Layout.LOOPBACK,
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + layout.postgresPort() + "/" + database));
        return environment;
    }
}
