package org.openreturns.transfers;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.catalog.Product;
import org.openreturns.catalog.Warehouse;
import org.openreturns.inventory.StockLedger;
import org.openreturns.inventory.StockMoveRequest;
import org.openreturns.system.ConflictException;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.NotFoundException;
import org.openreturns.system.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves sellable stock between warehouses in two steps: sent out of the source's SELLABLE into the destination's
 * IN_TRANSIT location, where it is on the books (account 1340) but not available to sell, and received from there
 * into the destination's SELLABLE. Both are {@code TRANSFER} moves at the moving average cost of the place left.
 */
@Service
public class Transfers {

    private final TransferRepository transfers;
    private final CatalogService catalog;
    private final StockLedger ledger;
    private final Clock clock;

    Transfers(TransferRepository transfers, CatalogService catalog, StockLedger ledger, Clock clock) {
        this.transfers = transfers;
        this.catalog = catalog;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A transfer as recorded; {@code changed} is false for a repeated request that changed nothing. */
    record Outcome(Transfer transfer, boolean changed) {
    }

    /**
     * Sends the transfer once per transfer id (the same again: the first answer; the same id with other values: 409).
     * Refused with 422 naming the field: unknown warehouses or the same one twice, an unknown SKU, serials missing or
     * for a product without them, and — with nothing moved — stock the source's SELLABLE does not hold.
     */
    @Transactional
    Outcome send(TransferRequest request, String sentBy) {
        Optional<Transfer> existing = transfers.find(request.transferId(), false);
        if (existing.isPresent()) {
            return replay(existing.get(), request);
        }
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Warehouse> from = warehouse(request.fromWarehouse());
        Optional<Warehouse> to = warehouse(request.toWarehouse());
        if (from.isEmpty()) {
            problems.add(new FieldProblem("fromWarehouse", "is not a known warehouse"));
        }
        if (to.isEmpty()) {
            problems.add(new FieldProblem("toWarehouse", "is not a known warehouse"));
        } else if (request.toWarehouse().equals(request.fromWarehouse())) {
            problems.add(new FieldProblem("toWarehouse", "is the warehouse the stock is sent from"));
        }
        List<Transfer.Line> lines = lines(request, problems);
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
        long sellable = from.orElseThrow().location(LocationType.SELLABLE).id();
        long inTransit = to.orElseThrow().location(LocationType.IN_TRANSIT).id();
        List<List<StockMoveRequest>> movesByLine = lines.stream()
                .map(line -> moves(request.transferId(), "out", line, sellable, inTransit, sentBy)).toList();
        for (int i = 0; i < lines.size(); i++) {
            String field = "lines[" + i + "]" + (lines.get(i).serials().isEmpty() ? ".quantity" : ".serials");
            ledger.refusal(movesByLine.get(i)).ifPresent(reason -> problems.add(new FieldProblem(field,
                    "cannot be sent from SELLABLE stock of " + request.fromWarehouse() + ": " + reason)));
        }
        if (problems.isEmpty()) {
            ledger.refusal(movesByLine.stream().flatMap(List::stream).toList()).ifPresent(reason -> problems.add(
                    new FieldProblem("lines", "cannot all be sent from SELLABLE stock of " + request.fromWarehouse()
                            + " together: " + reason)));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
        Transfer transfer = new Transfer(request.transferId(), request.fromWarehouse(), request.toWarehouse(),
                request.shippedAt(), sentBy, OffsetDateTime.now(clock), null, null, lines);
        if (!transfers.insert(transfer)) {
            throw new ConflictException("Transfer " + request.transferId()
                    + " was recorded by another request at the same time; send it again to see how it was recorded");
        }
        ledger.record(movesByLine.stream().flatMap(List::stream).toList());
        return new Outcome(transfers.find(request.transferId(), false).orElseThrow(), true);
    }

    /**
     * Receives the whole transfer into the destination's SELLABLE. Receiving it again at the same time changes
     * nothing; at another time it is refused with 409.
     */
    @Transactional
    Outcome receive(String transferId, TransferRequest.Receipt receipt, String receivedBy) {
        Transfer transfer = transfers.find(transferId, true).orElseThrow(() -> new NotFoundException("transferId",
                "No transfer " + transferId + " is known"));
        if (transfer.receivedAt() != null) {
            if (!transfer.receivedAt().isEqual(receipt.receivedAt().plusNanos(500).truncatedTo(ChronoUnit.MICROS))) {
                throw new ConflictException("Transfer " + transferId + " was received already, at "
                        + transfer.receivedAt());
            }
            return new Outcome(transfer, false);
        }
        if (receipt.receivedAt().isBefore(transfer.shippedAt())) {
            throw new RuleViolationException("receivedAt", "is before the transfer was sent (" + transfer.shippedAt()
                    + ")");
        }
        Warehouse to = catalog.warehouse(transfer.toWarehouse());
        long inTransit = to.location(LocationType.IN_TRANSIT).id();
        long sellable = to.location(LocationType.SELLABLE).id();
        List<StockMoveRequest> moves = transfer.lines().stream()
                .flatMap(line -> moves(transferId, "in", line, inTransit, sellable, receivedBy).stream()).toList();
        // Stock in transit changes only by this receipt, unless someone moved it by hand: refuse, do not fail.
        Optional<String> refusal = ledger.refusal(moves);
        if (refusal.isPresent()) {
            throw new RuleViolationException("transferId", "cannot be received: " + refusal.get()
                    + "; find where the units are and correct the stock ledger, then receive the transfer again");
        }
        ledger.record(moves);
        transfers.markReceived(transferId, receipt.receivedAt(), receivedBy);
        return new Outcome(transfers.find(transferId, false).orElseThrow(), true);
    }

    private Optional<Warehouse> warehouse(String code) {
        return catalog.warehouses().stream().filter(warehouse -> warehouse.code().equals(code)).findFirst();
    }

    private List<Transfer.Line> lines(TransferRequest request, List<FieldProblem> problems) {
        List<Transfer.Line> lines = new ArrayList<>();
        Set<String> serialsOfTransfer = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            TransferRequest.Line line = request.lines().get(i);
            String field = "lines[" + i + "]";
            Optional<Product> product = catalog.product(line.sku());
            List<String> serials = line.serialsOrEmpty();
            if (product.isEmpty()) {
                problems.add(new FieldProblem(field + ".sku", "is not in the catalogue"));
            } else if (product.get().serialized() && serials.size() != line.quantity()) {
                problems.add(new FieldProblem(field + ".serials", "lists " + serials.size() + " serial number(s) for "
                        + line.quantity() + " unit(s): " + line.sku() + " is serialized, name every unit's serial"));
            } else if (!product.get().serialized() && !serials.isEmpty()) {
                problems.add(new FieldProblem(field + ".serials", "must be empty: " + line.sku()
                        + " is not serialized"));
            } else if (!serials.stream().allMatch(serialsOfTransfer::add)) {
                problems.add(new FieldProblem(field + ".serials", "lists a serial number the transfer names already"));
            }
            lines.add(new Transfer.Line(i + 1, line.sku(), line.quantity(), serials));
        }
        return lines;
    }

    /** One move per line, or per unit of a serialized product; {@code leg} is "out" or "in". */
    private static List<StockMoveRequest> moves(String transferId, String leg, Transfer.Line line, long from, long to,
                                                String movedBy) {
        String key = "transfer-" + transferId + "-" + leg + "-line-" + line.position();
        if (line.serials().isEmpty()) {
            return List.of(StockMoveRequest.transfer(key, line.sku(), null, line.quantity(), from, to, transferId,
                    movedBy));
        }
        return line.serials().stream().map(serial -> StockMoveRequest.transfer(key + "-serial-" + serial,
                line.sku(), serial, 1, from, to, transferId, movedBy)).toList();
    }

    private Outcome replay(Transfer stored, TransferRequest resent) {
        List<String> differences = new ArrayList<>();
        if (!stored.fromWarehouse().equals(resent.fromWarehouse())) {
            differences.add("fromWarehouse");
        }
        if (!stored.toWarehouse().equals(resent.toWarehouse())) {
            differences.add("toWarehouse");
        }
        // PostgreSQL rounds to microseconds: a resend with finer timestamps is the same transfer.
        if (!stored.shippedAt().isEqual(resent.shippedAt().plusNanos(500).truncatedTo(ChronoUnit.MICROS))) {
            differences.add("shippedAt");
        }
        boolean sameLines = stored.lines().size() == resent.lines().size();
        for (int i = 0; sameLines && i < stored.lines().size(); i++) {
            Transfer.Line a = stored.lines().get(i);
            TransferRequest.Line b = resent.lines().get(i);
            sameLines = a.sku().equals(b.sku()) && a.quantity() == b.quantity()
                    && Objects.equals(a.serials(), b.serialsOrEmpty());
        }
        if (!sameLines) {
            differences.add("lines");
        }
        if (!differences.isEmpty()) {
            throw new ConflictException("Transfer " + stored.transferId()
                    + " was already recorded with other values for " + differences);
        }
        return new Outcome(stored, false);
    }
}
