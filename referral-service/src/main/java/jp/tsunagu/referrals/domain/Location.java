package jp.tsunagu.referrals.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Where an agency receives people (HSDS location): a name if it differs from the agency's, the address, how to get there. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Location(@Size(max = 200) String name, @NotNull @Valid Address address, @Size(max = 1000) String transportation) {
}
