package org.openreturns.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.db.Tables.CHANNEL_REFUND;
import static org.openreturns.db.Tables.CREDIT_NOTE;
import static org.openreturns.db.Tables.OFFLINE_PAYOUT;
import static org.openreturns.db.Tables.RETURN_LINE;
import static org.openreturns.db.Tables.RETURN_REQUEST;
import static org.openreturns.db.Tables.SALES_ORDER;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ApiClient;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.accounting.Accounts;
import org.openreturns.accounting.Journal;
import org.openreturns.accounting.JournalEntryView;
import org.openreturns.channels.WebStoreClient;
import org.openreturns.db.tables.records.ChannelRefundRecord;
import org.openreturns.inventory.LedgerFixtures;
import org.openreturns.orders.OrderService;
import org.openreturns.refunds.HoldRequest;
import org.openreturns.refunds.RefundFixtures;
import org.openreturns.refunds.RefundService;
import org.openreturns.refunds.RefundStatus;
import org.openreturns.refunds.RefundView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Refunds the web store paid the customer itself ({@code refunds/create}): matched to the return of their order line,
 * never paid a second time by us, and a reconciliation break when there is no return behind them, when they were paid
 * before the return was inspected, when they pay more than was decided, or when we had paid the return already.
 */
@ReturnsIntegrationTest
class ChannelRefundLeakageTest {

    /** When RefundFixtures' inspections pass. */
    private static final OffsetDateTime INSPECTED = OffsetDateTime.parse("2026-11-20T09:00:00Z");

    @Autowired
    TestRestTemplate http;
    @Autowired
    DSLContext db;
    @Autowired
    ReconciliationChecks checks;
    @Autowired
    RefundService refunds;
    @Autowired
    OrderService orders;
    @Autowired
    Journal journal;

    WebStoreClient store;
    RefundFixtures returns;
    String sku;

    @BeforeEach
    void setUp() {
        new ApiClient(http).catalogue();
        store = new WebStoreClient(http);
        returns = new RefundFixtures(db, orders);
        sku = new LedgerFixtures(db).product(false);
    }

    @Test
    void aRefundOfTheStoreIsMatchedToTheReturnAndOnePaidBeforeTheInspectionPassedIsABreak() {
        String orderId = order();
        RefundFixtures.Line returned = returnOf(orderId);

        Map<String, Object> answer = store.deliver("refunds/create", "wh-r-" + orderId,
                WebStoreClient.refund("R1" + orderId.hashCode(), orderId, sku, "19.90", INSPECTED.minusDays(1)))
                .getBody();
        returns.passedInspection(returned);

        assertThat(answer).containsEntry("status", "TAKEN");
        ChannelRefundRecord recorded = channelRefundOf(orderId);
        assertThat(recorded.getReturnId()).isEqualTo(returned.returnId());
        assertThat(recorded.getReturnLineNo()).isEqualTo(1);
        assertThat(recorded.getAmountMinor()).isEqualTo(1990);
        assertThat(recorded.getSku()).isEqualTo(sku);
        assertThat(fingerprints()).contains("REFUND_LEAKAGE:channel-refund-" + recorded.getId() + ":before-inspection")
                .doesNotContain("REFUND_LEAKAGE:channel-refund-" + recorded.getId() + ":no-return");
        assertThat(store.deliver("refunds/create", "wh-r-" + orderId, WebStoreClient.refund("R1" + orderId.hashCode(),
                orderId, sku, "19.90", INSPECTED.minusDays(1))).getBody()).containsEntry("status", "TAKEN");
        assertThat(db.fetchCount(CHANNEL_REFUND, CHANNEL_REFUND.CHANNEL.eq(store.channel))).as("recorded once")
                .isEqualTo(1);
    }

    @Test
    void aRefundOfTheStoreWithNoReturnBehindItIsABreak() {
        String orderId = order();

        store.deliver("refunds/create", "wh-r-" + orderId, WebStoreClient.refund("R2" + orderId.hashCode(), orderId,
                sku, "19.90", OffsetDateTime.now()));

        ChannelRefundRecord recorded = channelRefundOf(orderId);
        assertThat(recorded.getReturnId()).isNull();
        assertThat(fingerprints()).contains("REFUND_LEAKAGE:channel-refund-" + recorded.getId() + ":no-return");
    }

