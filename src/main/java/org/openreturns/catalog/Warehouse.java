package org.openreturns.catalog;

import java.util.List;

/** A warehouse with its locations, one of each {@link LocationType}, in the order of that enum. */
public record Warehouse(String code, String name, String country, List<Location> locations) {

    public Warehouse {
        locations = List.copyOf(locations);
    }

    public Location location(LocationType type) {
        return locations.stream().filter(location -> location.type() == type).findFirst()
                // Every way of creating a warehouse creates all its locations, so this is a broken database.
                .orElseThrow(() -> new IllegalStateException("Warehouse " + code + " has no " + type + " location"));
    }
}
