package jp.tsunagu.referrals.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * How a center reaches the agency about referrals: the department (担当部署, e.g. 保健予防課
 * 精神保健係), its e-mail and its numbers. A department, not a person: the directory is public.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Contact(@Size(max = 200) String department, @Email @Size(min = 3, max = 254) String email,
                      @Size(max = 10) List<@NotNull @Valid Phone> phones) {

    public Contact {
        phones = phones == null ? List.of() : List.copyOf(phones);
    }
}
