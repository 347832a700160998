package org.openreturns.receiving;

import static org.openreturns.db.Tables.CUSTOMER;
import static org.openreturns.db.Tables.RETURN_AUTHORIZATION;
import static org.openreturns.db.Tables.RETURN_LINE;
import static org.openreturns.db.Tables.RETURN_REQUEST;
import static org.openreturns.db.Tables.SALES_ORDER;
import static org.openreturns.db.Tables.SALES_ORDER_LINE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.openreturns.db.tables.records.ParcelReceiptRecord;
import org.openreturns.returns.ReturnStatus;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The returns a parcel without a known RMA may belong to: those waiting for a parcel whose order sold a SKU or a
 * serial that arrived, whose label has the parcel's tracking number, whose customer has the sender's e-mail address,
 * or whose RMA number the scan nearly names.
 */
@Repository
class CandidateReturns {

    /** Enough to choose from; a longer list is better searched by typing the RMA number in. */
    static final int MOST = 10;

    private final DSLContext db;

    CandidateReturns(DSLContext db) {
        this.db = db;
    }

    /** One line per candidate, newest return first: "RMA · customer · order · sold · why it matches". */
    @Transactional(readOnly = true)
    List<String> of(ParcelReceiptRecord receipt, List<ParcelScan.Item> items, String senderEmail) {
        Set<String> skus = new LinkedHashSet<>();
        Set<String> serials = new LinkedHashSet<>();
        for (ParcelScan.Item item : items) {
            skus.add(item.sku());
            if (item.serial() != null && !item.serial().isBlank()) {
                serials.add(item.serial());
            }
        }
        String tracking = receipt.getTrackingId();
        String scannedRma = receipt.getRmaNumber();
        Condition matches = SALES_ORDER_LINE.SKU.in(skus);
        if (!serials.isEmpty()) {
            matches = matches.or(DSL.arrayOverlap(SALES_ORDER_LINE.SERIALS, serials.toArray(String[]::new)));
        }
        if (tracking != null && !tracking.isBlank()) {
            matches = matches.or(RETURN_AUTHORIZATION.TRACKING_ID.eq(tracking));
        }
        if (scannedRma != null && !scannedRma.isBlank()) {
            matches = matches.or(RETURN_REQUEST.RMA_NUMBER.containsIgnoreCase(scannedRma.strip()));
        }
        boolean bySender = senderEmail != null && !senderEmail.isBlank();
        if (bySender) {
            matches = matches.or(CUSTOMER.EMAIL.equalIgnoreCase(senderEmail.strip()));
        }
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (Record row : db.select(RETURN_REQUEST.RMA_NUMBER, SALES_ORDER.CUSTOMER_ID, SALES_ORDER.ORDER_NUMBER,
                        RETURN_AUTHORIZATION.TRACKING_ID, SALES_ORDER_LINE.SKU, SALES_ORDER_LINE.SERIALS,
                        RETURN_LINE.QUANTITY, CUSTOMER.EMAIL)
                .from(RETURN_REQUEST)
                .join(RETURN_LINE).on(RETURN_LINE.RETURN_ID.eq(RETURN_REQUEST.ID))
                .join(SALES_ORDER_LINE).on(SALES_ORDER_LINE.ORDER_ID.eq(RETURN_LINE.ORDER_ID)
                        .and(SALES_ORDER_LINE.LINE_NO.eq(RETURN_LINE.LINE_NO)))
                .join(SALES_ORDER).on(SALES_ORDER.ID.eq(RETURN_REQUEST.ORDER_ID))
                .join(CUSTOMER).on(CUSTOMER.ID.eq(SALES_ORDER.CUSTOMER_ID))
                .leftJoin(RETURN_AUTHORIZATION).on(RETURN_AUTHORIZATION.RETURN_ID.eq(RETURN_REQUEST.ID))
                .where(RETURN_REQUEST.STATUS.in(ReturnStatus.AUTHORIZED.name(), ReturnStatus.IN_TRANSIT.name()))
                .and(matches)
                .orderBy(RETURN_REQUEST.REQUESTED_AT.desc(), RETURN_LINE.LINE_NO)
                .fetch()) {
            Candidate candidate = candidates.computeIfAbsent(row.get(RETURN_REQUEST.RMA_NUMBER),
                    rma -> new Candidate(rma, row.get(SALES_ORDER.CUSTOMER_ID), row.get(SALES_ORDER.ORDER_NUMBER)));
            String sku = row.get(SALES_ORDER_LINE.SKU);
            candidate.sold.add(row.get(RETURN_LINE.QUANTITY) + " x " + sku);
            if (skus.contains(sku)) {
                candidate.reasons.add("same SKU");
            }
            for (String serial : row.get(SALES_ORDER_LINE.SERIALS)) {
                if (serials.contains(serial)) {
                    candidate.reasons.add("serial " + serial + " sold");
                }
            }
            if (bySender && senderEmail.strip().equalsIgnoreCase(row.get(CUSTOMER.EMAIL))) {
                candidate.reasons.add("customer's e-mail " + row.get(CUSTOMER.EMAIL));
            }
            if (tracking != null && tracking.equals(row.get(RETURN_AUTHORIZATION.TRACKING_ID))) {
                candidate.reasons.add("tracking number " + tracking);
            }
            if (scannedRma != null && !scannedRma.isBlank() && candidate.rma.toLowerCase()
                    .contains(scannedRma.strip().toLowerCase())) {
                candidate.reasons.add("RMA number like " + scannedRma.strip());
            }
        }
        return candidates.values().stream().limit(MOST).map(Candidate::describe).toList();
    }

    private static final class Candidate {

        final String rma;
        final String customerId;
        final String orderNumber;
        final Set<String> sold = new LinkedHashSet<>();
        final Set<String> reasons = new LinkedHashSet<>();

        Candidate(String rma, String customerId, String orderNumber) {
            this.rma = rma;
            this.customerId = customerId;
            this.orderNumber = orderNumber;
        }

        /** Starts with the RMA number and " · ": the form takes what comes before as the value of the choice. */
        String describe() {
            List<String> parts = new ArrayList<>(List.of(rma, "customer " + customerId, "order " + orderNumber,
                    String.join(", ", sold)));
            parts.add(String.join(", ", reasons));
            return String.join(" · ", parts);
        }
    }
}
