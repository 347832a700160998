package org.openreturns.receiving;

import static org.openreturns.db.Tables.CARRIER_EVENT;
import static org.openreturns.db.Tables.RETURN_AUTHORIZATION;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.openreturns.db.tables.records.CarrierEventRecord;
import org.openreturns.process.ProcessRuntime;
import org.openreturns.returns.LifecyclePolicy;
import org.openreturns.returns.ReturnProcess;
import org.openreturns.returns.ReturnService;
import org.openreturns.returns.ReturnStatus;
import org.openreturns.returns.ReturnSummary;
import org.openreturns.system.ConflictException;
import org.openreturns.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carrier events about a return's parcel. The first event puts an authorized return IN_TRANSIT; each event tells
 * the waiting process that the parcel is moving, which restarts its expiry period, and moves the expected date of
 * the warehouse's pre-advice. Events arriving after the parcel was received are kept on the timeline only.
 */
@Service
public class CarrierEvents {

    private final DSLContext db;
    private final ReturnService returns;
    private final ProcessRuntime processRuntime;
    private final LifecyclePolicy policy;
    private final Clock clock;

    CarrierEvents(DSLContext db, ReturnService returns, ProcessRuntime processRuntime, LifecyclePolicy policy,
                  Clock clock) {
        this.db = db;
        this.returns = returns;
        this.processRuntime = processRuntime;
        this.policy = policy;
        this.clock = clock;
    }

    /** @param recorded false when the same event id was recorded before: nothing new happened */
    public record Outcome(String eventId, UUID returnId, ReturnStatus status, boolean recorded) {
    }

    /**
     * @throws NotFoundException  when no return has this id
     * @throws ConflictException  when the event id was recorded for another return
     */
    @Transactional
    public Outcome record(UUID returnId, CarrierEvent event, String recordedBy) {
        ReturnSummary target = returns.find(returnId)
                .orElseThrow(() -> new NotFoundException("returnId", "No return has the id " + returnId));
        CarrierEventRecord earlier = db.selectFrom(CARRIER_EVENT).where(CARRIER_EVENT.EVENT_ID.eq(event.eventId()))
                .fetchOne();
        if (earlier != null) {
            if (!earlier.getReturnId().equals(returnId)) {
                throw new ConflictException("Carrier event " + event.eventId() + " was recorded for another return");
            }
            // The same event again, maybe after its message failed to go out: the same message, delivered once.
            ReturnStatus status = returns.summary(returnId).status();
            if (ReturnStatus.WAITING_FOR_PARCEL.contains(status)) {
                sendToProcess(target.rmaNumber(), CarrierEvent.Type.valueOf(earlier.getType()), event.eventId());
            }
            return new Outcome(event.eventId(), returnId, status, false);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int inserted = db.insertInto(CARRIER_EVENT)
                .set(CARRIER_EVENT.EVENT_ID, event.eventId())
                .set(CARRIER_EVENT.RETURN_ID, returnId)
                .set(CARRIER_EVENT.TYPE, event.type().name())
                .set(CARRIER_EVENT.OCCURRED_AT, event.at())
                .set(CARRIER_EVENT.RECORDED_AT, now)
                .set(CARRIER_EVENT.RECORDED_BY, recordedBy)
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            // The same event arrived twice at once; the other delivery recorded it.
            return new Outcome(event.eventId(), returnId, returns.summary(returnId).status(), false);
        }
        String what = "Carrier reports the parcel " + (event.type() == CarrierEvent.Type.IN_TRANSIT
                ? "in transit" : "delivered to the warehouse") + " at " + event.at() + " (event " + event.eventId() + ")";
        if (!ReturnStatus.WAITING_FOR_PARCEL.contains(target.status())) {
            returns.note(returnId, recordedBy, "CARRIER_EVENT", what);
            return new Outcome(event.eventId(), returnId, target.status(), true);
        }
        if (!returns.markInTransit(returnId, recordedBy, what)) {
            returns.note(returnId, recordedBy, "CARRIER_EVENT", what);
        }
        db.update(RETURN_AUTHORIZATION).set(RETURN_AUTHORIZATION.EXPECTED_BY, now.plus(policy.parcelExpiry()))
                .where(RETURN_AUTHORIZATION.RETURN_ID.eq(returnId)).execute();
        sendToProcess(target.rmaNumber(), event.type(), event.eventId());
        return new Outcome(event.eventId(), returnId, ReturnStatus.IN_TRANSIT, true);
    }

    /** Restarts the process's expiry period; the event id makes the message's id. */
    private void sendToProcess(String rmaNumber, CarrierEvent.Type type, String eventId) {
        processRuntime.sendMessage(ReturnProcess.MESSAGE_CARRIER_EVENT, rmaNumber, "carrier-event-" + eventId,
                Map.of(ReturnProcess.CARRIER_EVENT_TYPE, type.name()));
    }
}
