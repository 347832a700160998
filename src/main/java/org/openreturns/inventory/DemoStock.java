package org.openreturns.inventory;

import static org.openreturns.db.Tables.PRODUCT;
import static org.openreturns.db.Tables.STOCK_MOVE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.system.DemoSetting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening stock for the demo catalogue, so that available-to-sell and the journal show something on a first start:
 * every product sellable in both demo warehouses, serialized ones with serial numbers. Booked through the ledger
 * as opening balances at the product's cost, once, when the ledger is still empty; same rule as the catalogue.
 */
@Component
class DemoStock {

    /** Units per product and warehouse: plain items, serialized items. */
    private static final Map<String, int[]> UNITS = Map.of("WH-BER", new int[] {24, 3}, "WH-WAW", new int[] {12, 2});

    private static final Logger log = LoggerFactory.getLogger(DemoStock.class);

    private final StockLedger ledger;
    private final CatalogService catalog;
    private final DSLContext db;
    private final Environment environment;

    DemoStock(StockLedger ledger, CatalogService catalog, DSLContext db, Environment environment) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.db = db;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void bookOpeningStock() {
        if (!DemoSetting.isOn(environment, "returns.demo-data") || db.fetchExists(STOCK_MOVE)
                || !db.fetchExists(PRODUCT)) {
            return;
        }
        List<StockMoveRequest> moves = new ArrayList<>();
        UNITS.forEach((warehouse, units) -> {
            long sellable = catalog.locationId(warehouse, LocationType.SELLABLE);
            db.select(PRODUCT.SKU, PRODUCT.UNIT_COST_MINOR, PRODUCT.SERIALIZED).from(PRODUCT).orderBy(PRODUCT.SKU)
                    .forEach(product -> {
                        if (product.value3()) {
                            for (int unit = 1; unit <= units[1]; unit++) {
                                String serial = "SN-" + warehouse.substring(3) + "-" + product.value1() + "-" + unit;
                                moves.add(opening(warehouse, product.value1(), serial, 1, sellable, product.value2()));
                            }
                        } else {
                            moves.add(opening(warehouse, product.value1(), null, units[0], sellable, product.value2()));
                        }
                    });
        });
        ledger.record(moves);
        log.info("Booked the demo opening stock: {} moves", moves.size());
    }

    private static StockMoveRequest opening(String warehouse, String sku, String serial, int quantity, long location,
                                            long unitCost) {
        String key = "demo-opening-" + warehouse + "-" + sku + (serial == null ? "" : "-" + serial);
        return StockMoveRequest.openingStock(key, sku, serial, quantity, location, unitCost, "demo-stock");
    }
}
