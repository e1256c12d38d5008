package jp.tsunagu.platform.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.util.List;

/**
 * The kit's filters of every service's OpenAPI document, in order ({@code mp.openapi.filter} names
 * one class): the problem answers and headers, then the roles. Both work on the whole document.
 */
public class OpenApiFilters implements OASFilter {

    private final List<OASFilter> filters = List.of(new ProblemResponsesFilter(), new RolesFilter());

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        filters.forEach(filter -> filter.filterOpenAPI(openAPI));
    }
}
