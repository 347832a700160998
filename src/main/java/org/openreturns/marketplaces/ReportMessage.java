package org.openreturns.marketplaces;

import java.util.List;

/**
 * The payload of one order or return of a marketplace report, as the inbox passes it to its handler and a dead letter
 * keeps it: the rows of the report that belong to it, where the report came from and who imported it.
 *
 * @param warehouse the warehouse the marketplace's orders ship from (null for a return report)
 */
record ReportMessage(String report, String warehouse, String importedBy, List<ReportRow> rows) {

    static final String ORDER_REPORT = "marketplace-order-report";
    static final String RETURN_REPORT = "marketplace-return-report";
}
