package org.openreturns.receiving;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.openreturns.returns.ReturnAuthorizations;
import org.openreturns.returns.ExpectedParcel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What carriers report about parcels, and the parcels a warehouse should expect. */
@RestController
class ParcelEventController {

    private final CarrierEvents carrierEvents;
    private final ReturnAuthorizations authorizations;

    ParcelEventController(CarrierEvents carrierEvents, ReturnAuthorizations authorizations) {
        this.carrierEvents = carrierEvents;
        this.authorizations = authorizations;
    }

    /** 201 when the event is new, 200 when the same event id was recorded before. */
    @PostMapping("/api/returns/{returnId}/parcel-events")
    ResponseEntity<CarrierEvents.Outcome> parcelEvent(@PathVariable UUID returnId,
                                                      @Valid @RequestBody CarrierEvent event, Authentication caller) {
        CarrierEvents.Outcome outcome = carrierEvents.record(returnId, event, caller.getName());
        return ResponseEntity.status(outcome.recorded() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome);
    }

    @GetMapping("/api/warehouses/{warehouse}/expected-inbound")
    List<ExpectedParcel> expectedInbound(@PathVariable String warehouse) {
        return authorizations.expectedInbound(warehouse);
    }
}
