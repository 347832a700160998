package org.openreturns.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Request bodies for the master-data API, with unique codes so tests sharing one database never collide. */
final class MasterData {

    private MasterData() {
    }

    /** A code such as {@code SUP-1A2B3C4D}: capitals, digits and a hyphen, as every master-data code allows. */
    static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static Map<String, Object> supplier(String code) {
        return Map.of("code", code, "name", "Supplier " + code, "email", "orders@supplier.example");
    }

    /** A plain T-shirt at 19.90 EUR bought at 6.40; a mutable map so tests can change a field. */
    static Map<String, Object> tshirt(String sku, String supplier) {
        Map<String, Object> product = new HashMap<>();
        product.put("sku", sku);
        product.put("name", "Organic cotton T-shirt " + sku);
        product.put("category", "t-shirts");
        product.put("supplier", supplier);
        product.put("currency", "EUR");
        product.put("unitCost", new java.math.BigDecimal("6.40"));
        product.put("price", new java.math.BigDecimal("19.90"));
        return product;
    }

    static Map<String, Object> warehouse(String code) {
        return Map.of("code", code, "name", "Warehouse " + code, "country", "DE");
    }
}
