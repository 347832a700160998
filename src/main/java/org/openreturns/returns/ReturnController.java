package org.openreturns.returns;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/returns")
class ReturnController {

    private final ReturnService returnService;
    private final SlaEscalations escalations;

    ReturnController(ReturnService returnService, SlaEscalations escalations) {
        this.returnService = returnService;
        this.escalations = escalations;
    }

    /** How many returns ran past the SLA of each stage and were escalated to the managers. */
    @GetMapping("/sla-escalations")
    Map<SlaEscalations.Stage, Integer> slaEscalations() {
        return escalations.counts();
    }

    @PostMapping
    ResponseEntity<ReturnService.RequestedReturn> request(@Valid @RequestBody ReturnRequest request,
                                                          Authentication caller) {
        ReturnService.RequestedReturn created = returnService.request(request, caller.getName());
        return ResponseEntity.created(URI.create("/api/returns/" + created.returnId())).body(created);
    }

    @GetMapping("/{returnId}")
    ReturnDetails details(@PathVariable UUID returnId) {
        return returnService.details(returnId);
    }
}
