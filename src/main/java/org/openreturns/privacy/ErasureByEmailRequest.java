package org.openreturns.privacy;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/customers/erasure}: erase the personal data of every customer with this e-mail address (the one
 * the customer wrote from; any case), and why.
 */
public record ErasureByEmailRequest(@NotBlank @Email @Size(max = 320) String email,
                                    @NotBlank @Size(max = 500) String reason) {
}
