package org.openreturns.quality;

/**
 * What the inspector submitted for a return (the checklist of the {@code inspection} form).
 *
 * @param serialMatches null when the item is not serialized
 */
public record InspectionFindings(String grade, Boolean skuMatches, Boolean serialMatches, Boolean packagingOk,
                                 Boolean functional, Boolean reasonConfirmed, String receivedSerial, String notes,
                                 String inspectedBy) {
}
