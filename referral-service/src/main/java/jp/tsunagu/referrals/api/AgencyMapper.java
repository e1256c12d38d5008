package jp.tsunagu.referrals.api;

import jp.tsunagu.platform.time.Tokyo;
import jp.tsunagu.referrals.domain.Agency;
import jp.tsunagu.referrals.domain.AgencyDraft;
import jp.tsunagu.referrals.domain.AgencyEntry;
import jp.tsunagu.referrals.domain.OfferedService;
import jp.tsunagu.referrals.domain.WebAddress;
import jp.tsunagu.referrals.domain.WebhookSecret;

import java.util.Optional;

/** Between the directory API's records and the domain. */
final class AgencyMapper {

    private AgencyMapper() {
    }

    /** The draft a body describes; {@code clearSecret}: a merge patch said {@code "secret": null}. */
    static AgencyDraft draft(AgencyBodies.AgencyBody body, boolean clearSecret) {
        String website = blankToNull(body.website());
        if (website != null) {
            WebAddress.parse(website, "website");
        }
        return new AgencyDraft(body.id(), body.name().strip(), body.description().strip(), body.kind(),
                body.municipality().strip(), blankToNull(body.parentId()), blankToNull(body.email()), website,
                body.location(), body.contact(),
                body.serviceArea() == null ? null : body.serviceArea().stream().map(String::strip).toList(),
                body.services() == null ? null : body.services().stream().map(s -> new AgencyDraft.ServiceDraft(s.id(),
                        s.name().strip(), blankToNull(s.description()), s.status(), blankToNull(s.eligibility()),
                        blankToNull(s.applicationProcess()))).toList(),
                body.capacity() == null ? null : new AgencyDraft.Capacity(body.capacity().acceptingReferrals(),
                        Optional.ofNullable(body.capacity().availableSlots()), Optional.ofNullable(body.capacity().note())),
                blankToNull(body.notes()),
                body.webhook() == null ? null : new AgencyDraft.Webhook(body.webhook().url(),
                        Optional.ofNullable(body.webhook().secret()).map(s -> WebhookSecret.parse(s, "webhook.secret")),
                        clearSecret && body.webhook().secret() == null));
    }

    /** The entry as a body, for a merge patch to apply to (the secret is not in it: absent keeps it). */
    static AgencyBodies.AgencyBody body(AgencyEntry entry) {
        Agency a = entry.agency();
        return new AgencyBodies.AgencyBody(a.id, a.name, a.description, a.kind, a.municipality, a.parentId, a.email,
                a.website, a.location, a.contact, entry.serviceArea(),
                entry.services().stream().map(s -> new AgencyBodies.ServiceBody(s.id, s.name, s.description, s.status,
                        s.eligibility, s.applicationProcess)).toList(),
                new AgencyBodies.CapacityBody(a.acceptingReferrals, a.availableSlots, a.capacityNote), a.notes,
                a.webhookUrl == null ? null : new AgencyBodies.WebhookBody(a.webhookUrl, null));
    }

    /** The entry as answered: {@code notes} and {@code webhook} only to those who may see them. */
    static AgencyBodies.AgencyView view(AgencyEntry entry, boolean seesNotes, boolean seesWebhook) {
        Agency a = entry.agency();
        return new AgencyBodies.AgencyView(a.id, a.version, a.hsdsId, a.name, a.description, a.kind, a.municipality, a.parentId,
                a.email, a.website, a.location, a.contact, entry.serviceArea(),
                entry.services().stream().map(AgencyMapper::view).toList(),
                new AgencyBodies.CapacityView(a.acceptingReferrals, a.availableSlots, a.capacityNote,
                        Tokyo.offset(a.capacityUpdatedAt)),
                seesNotes ? a.notes : null,
                seesWebhook && a.webhookUrl != null
                        ? new AgencyBodies.WebhookView(a.webhookUrl, a.hasWebhookSecret(), Tokyo.offset(a.webhookSecretRotatedAt))
                        : null,
                Tokyo.offset(a.createdAt), Tokyo.offset(a.updatedAt));
    }

    private static AgencyBodies.ServiceView view(OfferedService s) {
        return new AgencyBodies.ServiceView(s.id, s.name, s.description, s.status, s.eligibility, s.applicationProcess,
                Tokyo.offset(s.updatedAt));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