    @Test
    void aReturnTheStoreRefundedIsReleasedAsPaidByTheChannelWithoutPayingTheCustomerAgain() {
        String orderId = order();
        RefundFixtures.Line returned = returnOf(orderId);
        returns.passedInspection(returned);
        store.deliver("refunds/create", "wh-r-" + orderId, WebStoreClient.refund("R3" + orderId.hashCode(), orderId,
                sku, "19.90", OffsetDateTime.now()));

        RefundView held = refunds.hold(HoldRequest.full(RefundFixtures.key(), returned.returnId(), 1), "finance1");
        refunds.approve(held.id(), "finance1");
        RefundView released = refunds.release(held.id(), "finance1");

        assertThat(released.status()).isEqualTo(RefundStatus.RELEASED);
        assertThat(released.gateway()).isEqualTo("channel " + store.channel);
        assertThat(released.gatewayReference()).isEqualTo(channelRefundOf(orderId).getChannelRefundId());
        assertThat(db.fetchExists(OFFLINE_PAYOUT, OFFLINE_PAYOUT.REFUND_ID.eq(held.id())))
                .as("the payment gateway was not asked to pay").isFalse();
        assertThat(db.fetchExists(CREDIT_NOTE, CREDIT_NOTE.REFUND_ID.eq(held.id()))).isTrue();
        List<JournalEntryView> entries = journal.entriesOfReturn(returned.returnId());
        assertThat(entries).filteredOn(entry -> entry.reason().equals("REFUND_PAID_BY_CHANNEL")).singleElement()
                .satisfies(entry -> assertThat(entry.lines()).containsExactlyInAnyOrder(
                        new JournalEntryView.LineView(Accounts.REFUNDS_PAYABLE, 1990, 0),
                        new JournalEntryView.LineView(Accounts.CHANNEL_RECEIVABLE, 0, 1990)));
        assertThat(entries).noneMatch(entry -> entry.reason().equals("REFUND_PAID"));
        long id = channelRefundOf(orderId).getId();
        assertThat(fingerprints()).noneMatch(fingerprint -> fingerprint.startsWith("REFUND_LEAKAGE:channel-refund-"
                + id + ":"));
    }

    @Test
    void aChannelRefundOfAReturnWePaidAlreadyIsABreakAndOneOverTheDecisionToo() {
        String paidFirst = order();
        RefundFixtures.Line paidLine = returnOf(paidFirst);
        returns.passedInspection(paidLine);
        RefundView ours = refunds.hold(HoldRequest.full(RefundFixtures.key(), paidLine.returnId(), 1), "finance1");
        refunds.approve(ours.id(), "finance1");
        assertThat(refunds.release(ours.id(), "finance1").gateway()).doesNotStartWith("channel");
        String partial = order();
        RefundFixtures.Line partialLine = returnOf(partial);
        returns.passedInspection(partialLine);
        refunds.hold(HoldRequest.restockingFee(RefundFixtures.key(), partialLine.returnId(), 1, 500), "finance1");

        store.deliver("refunds/create", "wh-r-" + paidFirst, WebStoreClient.refund("R4" + paidFirst.hashCode(),
                paidFirst, sku, "19.90", OffsetDateTime.now()));
        store.deliver("refunds/create", "wh-r-" + partial, WebStoreClient.refund("R5" + partial.hashCode(),
                partial, sku, "19.90", OffsetDateTime.now()));

        assertThat(fingerprints()).contains(
                "REFUND_LEAKAGE:channel-refund-" + channelRefundOf(paidFirst).getId() + ":paid-twice",
                "REFUND_LEAKAGE:channel-refunds-over:" + partialLine.returnId() + "#1");
    }

    private List<String> fingerprints() {
        return checks.channelRefunds().stream().map(Finding::fingerprint).toList();
    }

    /** An order of one unit of the test's SKU at 19.90, taken from the store's orders/create; its id. */
    private String order() {
        String orderId = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(store.deliver("orders/create", "wh-c-" + orderId, WebStoreClient.order(orderId, List.of(), sku, 1))
                .getBody()).containsEntry("status", "TAKEN");
        return orderId;
    }

    /** A return of the order's line 1, received, not inspected yet. */
    private RefundFixtures.Line returnOf(String orderId) {
        long order = db.select(SALES_ORDER.ID).from(SALES_ORDER).where(SALES_ORDER.CHANNEL.eq(store.channel))
                .and(SALES_ORDER.ORDER_NUMBER.eq(orderId)).fetchSingle(SALES_ORDER.ID);
        UUID returnId = UUID.randomUUID();
        String rma = "RMA-CR-" + returnId.toString().substring(0, 8);
        OffsetDateTime requested = INSPECTED.minusDays(3);
        db.insertInto(RETURN_REQUEST)
                .set(RETURN_REQUEST.ID, returnId).set(RETURN_REQUEST.RMA_NUMBER, rma)
                .set(RETURN_REQUEST.ORDER_ID, order).set(RETURN_REQUEST.STATUS, "RECEIVED")
                .set(RETURN_REQUEST.REQUESTED_BY, "test").set(RETURN_REQUEST.REQUESTED_AT, requested)
                .set(RETURN_REQUEST.STATUS_CHANGED_AT, requested)
                .execute();
        db.insertInto(RETURN_LINE)
                .set(RETURN_LINE.RETURN_ID, returnId).set(RETURN_LINE.ORDER_ID, order)
                .set(RETURN_LINE.LINE_NO, 1).set(RETURN_LINE.QUANTITY, 1)
                .set(RETURN_LINE.REASON_CODE, "CHANGED_MIND").set(RETURN_LINE.DECLARED_CONDITION, "OPENED")
                .set(RETURN_LINE.RECEIVED_SKU, sku).set(RETURN_LINE.RECEIVED_QUANTITY, 1)
                .execute();
        return new RefundFixtures.Line(returnId, 1, rma, "C-" + orderId);
    }

    private ChannelRefundRecord channelRefundOf(String orderId) {
        long order = db.select(SALES_ORDER.ID).from(SALES_ORDER).where(SALES_ORDER.CHANNEL.eq(store.channel))
                .and(SALES_ORDER.ORDER_NUMBER.eq(orderId)).fetchSingle(SALES_ORDER.ID);
        return db.selectFrom(CHANNEL_REFUND).where(CHANNEL_REFUND.ORDER_ID.eq(order)).fetchSingle();
    }
}
