package org.openreturns.carriers;

import java.util.UUID;

/**
 * The carriers that take parcels back to the warehouses: a return label for an authorized return. Adapters for real
 * carriers implement it; {@link OfflineCarrierLabels} is the one for a start without any.
 */
public interface CarrierLabels {

    /** Creates the label of a return, or answers the one created before for the same return. */
    ReturnLabel labelFor(LabelRequest request);

    record LabelRequest(UUID returnId, String rmaNumber, String warehouseCode, String customerEmail) {
    }

    /**
     * @param labelReference what the customer prints or shows at the drop-off point
     * @param trackingId     what the carrier's events name the parcel by
     */
    record ReturnLabel(String carrier, String labelReference, String trackingId) {
    }
}
