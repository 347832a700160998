package org.openreturns.orders;

import static org.openreturns.db.Tables.ORDER_CANCELLATION;
import static org.openreturns.db.Tables.ORDER_CANCELLATION_LINE;

import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class CancellationRepository {

    private final DSLContext db;

    CancellationRepository(DSLContext db) {
        this.db = db;
    }

    Optional<Cancellation> find(String cancellationId) {
        return db.selectFrom(ORDER_CANCELLATION).where(ORDER_CANCELLATION.CANCELLATION_ID.eq(cancellationId))
                .fetchOptional(cancellation -> new Cancellation(cancellation.getCancellationId(),
                        cancellation.getOrderId(), cancellation.getRecordedBy(), cancellation.getRecordedAt(),
                        db.selectFrom(ORDER_CANCELLATION_LINE)
                                .where(ORDER_CANCELLATION_LINE.CANCELLATION_ID.eq(cancellationId))
                                .orderBy(ORDER_CANCELLATION_LINE.LINE_NO)
                                .fetch(line -> new Cancellation.Line(line.getLineNo(), line.getQuantity()))));
    }

    /** Stores the cancellation unless its id is taken; false when it is. */
    boolean insert(Cancellation cancellation) {
        int inserted = db.insertInto(ORDER_CANCELLATION)
                .set(ORDER_CANCELLATION.CANCELLATION_ID, cancellation.cancellationId())
                .set(ORDER_CANCELLATION.ORDER_ID, cancellation.orderId())
                .set(ORDER_CANCELLATION.RECORDED_BY, cancellation.recordedBy())
                .set(ORDER_CANCELLATION.RECORDED_AT, cancellation.recordedAt())
                .onConflictDoNothing().execute();
        if (inserted == 0) {
            return false;
        }
        for (Cancellation.Line line : cancellation.lines()) {
            db.insertInto(ORDER_CANCELLATION_LINE)
                    .set(ORDER_CANCELLATION_LINE.CANCELLATION_ID, cancellation.cancellationId())
                    .set(ORDER_CANCELLATION_LINE.ORDER_ID, cancellation.orderId())
                    .set(ORDER_CANCELLATION_LINE.LINE_NO, line.lineNo())
                    .set(ORDER_CANCELLATION_LINE.QUANTITY, line.quantity())
                    .execute();
        }
        return true;
    }
}
