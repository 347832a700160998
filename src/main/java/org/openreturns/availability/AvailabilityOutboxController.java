package org.openreturns.availability;

import org.openreturns.system.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** How far each channel is behind on the availability figures, for inventory control and managers. */
@RestController
class AvailabilityOutboxController {

    private final AvailabilityOutbox outbox;

    AvailabilityOutboxController(AvailabilityOutbox outbox) {
        this.outbox = outbox;
    }

    /** One statement: the counts and the channel's state are read together. */
    @GetMapping("/api/channels/{code}/availability-outbox")
    OutboxState state(@PathVariable String code) {
        return outbox.state(code).orElseThrow(() -> new NotFoundException("code", "No channel " + code + " is known"));
    }
}
