package org.openreturns.receiving;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/receipts")
class ReceiptController {

    private final ReceiptService receiptService;

    ReceiptController(ReceiptService receiptService) {
        this.receiptService = receiptService;
    }

    /**
     * 201 when the parcel was matched to its return, 202 when it was kept as unmatched (unknown RMA), 200 when
     * the same scan was recorded before.
     */
    @PostMapping
    ResponseEntity<ReceiptService.Receipt> receive(@Valid @RequestBody ParcelScan scan, Authentication caller) {
        ReceiptService.Receipt receipt = receiptService.receive(scan, caller.getName());
        HttpStatus status = !receipt.created() ? HttpStatus.OK
                : receipt.matched() ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status).body(receipt);
    }
}
