package org.openreturns.catalog;

/**
 * A product of the catalogue. Cost and price are in minor units of {@code currency}
 * (docs/adr/0004-money-in-minor-units.md).
 *
 * @param serialized              every unit carries a serial number that is checked when it comes back
 * @param finalSale               sold as not returnable (underwear, swimwear, clearance)
 * @param highValueThresholdMinor unit price at or above which a return needs approval; null means the configured
 *                                default applies
 * @param unitWeightGrams         what one unit weighs, to tell an empty or underweight returned parcel; null when
 *                                unknown
 */
public record Product(String sku, String name, String category, String supplierCode, String currency,
                      long unitCostMinor, long priceMinor, boolean serialized, boolean finalSale,
                      Long highValueThresholdMinor, Integer unitWeightGrams) {
}
