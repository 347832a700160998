package org.openreturns.orders;

import static org.openreturns.db.Tables.ORDER_CANCELLATION;
import static org.openreturns.db.Tables.ORDER_CANCELLATION_LINE;

import java.util.List;
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

    /** Stores many cancellations in two statements; false when an id was taken already. */
    boolean insertAll(List<Cancellation> cancellations) {
        if (cancellations.isEmpty()) {
            return true;
        }
        var insert = db.insertInto(ORDER_CANCELLATION, ORDER_CANCELLATION.CANCELLATION_ID,
                ORDER_CANCELLATION.ORDER_ID, ORDER_CANCELLATION.RECORDED_BY, ORDER_CANCELLATION.RECORDED_AT);
        var lines = db.insertInto(ORDER_CANCELLATION_LINE, ORDER_CANCELLATION_LINE.CANCELLATION_ID,
                ORDER_CANCELLATION_LINE.ORDER_ID, ORDER_CANCELLATION_LINE.LINE_NO, ORDER_CANCELLATION_LINE.QUANTITY);
        for (Cancellation cancellation : cancellations) {
            insert = insert.values(cancellation.cancellationId(), cancellation.orderId(), cancellation.recordedBy(),
                    cancellation.recordedAt());
            for (Cancellation.Line line : cancellation.lines()) {
                lines = lines.values(cancellation.cancellationId(), cancellation.orderId(), line.lineNo(),
                        line.quantity());
            }
        }
        if (insert.onConflictDoNothing().execute() != cancellations.size()) {
            return false;
        }
        lines.execute();
        return true;
    }
}
