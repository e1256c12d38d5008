package jp.tsunagu.referrals.domain;

import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.platform.problem.InvalidRequestException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What an administrator says an agency is: everything of its directory entry a create or an update
 * sets. Optional parts are null when absent. {@code webhook} null means the agency has no webhook.
 */
public record AgencyDraft(String id, String name, String description, AgencyKind kind, String municipality,
                          String parentId, String email, String website, Location location, Contact contact,
                          List<String> serviceArea, List<ServiceDraft> services, Capacity capacity, String notes,
                          Webhook webhook) {

    public AgencyDraft {
        Objects.requireNonNull(id, "id");
        serviceArea = serviceArea == null ? List.of() : serviceArea.stream().distinct().toList();
        services = services == null ? List.of() : List.copyOf(services);
        capacity = capacity == null ? Capacity.OPEN : capacity;
    }

    /**
     * One service of the agency (HSDS service). {@code id} names a service the agency has already,
     * to change it in place (HSDS consumers keep its id); without one it is a new service.
     */
    public record ServiceDraft(UUID id, String name, String description, ServiceStatus status, String eligibility,
                               String applicationProcess) {

        public ServiceDraft {
            status = status == null ? ServiceStatus.ACTIVE : status;
        }
    }

    /**
     * Whether the agency takes referrals now (after the capacity of SDOHCC 3.0's HealthcareService):
     * yes or no, and optionally how many it can take and a note (e.g. 初診は2か月待ち).
     */
    public record Capacity(boolean acceptingReferrals, Optional<Integer> availableSlots, Optional<String> note) {

        /** What a new agency has unless told otherwise: accepting, nothing more said. */
        public static final Capacity OPEN = new Capacity(true, Optional.empty(), Optional.empty());

        public Capacity {
            availableSlots = Objects.requireNonNullElse(availableSlots, Optional.<Integer>empty());
            note = Objects.requireNonNullElse(note, Optional.<String>empty()).filter(n -> !n.isBlank());
            if (!acceptingReferrals && availableSlots.filter(n -> n > 0).isPresent()) {
                throw new InvalidRequestException("capacity.availableSlots", "must be 0 or absent while not accepting referrals");
            }
        }
    }

    /**
     * The webhook: its URL (checked by {@link WebhookEndpoint}), and what happens to the secret:
     * a new one set, the old one cleared, or (neither) kept as it is.
     */
    public record Webhook(String url, Optional<WebhookSecret> newSecret, boolean clearSecret) {

        public Webhook {
            url = WebhookEndpoint.validated(url, "webhook.url");
            newSecret = Objects.requireNonNullElse(newSecret, Optional.<WebhookSecret>empty());
        }
    }
}
