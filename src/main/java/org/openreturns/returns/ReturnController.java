package org.openreturns.returns;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import org.openreturns.system.NotFoundException;
import org.openreturns.system.RuleViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    /**
     * Returns that match every filter given, one page at a time: the query behind the workspace's returns list.
     * A filter that cannot be read is refused with 422 naming it.
     */
    @GetMapping
    ReturnPage search(@Parameter(description = "rma (part of the RMA number), order (order number), email (the "
            + "customer's), status, channel, warehouse, reason, disposition, from and to (days of the request, "
            + "2026-12-31, UTC), sort (" + "requestedAt, rmaNumber, status, statusChangedAt; -requestedAt for "
            + "newest first, the default), page (from 0), size (1 to 500, default 25)")
                      @RequestParam Map<String, String> parameters) {
        ReturnSearch.Parsed parsed = ReturnSearch.parse(parameters);
        if (!parsed.problems().isEmpty()) {
            throw new RuleViolationException(parsed.problems());
        }
        return returnService.search(parsed.search());
    }

    @PostMapping
    ResponseEntity<ReturnService.RequestedReturn> request(@Valid @RequestBody ReturnRequest request,
                                                          Authentication caller) {
        ReturnService.RequestedReturn created = returnService.request(request, caller.getName());
        if (!created.created()) {
            // The channel's return id named a return made before: the same answer, not a second return.
            return ResponseEntity.ok(created);
        }
        return ResponseEntity.created(URI.create("/api/returns/" + created.returnId())).body(created);
    }

    /** A return by its id or by its RMA number, the reference the customer, the label and the parcel carry. */
    @GetMapping("/{returnId}")
    ReturnDetails details(@Parameter(description = "the return's id or its RMA number (RMA-2026-000001)",
            schema = @Schema(type = "string")) @PathVariable ReturnKey returnId) {
        if (returnId.rmaNumber() == null) {
            return returnService.details(returnId.id());
        }
        UUID id = returnService.findByRma(returnId.rmaNumber()).map(ReturnSummary::returnId)
                .orElseThrow(() -> new NotFoundException("returnId", "No return has the RMA number "
                        + returnId.rmaNumber()));
        return returnService.details(id);
    }

    /**
     * How a path names a return: by its id or by its RMA number ({@code RMA-2026-000001}). Spring reads the path
     * variable with {@link #valueOf}; a text that is neither is refused with 400 naming the variable.
     */
    record ReturnKey(UUID id, String rmaNumber) {

        private static final Pattern RMA_NUMBER = Pattern.compile("RMA-\\d+-\\d+");

        public static ReturnKey valueOf(String text) {
            return RMA_NUMBER.matcher(text).matches() ? new ReturnKey(null, text)
                    : new ReturnKey(UUID.fromString(text), null);
        }
    }
}
