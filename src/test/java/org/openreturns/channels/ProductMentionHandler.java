package org.openreturns.channels;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.openreturns.catalog.CatalogService;
import org.openreturns.system.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * A message type for the tests of the inbox alone: the payload is a SKU, taken when the catalogue knows it, refused
 * (like a real order naming an SKU not yet created) when it does not, failing like an outage for {@link #OUTAGE}.
 * Remembers what it took.
 */
@Component
class ProductMentionHandler implements ChannelMessageHandler {

    static final String TYPE = "test:product-mention";
    /** The payload that makes the handler fail as if the database were down. */
    static final String OUTAGE = "!outage";

    final Set<String> taken = ConcurrentHashMap.newKeySet();
    private final CatalogService catalog;

    ProductMentionHandler(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of(TYPE);
    }

    @Override
    public void take(ChannelMessage message) {
        String sku = message.payload();
        if (OUTAGE.equals(sku)) {
            throw new IllegalStateException("the database does not answer");
        }
        if (catalog.product(sku).isEmpty()) {
            throw new NotFoundException("sku", "No product " + sku + " is known");
        }
        taken.add(message.messageId());
    }
}
