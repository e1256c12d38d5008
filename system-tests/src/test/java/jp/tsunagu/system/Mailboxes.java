package jp.tsunagu.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jp.tsunagu.infra.MailServer;
import jp.tsunagu.local.Layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** Every mail in every demo user's mailbox of the local mail server, read over IMAP: headers, subject and body. */
final class Mailboxes {

    private Mailboxes() {
    }

    static List<String> addresses(Layout layout) {
        try {
            List<String> addresses = new ArrayList<>();
            for (JsonNode user : new ObjectMapper().readTree(layout.realmFile().toFile()).path("users")) {
                if (!user.path("email").asText("").isBlank()) {
                    addresses.add(user.path("email").asText());
                }
            }
            return addresses;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every part's text decoded from its transfer encoding, parts within parts too; the raw part when it is not text. */
    private static void decoded(Part part, StringBuilder text) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                decoded(multipart.getBodyPart(i), text);
            }
        } else if (content instanceof String plain) {
            text.append(plain).append('\n');
        } else {
            text.append(GreenMailUtil.getBody(part)).append('\n');
        }
    }

    static List<String> texts(Layout layout) throws MessagingException, IOException {
        List<String> texts = new ArrayList<>();
        for (String address : addresses(layout)) {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", layout.imapPort(), address, MailServer.PASSWORD);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                for (Message message : inbox.getMessages()) {
                    StringBuilder text = new StringBuilder("To: " + address + "\n");
                    for (var header : Collections.list(message.getAllHeaders())) {
                        text.append(header.getName()).append(": ").append(header.getValue()).append('\n');
                    }
                    text.append(message.getSubject()).append('\n');
                    decoded(message, text);
                    texts.add(text.toString());
                }
            } finally {
                store.close();
            }
        }
        return texts;
    }

    /** How many mails the mailbox holds: what {@link #newestHolding} looks beyond. */
    static int count(Layout layout, String address) {
        try {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", layout.imapPort(), address, MailServer.PASSWORD);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                return inbox.getMessageCount();
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("the mailbox of " + address, e);
        }
    }

    /**
     * The text (subject and body) of the newest mail after the first {@code after} in the mailbox
     * that holds the text, looked for from the newest back: a mailbox of a long run holds
     * thousands, and reading each is a round trip.
     */
    static Optional<String> newestHolding(Layout layout, String address, int after, String holding)
            throws MessagingException, IOException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", layout.imapPort(), address, MailServer.PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (int number = inbox.getMessageCount(); number > after; number--) {
                Message message = inbox.getMessage(number);
                StringBuilder text = new StringBuilder(message.getSubject()).append('\n');
                decoded(message, text);
                if (text.toString().contains(holding)) {
                    return Optional.of(text.toString());
                }
            }
            return Optional.empty();
        } finally {
            store.close();
        }
    }
}
