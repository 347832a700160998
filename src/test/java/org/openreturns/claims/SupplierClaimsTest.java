package org.openreturns.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ResolvedReturns;
import org.openreturns.ResolvedReturns.Line;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.accounting.Journal;
import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.inventory.MoveReason;
import org.openreturns.inventory.StockLedger;
import org.openreturns.orders.OrderService;
import org.openreturns.system.ConflictException;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.NotFoundException;
import org.openreturns.system.RuleViolationException;
import org.springframework.beans.factory.annotation.Autowired;

/** Supplier claims on PostgreSQL: one per line, on the product's supplier; shipping takes the unit off the books. */
@ReturnsIntegrationTest
class SupplierClaimsTest {

    @Autowired
    SupplierClaims claims;
    @Autowired
    DSLContext db;
    @Autowired
    OrderService orders;
    @Autowired
    StockLedger ledger;
    @Autowired
    CatalogService catalog;
    @Autowired
    Journal journal;

    ResolvedReturns returns;
    String warehouse;

    @BeforeEach
    void setUp() {
        returns = new ResolvedReturns(db, orders, ledger, catalog, journal);
        warehouse = returns.warehouse();
    }

    @Test
    void aVendorReturnIsClaimedOnceFromTheProductsSupplier() {
        Line line = inVendorReturn("SN-" + warehouse);

        long claimId = open(line);
        long again = open(line);

        assertThat(again).isEqualTo(claimId);
        assertThat(claimsOf(line.returnId())).singleElement().satisfies(claim -> {
            assertThat(claim.id()).isEqualTo(claimId);
            assertThat(claim.supplier()).isEqualTo("SUP-TEST");
            assertThat(claim.sku()).isEqualTo(line.sku());
            assertThat(claim.serial()).isEqualTo(line.serial());
            assertThat(claim.amountMinor()).isEqualTo(1000);
            assertThat(claim.currency()).isEqualTo("EUR");
            assertThat(claim.warehouse()).isEqualTo(warehouse);
            assertThat(claim.status()).isEqualTo(SupplierClaimStatus.OPEN);
            assertThat(claim.createdBy()).isEqualTo("system");
            assertThat(claim.shippedBy()).isNull();
        });
        assertThat(returns.entries(line.returnId())).containsExactly(
                "RETURN_RECEIPT: Dr 1310 1000, Cr 5000 1000",
                "VENDOR_RETURN: Dr 1400 1000, Cr 1310 1000");
    }

    @Test
    void shippingTakesTheUnitOffTheBooksAndLeavesTheReceivableUntilTheSupplierPays() {
        Line line = inVendorReturn("SN-" + warehouse);
        long claimId = open(line);

        SupplierClaimView shipped = claims.ship(claimId, "warehouse1");

        assertThat(shipped.status()).isEqualTo(SupplierClaimStatus.SHIPPED);
        assertThat(shipped.shippedBy()).isEqualTo("warehouse1");
        assertThat(shipped.shippedAt()).isNotNull();
        assertThat(returns.stock(line.sku())).isEmpty();
        assertThat(returns.whereIs(line.sku(), line.serial())).isNull();
        // Nothing is posted for the shipment: the receivable (Dr 1400) stays until the supplier pays.
        assertThat(returns.entries(line.returnId())).containsExactly(
                "RETURN_RECEIPT: Dr 1310 1000, Cr 5000 1000",
                "VENDOR_RETURN: Dr 1400 1000, Cr 1310 1000");
        assertThat(claims.claims("SHIPPED")).contains(shipped);
    }

    @Test
    void shippingAgainChangesNothing() {
        Line line = inVendorReturn(null);
        long claimId = open(line);
        SupplierClaimView shipped = claims.ship(claimId, "warehouse1");

        assertThat(claims.ship(claimId, "warehouse2")).isEqualTo(shipped);
        assertThat(returns.stock(line.sku())).isEmpty();
        assertThat(returns.entries(line.returnId())).hasSize(2);
    }

    @Test
    void aClaimWhoseUnitIsNoLongerInVendorReturnIsAConflictAndStaysOpen() {
        Line line = returns.returned(warehouse, returns.product(false), null);
        returns.unitIn(line, LocationType.QUARANTINE, MoveReason.QUARANTINE);
        long claimId = open(line);

        assertThatThrownBy(() -> claims.ship(claimId, "warehouse1"))
                .isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("Supplier claim " + claimId + " cannot be shipped: Not enough stock");

        assertThat(claimsOf(line.returnId())).extracting(SupplierClaimView::status)
                .containsExactly(SupplierClaimStatus.OPEN);
        assertThat(returns.stock(line.sku())).isEqualTo(Map.of(LocationType.QUARANTINE, 1));
    }

    @Test
    void aClaimForAnUnknownProductIsRefusedNamingTheSku() {
        Line line = returns.returned(warehouse, returns.product(false), null);

        assertThatThrownBy(() -> claims.open(line.returnId(), 1, "NO-SUCH-SKU", null, 1, 1000, "EUR", warehouse,
                "system"))
                .isInstanceOfSatisfying(NotFoundException.class, notFound -> {
                    assertThat(notFound.field()).isEqualTo("sku");
                    assertThat(notFound).hasMessage("No product NO-SUCH-SKU to claim for");
                });
        assertThat(claimsOf(line.returnId())).isEmpty();
    }

    @Test
    void anUnknownClaimIsNotFoundAndAnUnknownStatusIsRefusedByName() {
        assertThatThrownBy(() -> claims.ship(Long.MAX_VALUE, "warehouse1"))
                .isInstanceOfSatisfying(NotFoundException.class,
                        notFound -> assertThat(notFound.field()).isEqualTo("claimId"));
        assertThatThrownBy(() -> claims.claims("LOST"))
                .isInstanceOfSatisfying(RuleViolationException.class, refused -> assertThat(refused.problems())
                        .containsExactly(new FieldProblem("status", "must be OPEN or SHIPPED")));
    }

    private Line inVendorReturn(String serial) {
        Line line = returns.returned(warehouse, returns.product(serial != null), serial);
        returns.unitIn(line, LocationType.VENDOR_RETURN, MoveReason.VENDOR_RETURN);
        return line;
    }

    private long open(Line line) {
        return claims.open(line.returnId(), line.lineNo(), line.sku(), line.serial(), 1, ResolvedReturns.UNIT_COST,
                "EUR", warehouse, "system");
    }

    private List<SupplierClaimView> claimsOf(UUID returnId) {
        return claims.claims(null).stream().filter(claim -> claim.returnId().equals(returnId)).toList();
    }
}
