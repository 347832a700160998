package org.openreturns.receiving;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;

import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.Product;
import org.openreturns.db.tables.records.ParcelReceiptRecord;
import org.openreturns.process.ProcessRuntime;
import org.openreturns.returns.ReturnProcess;
import org.openreturns.returns.ReturnService;
import org.openreturns.returns.ReturnStatus;
import org.openreturns.returns.ReturnSummary;
import org.openreturns.system.ConflictException;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes in parcels scanned at the warehouses and hands each to the return waiting for it. */
@Service
public class ReceiptService {

    /** No receipt has this id: for a parcel not recorded yet. */
    private static final long NO_RECEIPT_YET = -1;

    private final ReceiptRepository receipts;
    private final ReturnService returns;
    private final CatalogService catalog;
    private final ProcessRuntime processRuntime;
    private final Clock clock;

    ReceiptService(ReceiptRepository receipts, ReturnService returns, CatalogService catalog,
                   ProcessRuntime processRuntime, Clock clock) {
        this.receipts = receipts;
        this.returns = returns;
        this.catalog = catalog;
        this.processRuntime = processRuntime;
        this.clock = clock;
    }

    /**
     * @param created  false when the same scan id was recorded before: nothing new happened
     * @param returnId the return the parcel belongs to, or null when its RMA is unknown
     */
    public record Receipt(long receiptId, UUID returnId, String rmaNumber, boolean created) {

        public boolean matched() {
            return returnId != null;
        }
    }

