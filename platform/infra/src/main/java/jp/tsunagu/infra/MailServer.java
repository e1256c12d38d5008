package jp.tsunagu.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP and IMAP server for local mail: GreenMail standalone, run as a child process from the
 * jar Maven resolved. Everything is kept in memory (a restart empties the mailboxes). Authentication
 * is off: it accepts mail for any address and makes its mailbox, and an IMAP client logs in with the
 * address as the user and any password. The given addresses have their mailbox from the start.
 */
public final class MailServer implements AutoCloseable {

    /** What the mailboxes given at start are made with; with authentication off any password is accepted. */
    public static final String PASSWORD = "demo-password";

    private final int smtpPort;
    private final int imapPort;
    private final ManagedProcess process;

    private MailServer(int smtpPort, int imapPort, ManagedProcess process) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.process = process;
    }

    /**
     * Starts GreenMail on 127.0.0.1 with its log in {@code home}; a port of 0 takes a free one.
     * {@code mailboxes} are addresses ({@code name@domain}) whose mailbox exists before any mail.
     */
    public static MailServer start(Path home, int smtpPort, int imapPort, List<String> mailboxes) {
        int smtp = smtpPort > 0 ? smtpPort : Ports.free();
        int imap = imapPort > 0 ? imapPort : Ports.free();
        for (int port : new int[] {smtp, imap}) {
            if (Ports.answers(port)) {
                throw new InfraException("port " + port + " is taken: is another mail server running?");
            }
        }
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new InfraException("cannot create " + home, e);
        }
        // mail is kept on the heap: 256 MB holds some 20,000 alerts (128 MB filled at about 10,000 in a bench
        // and then GreenMail spent its time collecting); the benches empty the demo mailboxes after them
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable(), "-Xms32m", "-Xmx256m",
                "-XX:+UseSerialGC",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtp,
                "-Dgreenmail.imap.hostname=127.0.0.1", "-Dgreenmail.imap.port=" + imap,
                "-Dgreenmail.auth.disabled", "-Dgreenmail.users.login=email"));
        if (!mailboxes.isEmpty()) {
            command.add("-Dgreenmail.users=" + String.join(",", mailboxes.stream().map(MailServer::user).toList()));
        }
        command.addAll(List.of("-jar", InfraArtifacts.greenmailStandaloneJar().toString()));
        ManagedProcess process = ManagedProcess.start("GreenMail", command, Map.of(), home, home.resolve("greenmail.log"));
        process.awaitReady(() -> Ports.answers(smtp) && Ports.answers(imap), Duration.ofSeconds(60));
        return new MailServer(smtp, imap, process);
    }

    /** GreenMail's {@code login:password@domain}: the login is the whole address (greenmail.users.login=email). */
    private static String user(String address) {
        int at = address.indexOf('@');
        if (at < 1 || at != address.lastIndexOf('@') || address.contains(",") || address.contains(":")) {
            throw new IllegalArgumentException("not a plain address: " + address);
        }
        // any password works with authentication off; this one is only what the mailbox is made with
        return address.substring(0, at) + ":" + PASSWORD + "@" + address.substring(at + 1);
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.close();
    }
}
