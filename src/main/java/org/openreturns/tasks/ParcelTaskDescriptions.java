package org.openreturns.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.openreturns.receiving.UnexpectedParcelProcess;
import org.openreturns.receiving.UnexpectedParcels;
import org.openreturns.receiving.UnexpectedParcels.ParcelAtHand;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the warehouse's task for a parcel without a known RMA shows: what arrived where, due before the units would
 * wait in quarantine longer than reconciliation allows, and the returns it may belong to.
 */
@Component
class ParcelTaskDescriptions {

    private final UnexpectedParcels parcels;
    private final Duration returnsSla;
    private final Clock clock;

    ParcelTaskDescriptions(UnexpectedParcels parcels,
                           @Value("${returns.reconciliation.returns-sla:PT48H}") Duration returnsSla, Clock clock) {
        this.parcels = parcels;
        this.returnsSla = returnsSla;
        this.clock = clock;
    }

    Map<String, Object> unexpectedParcel(long receiptId, String senderEmail) {
        ParcelAtHand parcel = parcels.parcel(receiptId, senderEmail);
        String items = parcel.items().stream().map(item -> item.quantity() + " x " + item.sku())
                .collect(Collectors.joining(", "));
        Instant receivedAt = parcel.receivedAt().toInstant();
        // Nothing is known of its value or customer yet: it waits, and waiting longer makes it more urgent.
        Map<String, Object> variables = TaskVariables.of("Unexpected parcel at " + parcel.warehouse() + " · "
                        + items + (parcel.trackingId() == null ? "" : " · tracking " + parcel.trackingId()),
                receivedAt.plus(returnsSla), TaskPriority.ofWaiting(Duration.between(receivedAt, clock.instant())));
        variables.put(UnexpectedParcelProcess.CANDIDATE_RETURNS, String.join("\n", parcel.candidateReturns()));
        return variables;
    }
}
