package org.openreturns.quality;

import static org.openreturns.db.Tables.INSPECTION;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;
import org.openreturns.returns.Grade;
import org.springframework.stereotype.Repository;

@Repository
class InspectionRepository {

    private final DSLContext db;

    InspectionRepository(DSLContext db) {
        this.db = db;
    }

    /** One inspection per line: a second delivery of the same step finds it there and changes nothing. */
    boolean insertOnce(UUID returnId, int lineNo, Grade grade, InspectionFindings findings, Boolean serialMatches,
                       OffsetDateTime at) {
        return db.insertInto(INSPECTION)
                .set(INSPECTION.RETURN_ID, returnId)
                .set(INSPECTION.LINE_NO, lineNo)
                .set(INSPECTION.GRADE, grade.name())
                .set(INSPECTION.SKU_MATCHES, findings.skuMatches())
                .set(INSPECTION.SERIAL_MATCHES, serialMatches)
                .set(INSPECTION.PACKAGING_OK, findings.packagingOk())
                .set(INSPECTION.FUNCTIONAL, findings.functional())
                .set(INSPECTION.REASON_CONFIRMED, findings.reasonConfirmed())
                .set(INSPECTION.RECEIVED_SERIAL, blankToNull(findings.receivedSerial()))
                .set(INSPECTION.NOTES, blankToNull(findings.notes()))
                .set(INSPECTION.EVIDENCE, findings.evidence().toArray(String[]::new))
                .set(INSPECTION.INSPECTED_BY, findings.inspectedBy())
                .set(INSPECTION.INSPECTED_AT, at)
                .onConflictDoNothing()
                .execute() == 1;
    }

    List<LineInspection> ofReturn(UUID returnId) {
        return db.selectFrom(INSPECTION).where(INSPECTION.RETURN_ID.eq(returnId)).orderBy(INSPECTION.LINE_NO)
                .fetch(row -> new LineInspection(row.getLineNo(), Grade.valueOf(row.getGrade()), row.getSkuMatches(),
                        row.getSerialMatches(), row.getReasonConfirmed(), row.getInspectedBy(),
                        List.of(row.getEvidence())));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
