package org.openreturns.catalog;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/warehouses")
class WarehouseController {

    private final CatalogService catalog;

    WarehouseController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<WarehouseView> warehouses() {
        return catalog.warehouses().stream().map(WarehouseView::of).toList();
    }

    @GetMapping("/{code}")
    WarehouseView warehouse(@PathVariable String code) {
        return WarehouseView.of(catalog.warehouse(code));
    }

    /** Creates the warehouse with one location of each type (201), or updates its name and country (200). */
    @PostMapping
    ResponseEntity<WarehouseView> save(@Valid @RequestBody WarehouseRequest warehouse, Authentication caller) {
        CatalogService.Saved<Warehouse> saved = catalog.saveWarehouse(warehouse, caller.getName());
        WarehouseView view = WarehouseView.of(saved.value());
        return saved.created()
                ? ResponseEntity.created(URI.create("/api/warehouses/" + view.code())).body(view)
                : ResponseEntity.ok(view);
    }

    record WarehouseView(String code, String name, String country, List<LocationView> locations) {

        static WarehouseView of(Warehouse warehouse) {
            return new WarehouseView(warehouse.code(), warehouse.name(), warehouse.country(), warehouse.locations()
                    .stream().map(location -> new LocationView(location.id(), location.type(), location.isVirtual()))
                    .toList());
        }
    }

    /** {@code virtual}: stock moved here has left the books (scrapped, or with the customer). */
    record LocationView(long id, LocationType type, boolean virtual) {
    }
}
