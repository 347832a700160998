package org.openreturns.returns;

import static org.openreturns.db.Tables.CUSTOMER;
import static org.openreturns.db.Tables.RETURN_AUTHORIZATION;
import static org.openreturns.db.Tables.RETURN_LINE;
import static org.openreturns.db.Tables.RETURN_REQUEST;
import static org.openreturns.db.Tables.SALES_ORDER;
import static org.openreturns.db.Tables.SALES_ORDER_LINE;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.openreturns.carriers.CarrierLabels.ReturnLabel;
import org.openreturns.db.tables.records.ReturnAuthorizationRecord;
import org.springframework.stereotype.Repository;

@Repository
class AuthorizationRepository {

    private final DSLContext db;

    AuthorizationRepository(DSLContext db) {
        this.db = db;
    }

    String customerEmail(UUID returnId) {
        return db.select(CUSTOMER.EMAIL).from(RETURN_REQUEST)
                .join(SALES_ORDER).on(SALES_ORDER.ID.eq(RETURN_REQUEST.ORDER_ID))
                .join(CUSTOMER).on(CUSTOMER.ID.eq(SALES_ORDER.CUSTOMER_ID))
                .where(RETURN_REQUEST.ID.eq(returnId)).fetchSingle(CUSTOMER.EMAIL);
    }

    /** Stores the authorization once: a repeated step finds it there. */
    void insertOnce(UUID returnId, String warehouse, ReturnLabel label, String instructions, OffsetDateTime expectedBy,
                    OffsetDateTime at, String by) {
        db.insertInto(RETURN_AUTHORIZATION)
                .set(RETURN_AUTHORIZATION.RETURN_ID, returnId)
                .set(RETURN_AUTHORIZATION.WAREHOUSE, warehouse)
                .set(RETURN_AUTHORIZATION.CARRIER, label.carrier())
                .set(RETURN_AUTHORIZATION.LABEL_REFERENCE, label.labelReference())
                .set(RETURN_AUTHORIZATION.TRACKING_ID, label.trackingId())
                .set(RETURN_AUTHORIZATION.INSTRUCTIONS, instructions)
                .set(RETURN_AUTHORIZATION.EXPECTED_BY, expectedBy)
                .set(RETURN_AUTHORIZATION.AUTHORIZED_AT, at)
                .set(RETURN_AUTHORIZATION.AUTHORIZED_BY, by)
                .onConflictDoNothing()
                .execute();
    }

    Optional<ReturnAuthorizationRecord> find(UUID returnId) {
        return db.selectFrom(RETURN_AUTHORIZATION).where(RETURN_AUTHORIZATION.RETURN_ID.eq(returnId)).fetchOptional();
    }

    /** Parcels the warehouse is told to expect: authorized returns not received yet, soonest due first. */
    List<ExpectedParcel> expectedAt(String warehouse) {
        Map<UUID, ExpectedParcel> parcels = new LinkedHashMap<>();
        db.select(RETURN_REQUEST.ID, RETURN_REQUEST.RMA_NUMBER, RETURN_REQUEST.STATUS, SALES_ORDER.ORDER_NUMBER,
                        SALES_ORDER.CHANNEL, RETURN_AUTHORIZATION.CARRIER, RETURN_AUTHORIZATION.TRACKING_ID,
                        RETURN_AUTHORIZATION.EXPECTED_BY, RETURN_LINE.LINE_NO, SALES_ORDER_LINE.SKU,
                        RETURN_LINE.QUANTITY, SALES_ORDER_LINE.SERIALS)
                .from(RETURN_AUTHORIZATION)
                .join(RETURN_REQUEST).on(RETURN_REQUEST.ID.eq(RETURN_AUTHORIZATION.RETURN_ID))
                .join(SALES_ORDER).on(SALES_ORDER.ID.eq(RETURN_REQUEST.ORDER_ID))
                .join(RETURN_LINE).on(RETURN_LINE.RETURN_ID.eq(RETURN_REQUEST.ID))
                .join(SALES_ORDER_LINE).on(SALES_ORDER_LINE.ORDER_ID.eq(RETURN_LINE.ORDER_ID)
                        .and(SALES_ORDER_LINE.LINE_NO.eq(RETURN_LINE.LINE_NO)))
                .where(RETURN_AUTHORIZATION.WAREHOUSE.eq(warehouse))
                .and(RETURN_REQUEST.STATUS.in(ReturnStatus.WAITING_FOR_PARCEL.stream().map(Enum::name).toList()))
                .orderBy(RETURN_AUTHORIZATION.EXPECTED_BY, RETURN_REQUEST.RMA_NUMBER, RETURN_LINE.LINE_NO)
                .fetch()
                .forEach(row -> parcels.computeIfAbsent(row.get(RETURN_REQUEST.ID), id -> new ExpectedParcel(id,
                                row.get(RETURN_REQUEST.RMA_NUMBER), ReturnStatus.valueOf(row.get(RETURN_REQUEST.STATUS)),
                                row.get(SALES_ORDER.ORDER_NUMBER), row.get(SALES_ORDER.CHANNEL),
                                row.get(RETURN_AUTHORIZATION.CARRIER), row.get(RETURN_AUTHORIZATION.TRACKING_ID),
                                row.get(RETURN_AUTHORIZATION.EXPECTED_BY), new ArrayList<>()))
                        .lines().add(new ExpectedParcel.Line(row.get(RETURN_LINE.LINE_NO),
                                row.get(SALES_ORDER_LINE.SKU), row.get(RETURN_LINE.QUANTITY),
                                Arrays.asList(row.get(SALES_ORDER_LINE.SERIALS)))));
        return List.copyOf(parcels.values());
    }
}
