package jp.tsunagu.referrals.domain;

import jp.tsunagu.platform.audit.Identified;

import java.util.List;

/** An agency's whole directory entry: the agency, its services in order, the municipalities it serves. */
public record AgencyEntry(Agency agency, List<OfferedService> services, List<String> serviceArea) implements Identified {

    public AgencyEntry {
        services = List.copyOf(services);
        serviceArea = List.copyOf(serviceArea);
    }

    @Override
    public Object id() {
        return agency.id;
    }
}
