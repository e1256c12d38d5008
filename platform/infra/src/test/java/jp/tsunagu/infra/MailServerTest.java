package jp.tsunagu.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GreenMail as the run command starts it: a mail sent over SMTP is read over IMAP; closing leaves no process. */
class MailServerTest {

    private static final String ADDRESS = "tokyo-supervisor@example.invalid";

    @TempDir
    Path home;

    @Test
    void aMailSentOverSmtpIsReadOverImapWithTheAddressAsUserAndAnyPassword() throws IOException {
        long pid;
        int smtp;
        int imap;
        try (MailServer server = MailServer.start(home, 0, 0, List.of(ADDRESS, "osaka-supporter@example.invalid"))) {
            pid = server.pid();
            smtp = server.smtpPort();
            imap = server.imapPort();
            assertThat(imapSession(imap, ADDRESS, MailServer.PASSWORD)).as("the demo mailbox exists before any mail")
                    .anyMatch(line -> line.equals("* 0 EXISTS"));

            send(smtp, ADDRESS);

            assertThat(imapSession(imap, ADDRESS, "whatever-password")).anyMatch(line -> line.equals("* 1 EXISTS"))
                    .anyMatch(line -> line.startsWith("a2 OK"));
        }
        assertThat(ProcessHandle.of(pid)).isEmpty();
        assertThat(Ports.answers(smtp)).isFalse();
        assertThat(Ports.answers(imap)).isFalse();
    }

    /** A plain SMTP conversation, as a mail client has it. */
    private static void send(int port, String to) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            assertThat(reply(in)).startsWith("220");
            assertThat(command(in, out, "EHLO infra-test")).startsWith("250 ");
            assertThat(command(in, out, "MAIL FROM:<no-reply@tsunagu.example.invalid>")).startsWith("250");
            assertThat(command(in, out, "RCPT TO:<" + to + ">")).startsWith("250");
            assertThat(command(in, out, "DATA")).startsWith("354");
            assertThat(command(in, out, "Subject: infra test\r\n\r\nhello\r\n.")).startsWith("250");
            assertThat(command(in, out, "QUIT")).startsWith("221");
        }
    }

    /** Logs in, selects the inbox and logs out; answers every line the server said. */
    private static List<String> imapSession(int port, String user, String password) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            List<String> lines = new ArrayList<>();
            lines.add(in.readLine());
            lines.addAll(tagged(in, out, "a1", "LOGIN \"" + user + "\" \"" + password + "\""));
            assertThat(lines.getLast()).startsWith("a1 OK");
            lines.addAll(tagged(in, out, "a2", "SELECT INBOX"));
            lines.addAll(tagged(in, out, "a3", "LOGOUT"));
            return lines;
        }
    }

    private static List<String> tagged(BufferedReader in, OutputStream out, String tag, String command) throws IOException {
        out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                break;
            }
            lines.add(line);
        } while (!line.startsWith(tag + " "));
        return lines;
    }

    private static String command(BufferedReader in, OutputStream out, String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reply(in);
    }

    /** The last line of a (possibly multi-line) SMTP reply. */
    private static String reply(BufferedReader in) throws IOException {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        return line;
    }
}
