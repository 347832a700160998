package org.openreturns.workspace;

import static org.openreturns.db.Tables.REFUND;
import static org.openreturns.db.Tables.RETURN_REQUEST;

import java.time.OffsetDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Finance's list of refunds that wait (held) or went wrong (failed), oldest first. */
@Controller
class FinancePages {

    /** A refund that waits or failed, with the return it belongs to. */
    record StuckRefund(long id, String rmaNumber, int lineNo, String status, long amountMinor, String currency,
                       OffsetDateTime since, String failureReason) {
    }

    private final DSLContext db;

    FinancePages(DSLContext db) {
        this.db = db;
    }

    @GetMapping("/app/finance/refunds")
    @Transactional(readOnly = true)
    String refunds(Model model) {
        List<StuckRefund> refunds = db.select(REFUND.ID, RETURN_REQUEST.RMA_NUMBER, REFUND.RETURN_LINE_NO,
                        REFUND.STATUS, REFUND.AMOUNT_MINOR, REFUND.CURRENCY,
                        DSL.coalesce(REFUND.FAILED_AT, REFUND.HELD_AT),
                        REFUND.FAILURE_REASON)
                .from(REFUND).join(RETURN_REQUEST).on(RETURN_REQUEST.ID.eq(REFUND.RETURN_ID))
                .where(REFUND.STATUS.in("HELD", "FAILED"))
                .orderBy(DSL.coalesce(REFUND.FAILED_AT, REFUND.HELD_AT))
                .limit(500)
                .fetch(row -> new StuckRefund(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                        row.value6(), row.value7(), row.value8()));
        model.addAttribute("refunds", refunds);
        return "workspace/finance-refunds";
    }
}
