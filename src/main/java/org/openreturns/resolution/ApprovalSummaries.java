package org.openreturns.resolution;

import java.util.Currency;
import java.util.UUID;

import org.openreturns.returns.ReturnDetails;
import org.openreturns.returns.ReturnLineView;
import org.openreturns.returns.ReturnService;
import org.openreturns.system.Money;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the approval form shows: why approval is needed and, per line, what was found and what would happen. */
@Component
class ApprovalSummaries {

    private final ReturnService returns;

    ApprovalSummaries(ReturnService returns) {
        this.returns = returns;
    }

    @Transactional(readOnly = true)
    String of(UUID returnId) {
        ReturnDetails details = returns.details(returnId);
        Currency currency = Currency.getInstance(details.currency());
        StringBuilder text = new StringBuilder("Return " + details.rmaNumber() + " of order " + details.orderId()
                + " (" + details.channel() + ") needs approval: " + returns.approvalReason(returnId).orElse("-"));
        for (ReturnLineView line : details.lines()) {
            if (line.grade() == null) {
                continue;
            }
            long amount = RefundAmounts.amount(line, line.refundDecision(), line.deductionPercent());
            text.append("\nLine ").append(line.lineNo()).append(": sold ").append(line.sku()).append(", received ")
                    .append(line.receivedQuantity()).append(" x ").append(line.receivedSku())
                    .append(line.receivedSerial() == null ? "" : " serial " + line.receivedSerial())
                    .append(", grade ").append(line.grade()).append(" -> ").append(line.disposition())
                    .append(", refund ").append(line.refundDecision()).append(' ')
                    .append(Money.fromMinorUnits(amount, currency)).append(' ').append(details.currency());
        }
        details.timeline().stream().filter(event -> event.type().equals("LINE_INSPECTED")
                        || event.type().equals("DISPUTE_RESOLVED"))
                .forEach(event -> text.append("\n").append(event.type()).append(" by ").append(event.actor())
                        .append(": ").append(event.detail()));
        return text.toString();
    }
}
