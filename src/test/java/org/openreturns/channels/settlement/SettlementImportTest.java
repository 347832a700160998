package org.openreturns.channels.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.db.Tables.CHANNEL_REFUND;
import static org.openreturns.db.Tables.CHANNEL_SETTLEMENT_LINE;

import java.math.BigDecimal;
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
import org.openreturns.accounting.JournalEntryDraft;
import org.openreturns.accounting.JournalEntryView;
import org.openreturns.orders.CustomerTier;
import org.openreturns.orders.OrderIngestion;
import org.openreturns.orders.OrderService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A marketplace's settlement report: each line taken once through the channel inbox, fees posted to the journal and
 * reversed, refunds recorded as channel refunds, a bad line kept as a dead letter and taken when replayed after the
 * fix.
 */
@ReturnsIntegrationTest
class SettlementImportTest {

    private static final String HEADER = "lineId,type,orderId,orderLine,sku,amount,currency,bookedAt,refundId,reverses,"
            + "description\n";

    @Autowired
    TestRestTemplate http;
    @Autowired
    DSLContext db;
    @Autowired
    OrderService orders;
    @Autowired
    Journal journal;

    ApiClient api;
    String channel;

    @BeforeEach
    void setUp() {
        api = new ApiClient(http);
        api.catalogue("TSHIRT-BLK-M");
        channel = "MKT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        api.post("admin", "/api/channels", Map.of("code", channel, "name", "Marketplace " + channel));
    }

    @Test
    void feesArePostedAndReversedRefundsRecordedABadLineDeadLetteredAndReplayedAfterTheFix() {
        String order = order("MO-" + UUID.randomUUID().toString().substring(0, 8));
        String late = "MO-LATE-" + UUID.randomUUID().toString().substring(0, 8);
        String settlement = "S-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = HEADER
                + "1,ORDER_PAYMENT," + order + ",,,39.80,EUR,2026-12-01,,,\n"
                + "2,FEE," + order + ",,,5.97,EUR,2026-12-01,,,referral fee\n"
                + "3,REFUND," + order + ",1,TSHIRT-BLK-M,19.90,EUR,2026-12-03T10:00:00Z,RF-" + order + ",,\n"
                + "4,FEE,,,,1.00,EUR,2026-12-03,,,refund administration fee\n"
                + "5,REVERSAL,,,,1.00,EUR,2026-12-04,,4,fee refunded\n"
                + "6,REFUND," + late + ",1,TSHIRT-BLK-M,19.90,EUR,2026-12-04,,,\n";

        ResponseEntity<Map<String, Object>> imported = importCsv(settlement, csv);

        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody()).containsEntry("lines", 6).containsEntry("taken", 5);
        List<Map<String, Object>> deadLettered = list(imported.getBody().get("deadLettered"));
        assertThat(deadLettered).singleElement().satisfies(letter -> {
            assertThat(letter).containsEntry("lineId", "6");
            assertThat((String) letter.get("reason")).contains(late);
        });
        assertThat(fee(settlement, "2")).satisfies(entry -> {
            assertThat(entry.reason()).isEqualTo("MARKETPLACE_FEE");
            assertThat(entry.lines()).containsExactlyInAnyOrder(
                    new JournalEntryView.LineView(Accounts.MARKETPLACE_FEES, 597, 0),
                    new JournalEntryView.LineView(Accounts.CHANNEL_RECEIVABLE, 0, 597));
        });
        JournalEntryView reversedFee = fee(settlement, "4");
        List<JournalEntryView> ofFour = journal.entriesOfSource(JournalEntryDraft.SourceType.CHANNEL_SETTLEMENT,
                channel + "/" + settlement + "/4");
        assertThat(ofFour).hasSize(2).anySatisfy(entry -> {
            assertThat(entry.reversesEntryId()).isEqualTo(reversedFee.id());
            assertThat(entry.lines()).containsExactlyInAnyOrder(
                    new JournalEntryView.LineView(Accounts.MARKETPLACE_FEES, 0, 100),
                    new JournalEntryView.LineView(Accounts.CHANNEL_RECEIVABLE, 100, 0));
        });
        assertThat(db.selectFrom(CHANNEL_REFUND).where(CHANNEL_REFUND.CHANNEL.eq(channel)).fetch())
                .singleElement().satisfies(refund -> {
                    assertThat(refund.getChannelRefundId()).isEqualTo("RF-" + order);
                    assertThat(refund.getAmountMinor()).isEqualTo(1990);
                    assertThat(refund.getSource()).isEqualTo("SETTLEMENT_REPORT");
                    assertThat(refund.getMessageId()).isEqualTo(settlement + "/3");
                });

        ResponseEntity<Map<String, Object>> again = importCsv(settlement, csv);

        assertThat(again.getBody()).containsEntry("lines", 6).containsEntry("taken", 5);
        assertThat(list(again.getBody().get("deadLettered")).get(0).get("deadLetterId"))
                .as("the same letter").isEqualTo(deadLettered.get(0).get("deadLetterId"));
        assertThat(db.fetchCount(CHANNEL_SETTLEMENT_LINE, CHANNEL_SETTLEMENT_LINE.CHANNEL.eq(channel))).isEqualTo(5);
        assertThat(journal.entriesOfSource(JournalEntryDraft.SourceType.CHANNEL_SETTLEMENT,
                channel + "/" + settlement + "/2")).as("posted once").hasSize(1);

        order(late);
        Map<String, Object> replayed = api.post("finance1", "/api/dead-letters/"
                + deadLettered.get(0).get("deadLetterId") + "/replay", Map.of()).getBody();

