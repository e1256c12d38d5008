package jp.tsunagu.system;

import jp.tsunagu.local.Layout;
import jp.tsunagu.local.Service;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a center's machine in an office network, nothing of a running system listens beyond the
 * machine itself: every listening socket of its ports, as the kernel lists them
 * ({@code /proc/net/tcp} and {@code tcp6}), is bound to loopback, never to every interface (all
 * zeros there) nor to the machine's network address.
 */
class LoopbackOnlySystemTest {

    /** 127.0.0.1 as the kernel writes it: in tcp, and in tcp6 IPv4-mapped (Java's sockets) or ::1. */
    private static final java.util.Set<String> LOOPBACK = java.util.Set.of("0100007F",
            "0000000000000000FFFF00000100007F", "00000000000000000000000001000000");

    @Test
    void everyPortOfTheSystemListensOnLoopbackOnly() throws IOException {
        Layout layout = RunningSystem.get().layout();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            ports.put(service.module(), layout.servicePorts().get(service));
        }
        ports.put("PostgreSQL", layout.postgresPort());
        ports.put("Kafka", layout.kafkaPort());
        ports.put("Keycloak", layout.keycloakPort());
        ports.put("SMTP", layout.smtpPort());
        ports.put("IMAP", layout.imapPort());
        ports.put("demo page", layout.demoPagePort());

        List<String[]> listening = listeningSockets();
        List<String> wide = new ArrayList<>();
        ports.forEach((what, port) -> {
            List<String> addresses = listening.stream().filter(s -> Integer.parseInt(s[1], 16) == port)
                    .map(s -> s[0]).toList();
            assertThat(addresses).as(what + " listens on port " + port).isNotEmpty();
            addresses.stream().filter(address -> !LOOPBACK.contains(address))
                    .forEach(address -> wide.add(what + " on " + address + ":" + port));
        });
        System.out.printf("listening sockets of the system: %d ports, %d on more than loopback%n", ports.size(), wide.size());
        assertThat(wide).as("sockets bound beyond 127.0.0.1").isEmpty();
    }

    /** Each listening socket: {hex address, hex port} (state 0A is LISTEN). */
    private static List<String[]> listeningSockets() throws IOException {
        List<String[]> sockets = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals("0A")) {
                    sockets.add(fields[1].split(":"));
                }
            }
        }
        return sockets;
    }
}
