package jp.tsunagu.referrals.api.hsds;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.NotFoundException;
import jp.tsunagu.referrals.service.HsdsCatalog;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;

/**
 * The directory, read-only, in the Open Referral HSDS 3.0 API shape, for a prefecture's portal or
 * any HSDS tool. Public: no token, because everything in it is what the agencies publish anyway.
 */
@Path("/hsds")
@Tag(name = "hsds", description = """
        The partner-agency directory in the Open Referral HSDS 3.0 API shape (snake_case, UUID ids, pages by \
        number with page and per_page), read-only. These endpoints need no token: a prefecture's portal or any \
        HSDS tool reads them like a public web page. They answer only what agencies publish (name, description, \
        services and their status, eligibility and how to apply, address, phones, contact department and e-mail, \
        service area, parent organization, the kind as a tsunagu-agency-kind taxonomy attribute); never whether an \
        agency takes referrals now, the centers' notes, or anything of the webhook. Rate limits belong to the \
        gateway in front. Our agency id (the agency_id claim) is the organization identifier of scheme \
        tsunagu-agency-id.""")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class HsdsResource {

    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 200;

    private final HsdsCatalog catalog;

    HsdsResource(HsdsCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/")
    @Operation(summary = "The HSDS API root: the HSDS version spoken and where the OpenAPI document is")
    public HsdsBodies.ApiInfo getHsdsRoot(@Context UriInfo uri) {
        return new HsdsBodies.ApiInfo(HsdsMapper.HSDS_VERSION, null,
                uri.getBaseUriBuilder().path("q/openapi").queryParam("format", "json").build().toString());
    }

    @GET
    @Path("services")
    @Operation(summary = "Services, a page at a time (page from 1, per_page up to 200); organization_id narrows to one agency")
    public HsdsBodies.Page<HsdsBodies.ServiceSummary> listHsdsServices(@QueryParam("page") Integer page,
                                                               @QueryParam("per_page") Integer perPage,
                                                               @QueryParam("organization_id") String organizationId) {
        int number = page(page);
        int size = perPage(perPage);
        Optional<UUID> organization = Optional.ofNullable(organizationId).map(id -> uuid(id, "organization_id"));
        return HsdsMapper.page(catalog.services(number, size, organization), number, size, HsdsMapper::summary);
    }

    @GET
    @Path("services/{id}")
    @Operation(summary = "A service, fully nested: its organization, locations and addresses, phones, contact, service areas")
    public HsdsBodies.Service getHsdsService(@PathParam("id") String id) {
        Optional<UUID> uuid = parse(id);
        return uuid.flatMap(catalog::service).map(HsdsMapper::service)
                .orElseThrow(() -> new NotFoundException("Service", uuid.map(UUID::toString).orElse("(malformed id)")));
    }

    @GET
    @Path("organizations")
    @Operation(summary = "Organizations (the agencies), a page at a time (page from 1, per_page up to 200)")
    public HsdsBodies.Page<HsdsBodies.OrganizationSummary> listHsdsOrganizations(@QueryParam("page") Integer page,
                                                                         @QueryParam("per_page") Integer perPage) {
        int number = page(page);
        int size = perPage(perPage);
        return HsdsMapper.page(catalog.organizations(number, size), number, size, HsdsMapper::summary);
    }

    private static int page(Integer page) {
        if (page != null && page < 1) {
            throw new InvalidRequestException("page", "pages are numbered from 1");
        }
        return page == null ? 1 : page;
    }

    private static int perPage(Integer perPage) {
        if (perPage != null && (perPage < 1 || perPage > MAX_PER_PAGE)) {
            throw new InvalidRequestException("per_page", "must be between 1 and " + MAX_PER_PAGE);
        }
        return perPage == null ? DEFAULT_PER_PAGE : perPage;
    }

    private static UUID uuid(String id, String field) {
        return parse(id).orElseThrow(() -> new InvalidRequestException(field, "must be a UUID"));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
