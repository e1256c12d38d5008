package jp.tsunagu.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The roles of an operation in words, not as scopes. Quarkus lists the {@code @RolesAllowed} roles
 * as the scopes of the operation's security requirement, but they are Keycloak realm roles, not
 * OpenID Connect scopes a client could ask for (linters rightly flag them): this filter empties the
 * scopes and ends the operation's description (its summary where it has none) with a line
 * {@code Roles: supporter, supervisor.}, {@code Roles: any (a valid token).} or, where no token is
 * needed, {@code Roles: none (no token needed).}
 */
public class RolesFilter implements OASFilter {

    static final String ROLES = "Roles: ";
    static final String ANY = ROLES + "any (a valid token).";
    static final String NONE = ROLES + "none (no token needed).";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<SecurityRequirement> byDefault = openAPI.getSecurity();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            item.getOperations().values().forEach(operation -> state(operation,
                    operation.getSecurity() != null ? operation.getSecurity() : byDefault));
        }
        if (byDefault != null) {
            openAPI.setSecurity(withoutScopes(byDefault));
        }
    }

    private static void state(Operation operation, List<SecurityRequirement> security) {
        String roles = rolesLine(security);
        if (operation.getSecurity() != null) {
            operation.setSecurity(withoutScopes(operation.getSecurity()));
        }
        String text = operation.getDescription() != null && !operation.getDescription().isBlank()
                ? operation.getDescription() : operation.getSummary();
        if (text == null || text.isBlank()) {
            operation.setDescription(roles);
        } else if (!lastLine(text).startsWith(ROLES)) {
            operation.setDescription(text.strip() + "\n\n" + roles);
        }
    }

    static String rolesLine(List<SecurityRequirement> security) {
        if (security == null || security.isEmpty()) {
            return NONE;
        }
        Set<String> roles = new LinkedHashSet<>();
        security.forEach(requirement -> requirement.getSchemes().values().forEach(scopes -> {
            if (scopes != null) {
                roles.addAll(scopes);
            }
        }));
        return roles.isEmpty() ? ANY : ROLES + String.join(", ", roles) + ".";
    }

    private static List<SecurityRequirement> withoutScopes(List<SecurityRequirement> security) {
        List<SecurityRequirement> stripped = new ArrayList<>();
        for (SecurityRequirement requirement : security) {
            SecurityRequirement scheme = OASFactory.createSecurityRequirement();
            requirement.getSchemes().keySet().forEach(scheme::addScheme);
            stripped.add(scheme);
        }
        return stripped;
    }

    private static String lastLine(String text) {
        String stripped = text.strip();
        return stripped.substring(stripped.lastIndexOf('\n') + 1);
    }
}
