package jp.tsunagu.notifications;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jp.tsunagu.infra.Ports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A real SMTP and IMAP server (GreenMail) in the test JVM, the mail server of every test of this
 * module; mail is read back over IMAP, as a person's mail client would. Authentication is off:
 * the mailbox of any address is opened with any password.
 */
@QuarkusTestResource(TestMail.Server.class)
public final class TestMail {

    /** A mail as read back over IMAP: decoded subject and text (its CRLF line ends as \n), the raw subject header. */
    public record Received(String subject, String rawSubject, String contentType, String text,
                           Optional<String> autoSubmitted, List<String> to) {
    }

    private static GreenMail greenMail;

    private TestMail() {
    }

    /** Starts GreenMail once per test JVM (stopped when it ends) and points the mailer at it. */
    public static class Server implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", String.valueOf(greenMail().getSmtp().getPort()));
        }

        @Override
        public void stop() {
            // the server outlives one application: it stops when the test JVM ends
        }
    }

    private static synchronized GreenMail greenMail() {
        if (greenMail == null) {
            GreenMail started = new GreenMail(new ServerSetup[] {
                    new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
            started.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "test-mail-stop"));
            greenMail = started;
        }
        return greenMail;
    }

    /** Every mail in the address's inbox, oldest first, read over IMAP. */
    public static List<Received> inbox(String address) {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", greenMail().getImap().getPort(), address, "any-password");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Received> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    String[] autoSubmitted = message.getHeader("Auto-Submitted");
                    List<String> to = new ArrayList<>();
                    for (var recipient : message.getAllRecipients()) {
                        to.add(recipient.toString());
                    }
                    mails.add(new Received(message.getSubject(), message.getHeader("Subject")[0],
                            message.getContentType(), text(message.getContent()).replace("\r\n", "\n"),
                            Optional.ofNullable(autoSubmitted).map(values -> values[0]), to));
                }
                return mails;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not read the mailbox over IMAP", e);
        }
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                all.append(text(part.getContent()));
            }
            return all.toString();
        }
        throw new IllegalStateException("unexpected mail content " + content.getClass());
    }
}
