package org.openreturns.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.openreturns.system.DemoSetting;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A realistic catalogue to try the application with: two warehouses, a few suppliers and apparel, accessories and
 * serialized high-value items, from {@code demo/catalogue.json}. It is loaded on the first start of the embedded
 * default, the same rule as the demo users: {@code returns.demo-data} decides when set, otherwise it is on exactly
 * when no {@code spring.datasource.url} is configured. "First start" means the catalogue has no product yet, so
 * products created by hand are never joined by demo ones.
 */
@Component
class DemoCatalogue {

    private static final String RESOURCE = "demo/catalogue.json";
    /** Who the demo master data was written by, as {@code updated_by} shows. */
    static final String ACTOR = "demo-catalogue";

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    private final CatalogService catalog;
    private final ObjectMapper json;
    private final Validator validator;
    private final Environment environment;

    DemoCatalogue(CatalogService catalog, ObjectMapper json, Validator validator, Environment environment) {
        this.catalog = catalog;
        this.json = json;
        this.validator = validator;
        this.environment = environment;
    }

    /** The file's contents, each entry in the form the API takes. */
    record Contents(List<Supplier> suppliers, List<WarehouseRequest> warehouses, List<ProductRequest> products) {
    }

    @EventListener(ApplicationStartedEvent.class)
    @Transactional
    public void loadOnFirstStart() {
        if (!demoDataWanted()) {
            return;
        }
        if (catalog.hasProducts()) {
            log.info("The demo catalogue is not loaded: the catalogue already has products");
            return;
        }
        Contents loaded = load();
        log.info("Loaded the demo catalogue: {} suppliers, {} warehouses, {} products", loaded.suppliers().size(),
                loaded.warehouses().size(), loaded.products().size());
    }

    /** Saves everything in the file, in one transaction. Saving creates or updates by code, so it never duplicates. */
    @Transactional
    Contents load() {
        Contents contents = read();
        contents.suppliers().forEach(supplier -> catalog.saveSupplier(supplier, ACTOR));
        contents.warehouses().forEach(warehouse -> catalog.saveWarehouse(warehouse, ACTOR));
        contents.products().forEach(product -> catalog.saveProduct(product, ACTOR));
        return contents;
    }

    /** Reads and checks the file as strictly as the API checks a request, so a typo fails loudly. */
    Contents read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            Contents contents = json.readerFor(Contents.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(in);
            Set<String> problems = Stream.of(contents.suppliers(), contents.warehouses(), contents.products())
                    .flatMap(List::stream)
                    .flatMap(entry -> validator.validate(entry).stream())
                    .map(DemoCatalogue::describe)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!problems.isEmpty()) {
                throw new IllegalStateException(RESOURCE + " is not valid: " + problems);
            }
            return contents;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static String describe(ConstraintViolation<?> violation) {
        return violation.getRootBean() + ": " + violation.getPropertyPath() + " " + violation.getMessage();
    }

    private boolean demoDataWanted() {
        return DemoSetting.isOn(environment, "returns.demo-data");
    }
}