    /**
     * Records the parcel and, when its RMA names a return waiting for its parcel, delivers it to that return's
     * process. A parcel whose RMA is unknown (or missing) is kept rather than refused, so nothing that arrived is
     * lost, and the warehouse gets a task to link it to a return or quarantine it. A return that is not waiting for
     * a parcel (not AUTHORIZED or IN_TRANSIT, or with a parcel taken already) refuses it, and nothing is recorded.
     * Items must be catalogue SKUs; a serialized item needs its serial.
     *
     * <p>Whether the return waits is decided here from the return's own data, not by asking the engine: on Camunda 8
     * the process reaches its wait a moment after the return is AUTHORIZED (and again after each carrier event), and
     * the parcel's message is kept until it does. The same scan sent again sends the message again under the same
     * message id, which delivers it once: a scan whose message failed to go out is repaired by sending it again.
     */
    @Transactional
    public Receipt receive(ParcelScan scan, String receivedBy) {
        checkItems(scan);
        if (scan.scanId() != null) {
            Optional<ParcelReceiptRecord> earlier = receipts.findByScanId(scan.scanId());
            if (earlier.isPresent()) {
                ParcelReceiptRecord receipt = earlier.get();
                Optional.ofNullable(receipt.getReturnId()).flatMap(returns::find)
                        .filter(target -> ReturnStatus.WAITING_FOR_PARCEL.contains(target.status()))
                        .ifPresent(target -> deliverParcel(target.rmaNumber(), receipt.getId()));
                return new Receipt(receipt.getId(), receipt.getReturnId(), receipt.getRmaNumber(), false);
            }
        }
        Optional<ReturnSummary> target = Optional.ofNullable(scan.rmaNumber()).flatMap(returns::findByRma);
        if (target.isPresent()) {
            requireWaitingForParcel(target.get().returnId(), NO_RECEIPT_YET);
            List<FieldProblem> beyond = beyondAuthorized(target.get(), scan.lines(), i -> "lines[" + i + "].quantity");
            if (!beyond.isEmpty()) {
                throw new RuleViolationException(beyond);
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long receiptId = receipts.insert(scan, target.map(ReturnSummary::returnId).orElse(null), now, receivedBy);
        if (target.isEmpty()) {
            Map<String, Object> variables = new HashMap<>(Map.of(UnexpectedParcelProcess.RECEIPT_ID, receiptId,
                    UnexpectedParcelProcess.PARCEL_SUMMARY, summary(scan, receivedBy),
                    UnexpectedParcelProcess.RECEIVED_AT, now.toInstant().truncatedTo(ChronoUnit.SECONDS).toString()));
            senderEmail(scan).ifPresent(email -> variables.put(UnexpectedParcelProcess.SENDER_EMAIL, email));
            processRuntime.startProcess(UnexpectedParcelProcess.PROCESS_ID, UnexpectedParcelProcess.businessKey(receiptId),
                    variables);
            return new Receipt(receiptId, null, scan.rmaNumber(), true);
        }
        deliverParcel(target.get().rmaNumber(), receiptId);
        return new Receipt(receiptId, target.get().returnId(), target.get().rmaNumber(), true);
    }

    /**
     * Locks the return and refuses a parcel for it unless it waits for one: AUTHORIZED or IN_TRANSIT, and no parcel
     * other than this receipt taken for it.
     *
     * @throws ConflictException when it does not wait
     */
    void requireWaitingForParcel(UUID returnId, long receiptId) {
        receipts.lockReturn(returnId);
        ReturnSummary target = returns.summary(returnId);
        if (!ReturnStatus.WAITING_FOR_PARCEL.contains(target.status())) {
            throw new ConflictException("Return " + target.rmaNumber() + " is " + target.status()
                    + " and not waiting for a parcel");
        }
        if (receipts.hasOtherReceipt(returnId, receiptId)) {
            throw new ConflictException("Return " + target.rmaNumber() + " has received its parcel already");
        }
    }

    /**
     * More units of a SKU than the return authorizes of it: the surplus belongs to no line, and booking it to one
     * would restock and refund what nobody authorized. Each problem names the field of the first item of that SKU.
     * Items of SKUs the return does not have are not counted here: they reach inspection as a mismatch or are kept
     * in quarantine against the parcel.
     */
    List<FieldProblem> beyondAuthorized(ReturnSummary target, List<ParcelScan.Item> items, IntFunction<String> field) {
        Map<String, Integer> authorized = new LinkedHashMap<>();
        returns.lines(target.returnId()).forEach(line -> authorized.merge(line.sku(), line.quantity(), Integer::sum));
        Map<String, Integer> scanned = new LinkedHashMap<>();
        Map<String, Integer> firstItem = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ParcelScan.Item item = items.get(i);
            scanned.merge(item.sku(), item.quantity(), Integer::sum);
            firstItem.putIfAbsent(item.sku(), i);
        }
        List<FieldProblem> problems = new ArrayList<>();
        scanned.forEach((sku, quantity) -> {
            Integer allowed = authorized.get(sku);
            if (allowed != null && quantity > allowed) {
                problems.add(new FieldProblem(field.apply(firstItem.get(sku)), quantity + " x " + sku
                        + " is more than return " + target.rmaNumber() + " authorizes (" + allowed + "): record the "
                        + "authorized units for it and the other " + (quantity - allowed)
                        + " as a parcel without RMA, for the warehouse to place"));
            }
        });
        return problems;
    }

    /** The return, locked until the caller's transaction ends. */
    ReturnSummary lockedReturn(UUID returnId) {
        receipts.lockReturn(returnId);
        return returns.summary(returnId);
    }

    /** Hands the parcel of this receipt to the return's process; the receipt id makes the message's id. */
    void deliverParcel(String rmaNumber, long receiptId) {
        processRuntime.sendMessage(ReturnProcess.MESSAGE_PARCEL_RECEIVED, rmaNumber, "parcel-receipt-" + receiptId,
                Map.of(ReturnProcess.RECEIPT_ID, receiptId));
    }

    private void checkItems(ParcelScan scan) {
        catalog.warehouse(scan.warehouse());
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < scan.lines().size(); i++) {
            ParcelScan.Item item = scan.lines().get(i);
            Optional<Product> product = catalog.product(item.sku());
            if (product.isEmpty()) {
                problems.add(new FieldProblem("lines[" + i + "].sku", "SKU " + item.sku() + " is not in the catalogue"));
            } else if (product.get().serialized() && (item.serial() == null || item.serial().isBlank())) {
                problems.add(new FieldProblem("lines[" + i + "].serial", "is required: " + item.sku()
                        + " is serialized, scan each unit's serial"));
            } else if (product.get().serialized() && item.quantity() != 1) {
                problems.add(new FieldProblem("lines[" + i + "].quantity", "must be 1: " + item.sku()
                        + " is serialized, each unit is scanned with its serial"));
            } else if (!product.get().serialized() && item.serial() != null && !item.serial().isBlank()) {
                problems.add(new FieldProblem("lines[" + i + "].serial", "must be empty: " + item.sku()
                        + " is not serialized"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
    }

    private static String summary(ParcelScan scan, String receivedBy) {
        StringBuilder text = new StringBuilder("Scanned at " + scan.warehouse() + " by " + receivedBy
                + (scan.rmaNumber() == null ? " with no RMA number" : " with unknown RMA number " + scan.rmaNumber())
                + (scan.trackingId() == null ? "" : ", tracking id " + scan.trackingId()));
        ParcelScan.Sender sender = scan.sender();
        if (sender != null) {
            List<String> details = java.util.stream.Stream.of(sender.name(), sender.email(), sender.postcode())
                    .filter(detail -> detail != null && !detail.isBlank()).map(String::strip).toList();
            if (!details.isEmpty()) {
                text.append("\nSent by ").append(String.join(", ", details));
            }
        }
        for (ParcelScan.Item item : scan.lines()) {
            text.append("\n").append(item.quantity()).append(" x ").append(item.sku())
                    .append(item.serial() == null ? "" : " serial " + item.serial());
        }
        return text.toString();
    }

    private static Optional<String> senderEmail(ParcelScan scan) {
        return Optional.ofNullable(scan.sender()).map(ParcelScan.Sender::email).filter(email -> !email.isBlank())
                .map(String::strip);
    }

    @Transactional(readOnly = true)
    public ParcelReceiptRecord receipt(long receiptId) {
        return receipts.find(receiptId).orElseThrow(() -> new IllegalStateException("No receipt " + receiptId));
    }

    @Transactional(readOnly = true)
    public List<ParcelScan.Item> items(long receiptId) {
        return receipts.items(receiptId);
    }
}
