package org.openreturns.returns;

import org.junit.jupiter.api.BeforeEach;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.catalog.CatalogService;
import org.openreturns.inventory.StockLedger;
import org.openreturns.process.operaton.ProcessClock;
import org.operaton.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The five reference scenarios of docs/specification/lifecycle.md ({@link ReferenceScenarios}) on the embedded runtime:
 * the HTTP API, the real BPMN and DMN on Operaton, and PostgreSQL.
 */
@ReturnsIntegrationTest
class ReturnLifecycleTest extends ReferenceScenarios {

    @Autowired
    TestRestTemplate http;
    @Autowired
    StockLedger ledger;
    @Autowired
    CatalogService catalog;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ProcessClock processClock;

    @BeforeEach
    void setUp() {
        driver = new LifecycleDriver(new ApiClient(http), ledger, catalog,
                new OperatonProbe(processEngine, processClock));
    }
}
