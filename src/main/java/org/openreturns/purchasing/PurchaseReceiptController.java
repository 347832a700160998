package org.openreturns.purchasing;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/purchase-receipts")
class PurchaseReceiptController {

    private final PurchaseReceipts receipts;

    PurchaseReceiptController(PurchaseReceipts receipts) {
        this.receipts = receipts;
    }

    /** 201 when the receipt is new, 200 when the same receipt was sent before. */
    @PostMapping
    ResponseEntity<ReceiptView> receive(@Valid @RequestBody PurchaseReceiptRequest receipt, Authentication caller) {
        PurchaseReceipts.Received result = receipts.receive(receipt, caller.getName());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ReceiptView.of(result.receipt()));
    }

    record ReceiptView(String receiptId, String purchaseOrderId, String warehouse, OffsetDateTime receivedAt,
                       List<LineView> lines, String recordedBy, OffsetDateTime recordedAt) {

        static ReceiptView of(PurchaseReceipt receipt) {
            return new ReceiptView(receipt.receiptId(), receipt.purchaseOrderId(), receipt.warehouse(),
                    receipt.receivedAt(), receipt.lines().stream().map(line -> new LineView(line.sku(),
                    line.quantity(), line.unitCostMinor(), line.currency(), line.serials())).toList(),
                    receipt.recordedBy(), receipt.recordedAt());
        }
    }

    record LineView(String sku, int quantity, long unitCostMinor, String currency, List<String> serials) {
    }
}
