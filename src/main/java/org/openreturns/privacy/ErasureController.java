package org.openreturns.privacy;

import java.util.List;

import jakarta.validation.Valid;
import org.openreturns.system.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An administrator erases a customer's personal data on the customer's request, by the customer's id or by their
 * e-mail address (docs/operations.md).
 */
@RestController
@RequestMapping("/api/customers")
class ErasureController {

    private final CustomerErasure erasure;

    ErasureController(CustomerErasure erasure) {
        this.erasure = erasure;
    }

    /** Every customer with the e-mail address: support often knows the address a request came from, not the id. */
    @PostMapping("/erasure")
    List<ErasureReport> eraseByEmail(@Valid @RequestBody ErasureByEmailRequest request, Authentication caller) {
        return erasure.eraseOnRequestByEmail(request.email(), request.reason().strip(), Actor.of(caller).userId());
    }

    @PostMapping("/{customerId}/erasure")
    ErasureReport erase(@PathVariable String customerId, @Valid @RequestBody ErasureRequest request,
                        Authentication caller) {
        return erasure.eraseOnRequest(customerId, request.reason().strip(), Actor.of(caller).userId());
    }
}
