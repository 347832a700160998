package org.openreturns.catalog;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Currency;
import java.util.List;

import jakarta.validation.Valid;
import org.openreturns.system.Money;
import org.openreturns.system.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
class ProductController {

    private final CatalogService catalog;

    ProductController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<ProductView> products(@RequestParam(required = false) String category) {
        return catalog.products(category).stream().map(ProductView::of).toList();
    }

    @GetMapping("/{sku}")
    ProductView product(@PathVariable String sku) {
        return catalog.product(sku).map(ProductView::of)
                .orElseThrow(() -> new NotFoundException("sku", "No product " + sku + " is known"));
    }

    /** Creates the product (201) or updates the one with its SKU (200). */
    @PostMapping
    ResponseEntity<ProductView> save(@Valid @RequestBody ProductRequest product, Authentication caller) {
        CatalogService.Saved<Product> saved = catalog.saveProduct(product, caller.getName());
        ProductView view = ProductView.of(saved.value());
        return saved.created()
                ? ResponseEntity.created(URI.create("/api/products/" + view.sku())).body(view)
                : ResponseEntity.ok(view);
    }

    /** A product in the shape it is posted in: amounts in the currency's major unit. */
    record ProductView(String sku, String name, String category, String supplier, String currency,
                       BigDecimal unitCost, BigDecimal price, boolean serialized, boolean finalSale,
                       BigDecimal highValueThreshold, Integer unitWeightGrams) {

        static ProductView of(Product product) {
            Currency currency = Currency.getInstance(product.currency());
            BigDecimal highValueThreshold = product.highValueThresholdMinor() == null ? null
                    : Money.fromMinorUnits(product.highValueThresholdMinor(), currency);
            return new ProductView(product.sku(), product.name(), product.category(), product.supplierCode(),
                    product.currency(), Money.fromMinorUnits(product.unitCostMinor(), currency),
                    Money.fromMinorUnits(product.priceMinor(), currency), product.serialized(), product.finalSale(),
                    highValueThreshold, product.unitWeightGrams());
        }
    }
}
