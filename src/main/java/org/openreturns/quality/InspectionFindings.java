package org.openreturns.quality;

import java.util.List;

/**
 * What the inspector submitted for a return line (the checklist of the {@code inspection} form).
 *
 * @param serialMatches null when the item is not serialized
 * @param evidence      references to photos or documents, one per entry
 */
public record InspectionFindings(String grade, Boolean skuMatches, Boolean serialMatches, Boolean packagingOk,
                                 Boolean functional, Boolean reasonConfirmed, String receivedSerial, String notes,
                                 List<String> evidence, String inspectedBy) {

    public InspectionFindings {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
