package org.openreturns.workspace;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.openreturns.receiving.ParcelScan;

/**
 * The parcel a receiving station is scanning, kept in the person's session between scans: which RMA (if any) it
 * carries, and the units scanned so far. A serialized SKU waits for its serial before it counts.
 */
final class ParcelAtStation implements Serializable {

    final String rmaNumber;
    final String trackingId;
    final List<ParcelScan.Item> items = new ArrayList<>();
    /** A serialized SKU scanned whose serial is the next scan; null when the next scan is a SKU. */
    String skuAwaitingSerial;

    ParcelAtStation(String rmaNumber, String trackingId) {
        this.rmaNumber = rmaNumber;
        this.trackingId = trackingId;
    }

    /** Adds one unit; units of the same SKU without serial are counted on one line. */
    void add(String sku, String serial) {
        if (serial == null) {
            for (int i = 0; i < items.size(); i++) {
                ParcelScan.Item item = items.get(i);
                if (item.sku().equals(sku) && item.serial() == null) {
                    items.set(i, new ParcelScan.Item(sku, null, item.quantity() + 1, null));
                    return;
                }
            }
        }
        items.add(new ParcelScan.Item(sku, serial, 1, null));
    }

    public String getRmaNumber() {
        return rmaNumber;
    }

    public String getTrackingId() {
        return trackingId;
    }

    public List<ParcelScan.Item> getItems() {
        return items;
    }

    public String getSkuAwaitingSerial() {
        return skuAwaitingSerial;
    }
}
