package jp.tsunagu.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports: find a free one, ask whether one answers. */
public final class Ports {

    private Ports() {
    }

    /**
     * Below the kernel's ephemeral range (Linux: 32768 and up), where a port found free now cannot be
     * taken before its server binds it by the local end of an outgoing connection, which the
     * ephemeral range hands out all the time while a system starts.
     */
    private static final int FROM = 20_000;
    private static final int TO = 32_000;

    /** Ports handed out by this JVM: free until their servers bind them, so never handed out twice. */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    /**
     * A loopback port nothing listens on and this JVM has not handed out before, for a server to be
     * started on it soon (two asked for at once, say a broker's and its controller's, differ).
     */
    public static int free() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FROM, TO);
            if (!GIVEN.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (IOException taken) {
                // another one
            }
        }
        throw new InfraException("no free port between " + FROM + " and " + TO);
    }

    public static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
