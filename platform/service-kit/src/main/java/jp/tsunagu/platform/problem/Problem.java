package jp.tsunagu.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem body. {@code violations} lists invalid fields; {@code currentVersion} tells
 * a client whose {@code If-Match} was stale which version is current; {@code allowedMoves} tells a
 * client whose state move was refused (409) which moves are allowed from where the object is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      String requestId, List<Violation> violations, Long currentVersion,
                      List<String> allowedMoves) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
