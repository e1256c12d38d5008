package jp.tsunagu.referrals.api.hsds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The Open Referral HSDS 3.0 API shapes the directory is served in (snake_case, UUID ids): only
 * what is public; never capacity, the centers' notes or anything of the webhook.
 */
public final class HsdsBodies {

    private HsdsBodies() {
    }

    /** {@code GET /hsds/}: which HSDS version this API speaks and where its OpenAPI document is. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiInfo(String version, String profile, String openapiUrl) {
    }

    /** An HSDS page: numbered from 1, with the totals. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Page<T>(long totalItems, long totalPages, long pageNumber, long size, boolean firstPage,
                          boolean lastPage, boolean empty, List<T> contents) {
    }

    /** A service in a list (HSDS service_list: its one-to-one fields). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceSummary(UUID id, UUID organizationId, String name, String description, String status,
                                 String eligibilityDescription, String applicationProcess, OffsetDateTime lastModified) {
    }

    /** A fully nested service (HSDS service). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Service(UUID id, UUID organizationId, String name, String description, String status,
                          String eligibilityDescription, String applicationProcess, OffsetDateTime lastModified,
                          Organization organization, List<Phone> phones, List<Contact> contacts,
                          List<ServiceArea> serviceAreas, List<ServiceAtLocation> serviceAtLocations) {
    }

    /** An organization in a list (HSDS organization_list). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrganizationSummary(UUID id, String name, String description, String email, String website,
                                      UUID parentOrganizationId) {
    }

    /** A nested organization (HSDS organization), with its kind as a Tsunagu taxonomy attribute. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Organization(UUID id, String name, String description, String email, String website,
                               UUID parentOrganizationId, List<Phone> phones, List<Contact> contacts,
                               List<Location> locations, List<OrganizationIdentifier> organizationIdentifiers,
                               List<Attribute> attributes) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Phone(UUID id, UUID organizationId, UUID serviceId, String number, String type, String description) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(UUID id, UUID organizationId, UUID serviceId, String department, String email) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceArea(UUID id, UUID serviceId, String name) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceAtLocation(UUID id, UUID serviceId, UUID locationId, Location location) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Location(UUID id, String locationType, UUID organizationId, String name, String transportation,
                           List<Address> addresses) {
    }

    /** A Japanese address: address_1 the street, city the municipality, state_province the prefecture. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(UUID id, UUID locationId, @JsonProperty("address_1") String address1, String city,
                          String stateProvince, String postalCode, String country, String addressType) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrganizationIdentifier(UUID id, UUID organizationId, String identifierScheme, String identifierType,
                                         String identifier) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attribute(UUID id, UUID linkId, String linkType, String linkEntity, UUID taxonomyTermId,
                            TaxonomyTerm taxonomyTerm) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaxonomyTerm(UUID id, String code, String name, String description, String taxonomy) {
    }
}
