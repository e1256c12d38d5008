package jp.tsunagu.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem body. {@code violations} lists invalid fields; {@code currentVersion} tells
 * a client whose {@code If-Match} was stale which version is current.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      String requestId, List<Violation> violations, Long currentVersion) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
