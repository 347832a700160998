package org.openreturns.claims;

import java.util.List;

import org.openreturns.system.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Supplier claims for vendor returns, and their shipment to the supplier. */
@RestController
@RequestMapping("/api/supplier-claims")
class SupplierClaimController {

    private final SupplierClaims claims;

    SupplierClaimController(SupplierClaims claims) {
        this.claims = claims;
    }

    @GetMapping
    List<SupplierClaimView> claims(@RequestParam(required = false) String status) {
        return claims.claims(status);
    }

    /** The warehouse hands the units to the supplier. */
    @PostMapping("/{claimId}/ship")
    SupplierClaimView ship(@PathVariable long claimId, Authentication caller) {
        Actor actor = Actor.of(caller);
        return claims.ship(claimId, actor.userId());
    }
}
