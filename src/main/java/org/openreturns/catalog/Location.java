package org.openreturns.catalog;

/** One place stock can be in: a warehouse has exactly one location of each {@link LocationType}. */
public record Location(long id, String warehouseCode, LocationType type) {

    /** Stock moved to a virtual location has left the books; it carries no balance. */
    public boolean isVirtual() {
        return type.isVirtual();
    }
}
