package org.openreturns.ai.risk;

/**
 * What is known about a customer when they request a return, counted over their history; the input of
 * {@link ReturnRiskScorer}. Windows end at the request; "90 days" counts the return being requested too.
 *
 * @param unitsDelivered90        units delivered to the customer in the last 90 days
 * @param unitsReturned90         units returned in the last 90 days, this return included
 * @param earlierReturns90        returns requested in the last 90 days before this one
 * @param valueReturned90         value returned in the last 90 days, this return included, in major units
 * @param daysFromDelivery        days from delivery to this request; null when the order is not delivered
 * @param wardrobingReturns       apparel returned used (declared, or graded C or worse) within 14 days of delivery,
 *                                this return and the last 180 days
 * @param serialMismatches        earlier returned units whose SKU or serial did not match the sale
 * @param emptyOrUnderweightParcels earlier parcels that arrived empty, without a line, or under half their weight
 * @param highValueReturns90      returns in the last 90 days, this one included, with a unit at or above its
 *                                product's high-value threshold
 * @param linkedCustomers         other customers sharing a delivery address, phone number or e-mail pattern
 * @param linkedReturns90         returns of those linked customers in the last 90 days
 */
public record RiskFacts(int unitsDelivered90, int unitsReturned90, int earlierReturns90, double valueReturned90,
                        Integer daysFromDelivery, int wardrobingReturns, int serialMismatches,
                        int emptyOrUnderweightParcels, int highValueReturns90, int linkedCustomers,
                        int linkedReturns90) {
}
