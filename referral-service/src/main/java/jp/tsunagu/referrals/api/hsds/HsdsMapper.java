package jp.tsunagu.referrals.api.hsds;

import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.platform.time.Tokyo;
import jp.tsunagu.referrals.domain.Agency;
import jp.tsunagu.referrals.domain.AgencyEntry;
import jp.tsunagu.referrals.domain.OfferedService;
import jp.tsunagu.referrals.service.HsdsCatalog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * From the directory to HSDS 3.0. HSDS wants a UUID for every object: agencies and services have
 * their own; the parts the directory keeps inside an agency (location, address, phones, contact,
 * service areas) get ids derived from their owner's and what they are, stable while they are.
 */
final class HsdsMapper {

    static final String HSDS_VERSION = "3.0";
    /** The taxonomy the agency kinds are published in (HSDS attributes of the organization). */
    static final String KIND_TAXONOMY = "tsunagu-agency-kind";
    static final String ID_SCHEME = "tsunagu-agency-id";
    private static final Map<AgencyKind, String> KIND_NAMES = new EnumMap<>(Map.ofEntries(
            Map.entry(AgencyKind.POLICE, "警察"),
            Map.entry(AgencyKind.PUBLIC_HEALTH_CENTER, "保健所"),
            Map.entry(AgencyKind.MUNICIPAL_HEALTH_CENTER, "保健センター"),
            Map.entry(AgencyKind.HOSPITAL, "病院"),
            Map.entry(AgencyKind.PSYCHIATRIC_CLINIC, "精神科クリニック"),
            Map.entry(AgencyKind.DISABILITY_SUPPORT_CENTER, "障害者相談支援センター"),
            Map.entry(AgencyKind.WELFARE_OFFICE, "福祉事務所"),
            Map.entry(AgencyKind.SOCIAL_WELFARE_COUNCIL, "社会福祉協議会"),
            Map.entry(AgencyKind.EMPLOYMENT_SUPPORT, "就労支援"),
            Map.entry(AgencyKind.DROP_IN_PLACE, "居場所"),
            Map.entry(AgencyKind.FAMILY_ASSOCIATION, "家族会"),
            Map.entry(AgencyKind.VISITING_NURSE, "訪問看護"),
            Map.entry(AgencyKind.OTHER, "その他")));

    private HsdsMapper() {
    }

    static <T, R> HsdsBodies.Page<R> page(HsdsCatalog.Numbered<T> found, int page, int perPage, java.util.function.Function<T, R> map) {
        long totalPages = (found.total() + perPage - 1) / perPage;
        List<R> contents = found.items().stream().map(map).toList();
        return new HsdsBodies.Page<>(found.total(), totalPages, page, contents.size(), page == 1, page >= totalPages,
                contents.isEmpty(), contents);
    }

    static HsdsBodies.ServiceSummary summary(HsdsCatalog.ServiceOfAgency row) {
        OfferedService s = row.service();
        return new HsdsBodies.ServiceSummary(s.id, row.agency().hsdsId, s.name, s.description, s.status.hsds(),
                s.eligibility, s.applicationProcess, Tokyo.offset(s.updatedAt));
    }

    static HsdsBodies.Service service(HsdsCatalog.FullService full) {
        OfferedService s = full.service();
        AgencyEntry entry = full.agency();
        Agency a = entry.agency();
        Optional<HsdsBodies.Location> location = location(a);
        return new HsdsBodies.Service(s.id, a.hsdsId, s.name, s.description, s.status.hsds(), s.eligibility,
                s.applicationProcess, Tokyo.offset(latest(s.updatedAt, a.updatedAt)),
                organization(a, full.parentHsdsId(), location),
                phones(a, s.id), contacts(a, s.id),
                entry.serviceArea().stream().map(m -> new HsdsBodies.ServiceArea(id(s.id, "area", m), s.id, m)).toList(),
                location.map(l -> List.of(new HsdsBodies.ServiceAtLocation(id(s.id, "at", l.id()), s.id, l.id(), l)))
                        .orElse(List.of()));
    }

    static HsdsBodies.OrganizationSummary summary(HsdsCatalog.Organization row) {
        Agency a = row.agency();
        return new HsdsBodies.OrganizationSummary(a.hsdsId, a.name, a.description, a.email, a.website,
                row.parentHsdsId().orElse(null));
    }

    private static HsdsBodies.Organization organization(Agency a, Optional<UUID> parent, Optional<HsdsBodies.Location> location) {
        UUID kindTerm = id(KIND_TAXONOMY, a.kind.name());
        return new HsdsBodies.Organization(a.hsdsId, a.name, a.description, a.email, a.website, parent.orElse(null),
                phones(a, null), contacts(a, null), location.map(List::of).orElse(List.of()),
                List.of(new HsdsBodies.OrganizationIdentifier(id(a.hsdsId, "identifier", ID_SCHEME), a.hsdsId, ID_SCHEME,
                        "Tsunagu agency id", a.id)),
                List.of(new HsdsBodies.Attribute(id(a.hsdsId, "kind"), a.hsdsId, "agency_kind", "organization", kindTerm,
                        new HsdsBodies.TaxonomyTerm(kindTerm, a.kind.name(), KIND_NAMES.get(a.kind),
                                "Kind of partner agency in the Tsunagu directory: " + a.kind.name(), KIND_TAXONOMY))));
    }

    private static Optional<HsdsBodies.Location> location(Agency a) {
        if (a.location == null) {
            return Optional.empty();
        }
        UUID location = id(a.hsdsId, "location");
        var address = a.location.address();
        return Optional.of(new HsdsBodies.Location(location, "physical", a.hsdsId,
                a.location.name() == null ? a.name : a.location.name(), a.location.transportation(),
                List.of(new HsdsBodies.Address(id(location, "address"), location, address.street(), address.municipality(),
                        address.prefecture(), address.postalCode(), "JP", "physical"))));
    }

    /** The agency's numbers, as the organization's ({@code serviceId} null) or as a service's. */
    private static List<HsdsBodies.Phone> phones(Agency a, UUID serviceId) {
        if (a.contact == null) {
            return List.of();
        }
        UUID owner = serviceId == null ? a.hsdsId : serviceId;
        return a.contact.phones().stream().map(p -> new HsdsBodies.Phone(id(owner, "phone", p.number()),
                serviceId == null ? a.hsdsId : null, serviceId, p.number(), p.kind().hsds(), p.description())).toList();
    }

    private static List<HsdsBodies.Contact> contacts(Agency a, UUID serviceId) {
        if (a.contact == null || a.contact.department() == null && a.contact.email() == null) {
            return List.of();
        }
        UUID owner = serviceId == null ? a.hsdsId : serviceId;
        return List.of(new HsdsBodies.Contact(id(owner, "contact"), serviceId == null ? a.hsdsId : null, serviceId,
                a.contact.department(), a.contact.email()));
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** A UUID made from its owner and what it is (name-based, so the same part always has the same id). */
    static UUID id(Object owner, Object... what) {
        StringBuilder name = new StringBuilder("tsunagu/").append(owner);
        for (Object part : what) {
            name.append('/').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }
}
