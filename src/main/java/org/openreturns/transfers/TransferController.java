package org.openreturns.transfers;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/transfers")
class TransferController {

    private final Transfers transfers;

    TransferController(Transfers transfers) {
        this.transfers = transfers;
    }

    /** 201 when the transfer is new, 200 when the same transfer was sent before. */
    @PostMapping
    ResponseEntity<TransferView> send(@Valid @RequestBody TransferRequest transfer, Authentication caller) {
        Transfers.Outcome result = transfers.send(transfer, caller.getName());
        return ResponseEntity.status(result.changed() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(TransferView.of(result.transfer()));
    }

    /** 200 with the received transfer, also when the same receipt was sent before. */
    @PostMapping("/{transferId}/receipt")
    TransferView receive(@PathVariable String transferId, @Valid @RequestBody TransferRequest.Receipt receipt,
                         Authentication caller) {
        return TransferView.of(transfers.receive(transferId, receipt, caller.getName()).transfer());
    }

    /** {@code status}: IN_TRANSIT until received, then RECEIVED. */
    record TransferView(String transferId, String fromWarehouse, String toWarehouse, String status,
                        OffsetDateTime shippedAt, String shippedBy, OffsetDateTime receivedAt, String receivedBy,
                        List<LineView> lines) {

        static TransferView of(Transfer transfer) {
            return new TransferView(transfer.transferId(), transfer.fromWarehouse(), transfer.toWarehouse(),
                    transfer.receivedAt() == null ? "IN_TRANSIT" : "RECEIVED", transfer.shippedAt(),
                    transfer.shippedBy(), transfer.receivedAt(), transfer.receivedBy(), transfer.lines().stream()
                    .map(line -> new LineView(line.sku(), line.quantity(), line.serials())).toList());
        }
    }

    record LineView(String sku, int quantity, List<String> serials) {
    }
}
