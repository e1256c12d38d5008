package jp.tsunagu.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.infra.InfraException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The e-mail addresses of the demo realm's users, each of which gets a mailbox in the local mail server. */
public final class DemoMailboxes {

    private DemoMailboxes() {
    }

    public static List<String> of(Path realmFile) {
        try {
            List<String> addresses = new ArrayList<>();
            for (JsonNode user : new ObjectMapper().readTree(realmFile.toFile()).path("users")) {
                String email = user.path("email").asText("");
                if (!email.isBlank()) {
                    addresses.add(email);
                }
            }
            return List.copyOf(addresses);
        } catch (IOException e) {
            throw new InfraException("cannot read the demo users of " + realmFile, e);
        }
    }
}
