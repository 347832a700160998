package org.openreturns.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.openreturns.system.FieldProblem;
import org.openreturns.system.Money;
import org.openreturns.system.NotFoundException;
import org.openreturns.system.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The master data every other capability works with: products, warehouses with their locations, suppliers and
 * sales channels. Saving creates or updates by code, so sending the same data twice changes nothing.
 */
@Service
public class CatalogService {

    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private final CatalogRepository catalog;
    private final Clock clock;

    CatalogService(CatalogRepository catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** What was saved, and whether it is new (201) or replaced an earlier version (200). */
    record Saved<T>(T value, boolean created) {
    }

    @Transactional(readOnly = true)
    public Optional<Product> product(String sku) {
        return catalog.product(sku);
    }

    /** The warehouse with its locations; {@link NotFoundException} on field {@code warehouse} when unknown. */
    @Transactional(readOnly = true)
    public Warehouse warehouse(String code) {
        return catalog.warehouse(code)
                .orElseThrow(() -> new NotFoundException("warehouse", "No warehouse " + code + " is known"));
    }

    /** The id of the warehouse's location of the given type, as stock moves name it. */
    @Transactional(readOnly = true)
    public long locationId(String warehouseCode, LocationType type) {
        return warehouse(warehouseCode).location(type).id();
    }

    /** The channels whose orders are accepted. */
    @Transactional(readOnly = true)
    public Set<String> channelCodes() {
        return catalog.channels().stream().map(SalesChannel::code).collect(Collectors.toUnmodifiableSet());
    }

    /** All products, or those of one category when it is not null. */
    @Transactional(readOnly = true)
    List<Product> products(String category) {
        return catalog.products(category);
    }

    /** Whether the catalogue has any product at all; an empty one is a database on its first start. */
    @Transactional(readOnly = true)
    boolean hasProducts() {
        return catalog.hasProducts();
    }

    @Transactional
    Saved<Product> saveProduct(ProductRequest request, String actor) {
        Product product = toProduct(request);
        catalog.product(product.sku()).ifPresent(stored -> checkChangeAllowed(stored, product));
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Insert, and update only when the SKU exists: two requests creating one SKU at once both succeed.
        boolean created = catalog.insertProduct(product, now, actor);
        if (!created) {
            catalog.updateProductIfChanged(product, now, actor);
        }
        return new Saved<>(product, created);
    }

    /** The product in minor units, or a {@link RuleViolationException} naming each field that breaks a rule. */
    private Product toProduct(ProductRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Currency> currency = Money.currency(request.currency());
        if (currency.isEmpty()) {
            problems.add(new FieldProblem("currency", "is not an ISO 4217 currency code"));
        } else {
            checkFitsMinorUnits("unitCost", request.unitCost(), currency.get(), problems);
            checkFitsMinorUnits("price", request.price(), currency.get(), problems);
            checkFitsMinorUnits("highValueThreshold", request.highValueThreshold(), currency.get(), problems);
        }
        if (!catalog.supplierExists(request.supplier())) {
            problems.add(new FieldProblem("supplier", "is unknown: create supplier " + request.supplier()
                    + " first with POST /api/suppliers"));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
        Currency productCurrency = currency.orElseThrow();
        Long highValueThresholdMinor = request.highValueThreshold() == null ? null
                : Money.toMinorUnits(request.highValueThreshold(), productCurrency);
        return new Product(request.sku(), request.name(), request.category(), request.supplier(), request.currency(),
                Money.toMinorUnits(request.unitCost(), productCurrency),
                Money.toMinorUnits(request.price(), productCurrency),
                request.serialized(), request.finalSale(), highValueThresholdMinor, request.unitWeightGrams());
    }

    private static void checkFitsMinorUnits(String field, BigDecimal amount, Currency currency,
                                            List<FieldProblem> problems) {
        if (amount != null && !Money.fitsMinorUnits(amount, currency)) {
            problems.add(new FieldProblem(field, "has more decimals than " + currency + " allows ("
                    + currency.getDefaultFractionDigits() + ")"));
        }
    }

    /**
     * Once the stock ledger has moved units of a product, those moves count its units one serial at a time (or
     * not) and carry values in its currency; changing either would make the ledger contradict itself.
     */
    private void checkChangeAllowed(Product stored, Product changed) {
        boolean serializedChanges = stored.serialized() != changed.serialized();
        boolean currencyChanges = !stored.currency().equals(changed.currency());
        if ((!serializedChanges && !currencyChanges) || !catalog.hasStockMoves(stored.sku())) {
            return;
        }
        List<FieldProblem> problems = new ArrayList<>();
        String why = "cannot change: stock of " + stored.sku() + " has already moved";
        if (serializedChanges) {
            problems.add(new FieldProblem("serialized", why));
        }
        if (currencyChanges) {
            problems.add(new FieldProblem("currency", why + " at values in " + stored.currency()));
        }
        throw new RuleViolationException(problems);
    }

    /** Whether a supplier of this code is known. */
    @Transactional(readOnly = true)
    public boolean supplierExists(String code) {
        return catalog.supplierExists(code);
    }

    @Transactional(readOnly = true)
    List<Supplier> suppliers() {
        return catalog.suppliers();
    }

    @Transactional
    Saved<Supplier> saveSupplier(Supplier supplier, String actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean created = catalog.insertSupplier(supplier, now, actor);
        if (!created) {
            catalog.updateSupplierIfChanged(supplier, now, actor);
        }
        return new Saved<>(supplier, created);
    }

    @Transactional(readOnly = true)
    public List<Warehouse> warehouses() {
        return catalog.warehouses();
    }

    /** Saves the warehouse and gives it one location of each type. */
    @Transactional
    Saved<Warehouse> saveWarehouse(WarehouseRequest request, String actor) {
        if (!COUNTRIES.contains(request.country())) {
            throw new RuleViolationException("country", "is not an ISO 3166 country code");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean created = catalog.insertWarehouse(request, now, actor);
        if (!created) {
            catalog.updateWarehouseIfChanged(request, now, actor);
        }
        catalog.addMissingLocations(request.code());
        return new Saved<>(warehouse(request.code()), created);
    }

    /**
     * The secret the channel signs its webhooks with; empty when the channel is unknown or has none, and then none of
     * its webhooks is accepted.
     */
    @Transactional(readOnly = true)
    public Optional<String> webhookSecret(String channelCode) {
        return catalog.webhookSecret(channelCode);
    }

    @Transactional(readOnly = true)
    List<SalesChannel> channels() {
        return catalog.channels();
    }

    @Transactional
    Saved<SalesChannel> saveChannel(SalesChannel channel, String actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean created = catalog.insertChannel(channel, now, actor);
        if (!created) {
            catalog.updateChannelIfChanged(channel, now, actor);
        }
        return new Saved<>(channel, created);
    }
}
