package org.openreturns.catalog;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/suppliers")
class SupplierController {

    private final CatalogService catalog;

    SupplierController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<Supplier> suppliers() {
        return catalog.suppliers();
    }

    /** Creates the supplier (201) or updates the one with its code (200). */
    @PostMapping
    ResponseEntity<Supplier> save(@Valid @RequestBody Supplier supplier, Authentication caller) {
        CatalogService.Saved<Supplier> saved = catalog.saveSupplier(supplier, caller.getName());
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.value());
    }
}
