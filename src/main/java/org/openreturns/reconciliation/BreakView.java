package org.openreturns.reconciliation;

import java.time.OffsetDateTime;

import org.openreturns.catalog.LocationType;
import org.openreturns.db.tables.records.ReconciliationBreakRecord;

/** A break as {@code GET /api/reconciliation/breaks} shows it. */
public record BreakView(long id, CheckType type, String sku, String warehouse, LocationType locationType, String account,
                        String reference, long expected, long actual, long difference, String explanation,
                        BreakStatus status, long firstRunId, long lastRunId, OffsetDateTime openedAt,
                        OffsetDateTime resolvedAt, String resolvedBy, String resolutionComment,
                        Long adjustmentMoveId) {

    static BreakView of(ReconciliationBreakRecord row) {
        return new BreakView(row.getId(), CheckType.valueOf(row.getCheckType()), row.getSku(), row.getWarehouseCode(),
                row.getLocationType() == null ? null : LocationType.valueOf(row.getLocationType()), row.getAccountCode(), row.getReference(), row.getExpected(), row.getActual(),
                row.getDifference(), row.getExplanation(), BreakStatus.valueOf(row.getStatus()), row.getFirstRunId(),
                row.getLastRunId(), row.getOpenedAt(), row.getResolvedAt(), row.getResolvedBy(),
                row.getResolutionComment(), row.getAdjustmentMoveId());
    }
}
