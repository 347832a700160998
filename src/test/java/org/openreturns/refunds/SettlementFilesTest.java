package org.openreturns.refunds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How the settlement file writes its fields. */
class SettlementFilesTest {

    @Test
    void theSettlementFileQuotesFieldsThatNeedIt() {
        assertThat(SettlementFiles.csv(List.of(List.of("7", "RMA-2026-000001", "C-1", "a,b@example.com", "53.91",
                "EUR", "CN-2026-000001", "OFF-00000007"))))
                .isEqualTo("refund_id,rma_number,customer_id,customer_email,amount,currency,credit_note,"
                        + "gateway_reference\r\n7,RMA-2026-000001,C-1,\"a,b@example.com\",53.91,EUR,CN-2026-000001,"
                        + "OFF-00000007\r\n");
    }
}
