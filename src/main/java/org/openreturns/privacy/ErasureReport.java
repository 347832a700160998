package org.openreturns.privacy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What one erasure did, as recorded in the table {@code erasure} and answered by the API.
 *
 * @param returns the RMA numbers of the customer's returns, whose records were pseudonymised
 * @param erased  records changed per kind (customer, shippingAddresses, customerMessages, timelineDetails,
 *                inspections, notifications, reasonLabels, storedResponses, processVariables,
 *                parcelProcessVariables); all zero when the customer's data had been erased before
 */
public record ErasureReport(long erasureId, String customerId, ErasureCause cause, String reason, String erasedBy,
                            OffsetDateTime erasedAt, List<String> returns, Map<String, Integer> erased) {
}
