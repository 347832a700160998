package org.openreturns.availability;

import java.time.OffsetDateTime;

/**
 * What a channel receives, as JSON: the SKU's available-to-sell as of a moment. A channel keeps, per SKU, the figure
 * with the highest sequence it has received and ignores any lower one (a delivery repeated after a lost answer).
 */
public record AvailabilityFigure(String sku, int availableToSell, OffsetDateTime asOf, long sequence) {
}
