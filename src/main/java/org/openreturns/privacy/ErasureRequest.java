package org.openreturns.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/customers/{customerId}/erasure}: why the customer's personal data is erased, e.g. the ticket of
 * the customer's request; recorded with the erasure.
 */
public record ErasureRequest(@NotBlank @Size(max = 500) String reason) {
}
