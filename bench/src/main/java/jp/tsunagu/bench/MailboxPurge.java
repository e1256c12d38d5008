package jp.tsunagu.bench;

import jp.tsunagu.local.DemoMailboxes;
import jp.tsunagu.local.Layout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Empties the demo users' mailboxes on the local mail server (GreenMail keeps mail in its small
 * heap: the thousands of crisis alerts a bench sends would fill it, and its collector would then
 * take half a core from every later figure). Plain IMAP: login, select, flag every message
 * deleted, expunge.
 */
final class MailboxPurge {

    private MailboxPurge() {
    }

    /** Empties every demo mailbox; answers how many messages were removed. */
    static int demoMailboxes(Layout layout) {
        int removed = 0;
        for (String address : DemoMailboxes.of(layout.realmFile())) {
            removed += mailbox(layout.imapPort(), address);
        }
        return removed;
    }

    private static int mailbox(int imapPort, String address) {
        try (Socket socket = new Socket("127.0.0.1", imapPort);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
             OutputStream out = socket.getOutputStream()) {
            in.readLine(); // greeting
            command(in, out, "a1 LOGIN \"" + address + "\" any");
            int messages = 0;
            for (String line : command(in, out, "a2 SELECT INBOX").split("\n")) {
                if (line.matches("\\* \\d+ EXISTS")) {
                    messages = Integer.parseInt(line.split(" ")[1]);
                }
            }
            if (messages > 0) {
                command(in, out, "a3 STORE 1:* +FLAGS.SILENT (\\Deleted)");
                command(in, out, "a4 EXPUNGE");
            }
            command(in, out, "a5 LOGOUT");
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the mailbox of " + address, e);
        }
    }

    /** Sends a tagged command; answers the untagged lines before its tagged OK. */
    private static String command(BufferedReader in, OutputStream out, String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String tag = command.substring(0, command.indexOf(' ')) + " ";
        StringBuilder untagged = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith(tag)) {
                if (!line.startsWith(tag + "OK")) {
                    throw new IOException(command.split(" ")[1] + " refused: " + line);
                }
                return untagged.toString();
            }
            if (line.startsWith("* ")) {
                untagged.append(line).append('\n');
            }
        }
        throw new IOException("the mail server closed the connection");
    }
}
