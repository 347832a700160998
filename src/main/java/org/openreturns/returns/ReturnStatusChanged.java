package org.openreturns.returns;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Published inside the transaction that moved a return to another status, so that other capabilities can react
 * (telling the customer, for one) without the lifecycle calling each of them. Listeners that write should run
 * before the commit, so that their work commits or rolls back with the change.
 *
 * @param detail the reason recorded on the timeline, e.g. why the return was rejected
 */
public record ReturnStatusChanged(UUID returnId, String rmaNumber, ReturnStatus from, ReturnStatus to, String actor,
                                  String detail, OffsetDateTime at) {
}
