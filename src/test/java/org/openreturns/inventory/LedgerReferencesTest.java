package org.openreturns.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openreturns.catalog.LocationType.QUARANTINE;
import static org.openreturns.catalog.LocationType.SELLABLE;

import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.catalog.LocationType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/**
 * What PostgreSQL itself refuses, whatever the code above it does: a stock move or journal line that refers to
 * master data that does not exist (checked once per statement, V11), and deleting or re-keying that master data.
 */
@ReturnsIntegrationTest
class LedgerReferencesTest {

    @Autowired
    DSLContext db;

    Map<LocationType, Long> warehouse;
    String sku;

    @BeforeEach
    void setUp() {
        LedgerFixtures fixtures = new LedgerFixtures(db);
        warehouse = fixtures.warehouse();
        sku = fixtures.product(false);
    }

    @Test
    void aMoveOfAValidBatchIsStored() {
        insertMove(sku, warehouse.get(SELLABLE), warehouse.get(QUARANTINE));

        assertThat(db.fetchCount(db.selectFrom("stock_move").where("sku = ?", sku))).isEqualTo(1);
    }

    @Test
    void aMoveOfAnUnknownSkuIsRefusedWithTheBatch() {
        assertThatThrownBy(() -> db.transaction(tx -> {
            insertMove(tx.dsl(), sku, null, warehouse.get(SELLABLE));
            insertMove(tx.dsl(), "NO-SUCH-SKU", null, warehouse.get(SELLABLE));
        })).isInstanceOf(DataAccessException.class).hasMessageContaining("SKU NO-SUCH-SKU, which is not in the catalogue");

        assertThat(db.fetchCount(db.selectFrom("stock_move").where("sku = ?", sku))).as("nothing of the batch").isZero();
    }

    @Test
    void aMoveToAnUnknownLocationIsRefused() {
        assertThatThrownBy(() -> insertMove(sku, warehouse.get(SELLABLE), 987654321L))
                .hasMessageContaining("location 987654321, which does not exist");
    }

    @Test
    void aJournalLineOnAnAccountOutsideTheChartIsRefused() {
        long entry = db.fetchSingle("""
                insert into journal_entry (idempotency_key, reason, source_type, source_id, currency, posted_at,
                                           posted_by)
                values (?, 'TEST', 'MANUAL', 'test', 'EUR', now(), 'tester') returning id""",
                UUID.randomUUID().toString()).get(0, Long.class);

        assertThatThrownBy(() -> db.execute("""
                insert into journal_line (entry_id, line_no, account_code, debit_minor, credit_minor)
                values (?, 1, '1300', 100, 0), (?, 2, '9999', 0, 100)""", entry, entry))
                .hasMessageContaining("account 9999, which is not in the chart of accounts");
        assertThatThrownBy(() -> db.execute("""
                insert into journal_line (entry_id, line_no, account_code, debit_minor, credit_minor)
                values (-1, 1, '1300', 100, 0), (-1, 2, '2000', 0, 100)"""))
                .hasMessageContaining("entry -1, which does not exist");
    }

    @Test
    void masterDataTheLedgerRefersToIsNeverDeletedNorReKeyed() {
        assertThatThrownBy(() -> db.execute("delete from product where sku = ?", sku))
                .hasMessageContaining("product rows are master data");
        assertThatThrownBy(() -> db.execute("delete from location where id = ?", warehouse.get(SELLABLE)))
                .hasMessageContaining("location rows are master data");
        assertThatThrownBy(() -> db.execute("update account set code = 'X1300' where code = '1300'"))
                .hasMessageContaining("account rows are master data");
        db.execute("update product set name = 'Renamed' where sku = ?", sku);
        assertThat(db.fetchValue("select name from product where sku = ?", sku)).as("other changes are fine")
                .isEqualTo("Renamed");
    }

    private void insertMove(String movedSku, Long from, Long to) {
        insertMove(db, movedSku, from, to);
    }

    private static void insertMove(DSLContext dsl, String movedSku, Long from, Long to) {
        dsl.execute("""
                insert into stock_move (idempotency_key, sku, quantity, from_location_id, to_location_id, reason,
                                        reference_type, reference_id, value_minor, currency, moved_by, moved_at)
                values (?, ?, 1, ?, ?, 'TRANSFER', 'ADJUSTMENT', 'test', 0, 'EUR', 'tester', now())""",
                UUID.randomUUID().toString(), movedSku, from, to);
    }
}
