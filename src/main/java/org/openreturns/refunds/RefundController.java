package org.openreturns.refunds;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.openreturns.system.Actor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
@RequestMapping("/api/refunds")
class RefundController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final RefundService refunds;
    private final SettlementFiles settlementFiles;

    RefundController(RefundService refunds, SettlementFiles settlementFiles) {
        this.refunds = refunds;
        this.settlementFiles = settlementFiles;
    }

    @GetMapping
    List<RefundView> refundsOf(@RequestParam UUID returnId) {
        return refunds.refundsOf(returnId);
    }

    /**
     * The payouts finance still has to make, as a CSV to upload to the bank; they are then marked exported, so the
     * next file has only newer ones. {@code batch} downloads an earlier file again.
     */
    @GetMapping("/settlement-file")
    ResponseEntity<String> settlementFile(@RequestParam(required = false) Long batch, Authentication caller) {
        Actor actor = Actor.of(caller);
        SettlementFiles.SettlementFile file = batch == null ? settlementFiles.exportNew(actor.userId())
                : settlementFiles.batch(batch);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(TEXT_CSV);
        if (file.batchId() != null) {
            response.header("Settlement-Batch", String.valueOf(file.batchId()))
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"settlement-" + file.batchId() + ".csv\"");
        }
        return response.body(file.csv());
    }

    record ExceptionRequest(@NotNull UUID returnId, @NotNull @Positive Integer lineNo,
                            @NotBlank @Size(max = 2000) String reason) {
    }

    @GetMapping("/exceptions")
    List<RefundExceptionView> exceptionsOf(@RequestParam UUID returnId) {
        return refunds.exceptionsOf(returnId);
    }

    /** Support, finance or a manager asks to release a line's refund without a passed inspection. */
    @PostMapping("/exceptions")
    ResponseEntity<RefundExceptionView> requestException(@Valid @RequestBody ExceptionRequest request,
                                                         Authentication caller) {
        Actor actor = Actor.of(caller);
        RefundExceptionView requested = refunds.requestException(request.returnId(), request.lineNo(),
                request.reason(), actor.userId());
        return ResponseEntity.created(URI.create("/api/refunds/exceptions/" + requested.id())).body(requested);
    }

    /** Finance or a manager other than the requester approves it. */
    @PostMapping("/exceptions/{exceptionId}/approve")
    RefundExceptionView approveException(@PathVariable long exceptionId, Authentication caller) {
        Actor actor = Actor.of(caller);
        return refunds.approveException(exceptionId, actor.userId());
    }
}
