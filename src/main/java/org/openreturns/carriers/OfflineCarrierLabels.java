package org.openreturns.carriers;

import org.springframework.stereotype.Component;

/**
 * Labels without a carrier integration: the customer writes the RMA number on the parcel and sends it to the
 * warehouse's returns address with a carrier of their choice. The references are derived from the RMA number, so
 * asking twice gives the same label.
 */
@Component
class OfflineCarrierLabels implements CarrierLabels {

    static final String CARRIER = "OFFLINE";

    @Override
    public ReturnLabel labelFor(LabelRequest request) {
        return new ReturnLabel(CARRIER, "LABEL-" + request.rmaNumber(), request.rmaNumber());
    }
}
