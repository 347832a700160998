package org.openreturns.catalog;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Who a product is bought from, and whom a defective unit goes back to. {@code POST /api/suppliers} and the demo
 * catalogue give it in this form too.
 */
record Supplier(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,31}",
                message = "must be up to 32 capital letters, digits, '_' or '-', such as NORDIC-COTTON") String code,
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 200) String email) {
}