        assertThat(replayed).containsEntry("status", "REPLAYED").containsEntry("messageType",
                "marketplace:settlement-line").containsEntry("messageId", settlement + "/6");
        assertThat(db.fetchCount(CHANNEL_REFUND, CHANNEL_REFUND.CHANNEL.eq(channel))).isEqualTo(2);
        assertThat(db.fetchCount(CHANNEL_SETTLEMENT_LINE, CHANNEL_SETTLEMENT_LINE.CHANNEL.eq(channel))).isEqualTo(6);
    }

    @Test
    void aLineThatContradictsItsEarlierSelfOrReversesTwiceIsADeadLetter() {
        String settlement = "S-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(importCsv(settlement, HEADER + "1,FEE,,,,2.00,EUR,2026-12-01,,,\n"
                + "2,REVERSAL,,,,2.00,EUR,2026-12-02,,1,\n").getBody()).containsEntry("taken", 2);

        ResponseEntity<Map<String, Object>> contradicting = importCsv(settlement, HEADER
                + "1,FEE,,,,3.00,EUR,2026-12-01,,,\n3,REVERSAL,,,,2.00,EUR,2026-12-02,,1,\n"
                + "4,FEE,,,,abc,EUR,2026-12-02,,,\n");

        assertThat(contradicting.getBody()).containsEntry("taken", 0);
        assertThat(list(contradicting.getBody().get("deadLettered"))).extracting(letter -> letter.get("lineId"))
                .containsExactly("1", "3", "4");
        assertThat(list(contradicting.getBody().get("deadLettered"))).extracting(letter -> (String) letter.get("reason"))
                .satisfies(reasons -> {
                    assertThat(reasons.get(0)).contains("other values");
                    assertThat(reasons.get(1)).contains("reversed already");
                    assertThat(reasons.get(2)).contains("Column amount");
                });
    }

    @Test
    void aReversedRefundNoLongerCountsAndAnOrderPaymentIsNotReversed() {
        String order = order("MO-" + UUID.randomUUID().toString().substring(0, 8));
        String settlement = "S-" + UUID.randomUUID().toString().substring(0, 8);

        ResponseEntity<Map<String, Object>> imported = importCsv(settlement, HEADER
                + "1,ORDER_PAYMENT," + order + ",,,39.80,EUR,2026-12-01,,,\n"
                + "2,REFUND," + order + ",,TSHIRT-BLK-M,19.90,EUR,2026-12-02,,,\n"
                + "3,REVERSAL,,,,19.90,EUR,2026-12-03,,2,refund taken back\n"
                + "4,REVERSAL,,,,39.80,EUR,2026-12-03,,1,\n");

        assertThat(imported.getBody()).containsEntry("taken", 3);
        assertThat(list(imported.getBody().get("deadLettered"))).singleElement().satisfies(letter -> {
            assertThat(letter).containsEntry("lineId", "4");
            assertThat((String) letter.get("reason")).contains("only REFUND and FEE lines are reversed");
        });
        assertThat(db.selectFrom(CHANNEL_REFUND).where(CHANNEL_REFUND.CHANNEL.eq(channel)).fetchSingle())
                .satisfies(refund -> {
                    assertThat(refund.getChannelRefundId()).isEqualTo(settlement + "/2");
                    assertThat(refund.getOrderLineNo()).isEqualTo(1);
                    assertThat(refund.getReversedAt()).isNotNull();
                    assertThat(refund.getReversedBy()).isEqualTo("finance1");
                });
    }

    @Test
    void aFileThatIsNotASettlementReportIsRefusedWholeAndOnlyFinanceImportsOne() {
        String settlement = "S-" + UUID.randomUUID().toString().substring(0, 8);

        ResponseEntity<Map<String, Object>> noColumns = importCsv(settlement, "lineId,type\n1,FEE\n");
        ResponseEntity<Map<String, Object>> unknownChannel = exchange("finance1", "/api/channels/NO_SUCH/settlements"
                + "?settlementId=" + settlement, HEADER + "1,FEE,,,,2.00,EUR,2026-12-01,,,\n");
        ResponseEntity<Map<String, Object>> asSupport = exchange("support1", "/api/channels/" + channel
                + "/settlements?settlementId=" + settlement, HEADER + "1,FEE,,,,2.00,EUR,2026-12-01,,,\n");

        assertThat(noColumns.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiClient.problemFields(noColumns)).contains("line 1");
        assertThat(unknownChannel.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(asSupport.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(db.fetchCount(CHANNEL_SETTLEMENT_LINE, CHANNEL_SETTLEMENT_LINE.SETTLEMENT_ID.eq(settlement)))
                .isZero();
    }

    private JournalEntryView fee(String settlement, String lineId) {
        return journal.entryOf("settlement-fee-" + channel + "/" + settlement + "/" + lineId).orElseThrow();
    }

    private String order(String orderId) {
        orders.ingest(new OrderIngestion(orderId, channel, new OrderIngestion.Customer("C-" + orderId,
                ApiClient.emailOf("C-" + orderId), CustomerTier.STANDARD, null), OffsetDateTime.now().minusDays(5),
                OffsetDateTime.now().minusDays(2), "EUR", "WH-BER", List.of(new OrderIngestion.Line(1, "TSHIRT-BLK-M",
                2, new BigDecimal("19.90"), List.of())), null, null), "test");
        return orderId;
    }

    private ResponseEntity<Map<String, Object>> importCsv(String settlement, String csv) {
        return exchange("finance1", "/api/channels/" + channel + "/settlements?settlementId=" + settlement, csv);
    }

    private ResponseEntity<Map<String, Object>> exchange(String user, String path, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(csv, headers),
                new ParameterizedTypeReference<Map<String, Object>>() {
                });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
