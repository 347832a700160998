package org.openreturns.orders;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.openreturns.system.FieldProblem;

/**
 * A line a shipment or a cancellation names, checked against the order the same way by both: named once, on the
 * order. What is still open of it decides how many units either may take.
 *
 * @param field   the request's field of the line, {@code lines[i]}, for the problems the caller adds
 * @param index   the line's position in the request
 * @param ordered the order line it names
 * @param done    what was shipped and cancelled of that order line so far
 */
record RequestedLine(String field, int index, OrderLine ordered, LineFulfilment done) {

    /** What is left of the order line: neither shipped nor cancelled. */
    int open() {
        return done.open(ordered);
    }

    /**
     * The requested line numbers that name a line of the order once; a line named twice or not on the order adds its
     * problem to {@code problems} and is left out.
     */
    static List<RequestedLine> onOrder(SalesOrder order, List<Integer> lineNumbers,
                                       Map<Integer, LineFulfilment> fulfilment, List<FieldProblem> problems) {
        List<RequestedLine> known = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < lineNumbers.size(); i++) {
            int lineNo = lineNumbers.get(i);
            String field = "lines[" + i + "]";
            if (!seen.add(lineNo)) {
                problems.add(new FieldProblem(field + ".lineNo", "line " + lineNo + " appears twice"));
                continue;
            }
            Optional<OrderLine> ordered = order.line(lineNo);
            if (ordered.isEmpty()) {
                problems.add(new FieldProblem(field + ".lineNo", "order " + order.orderNumber() + " has no line "
                        + lineNo));
                continue;
            }
            known.add(new RequestedLine(field, i, ordered.get(),
                    fulfilment.getOrDefault(lineNo, LineFulfilment.NONE)));
        }
        return known;
    }
}
