package org.openreturns.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.openreturns.returns.LifecycleDriver.inspection;
import static org.openreturns.returns.LifecycleDriver.item;
import static org.openreturns.returns.LifecycleDriver.lines;
import static org.openreturns.returns.LifecycleDriver.refund;
import static org.openreturns.returns.LifecycleDriver.returning;
import static org.openreturns.returns.LifecycleDriver.serializedInspection;
import static org.openreturns.returns.LifecycleDriver.sold;
import static org.openreturns.returns.LifecycleDriver.timelineTypes;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The five reference scenarios of docs/specification/lifecycle.md, end to end through the HTTP API, written once for
 * both runtimes: each asserts the path taken (timeline), the return's status, the stock by location type, the journal
 * entries and the refund. A subclass provides the application and the {@link LifecycleDriver} with its runtime's {@link
 * ProcessProbe}.
 */
abstract class ReferenceScenarios {

    protected LifecycleDriver driver;

    @Test
    void unopenedItemWithinPolicyIsRestockedAfterInspectionAndRefundedInFull() {
        String tshirt = driver.product("TSHIRT", "t-shirts", "6.40", "19.90", false, false);
        String orderId = driver.order("STANDARD", sold(1, tshirt, 1, "19.90"));
        Map<String, Object> requested = driver.requestReturn(orderId, returning(1, 1, "SIZE_TOO_SMALL", "UNOPENED"));
        String returnId = (String) requested.get("returnId");
        String rma = (String) requested.get("rmaNumber");
        driver.awaitStatus(returnId, "AUTHORIZED");
        assertThat(driver.api.getList("warehouse1", "/api/warehouses/" + driver.warehouse + "/expected-inbound")
                .getBody()).extracting(parcel -> parcel.get("rmaNumber")).containsExactly(rma);

        assertThat(driver.scan(rma, item(tshirt, null, 1)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> task = driver.awaitTask("quality", returnId, "InspectReturn");
        assertThat(driver.stock(tshirt)).containsEntry("QUARANTINE", 1).doesNotContainKey("SELLABLE");
        Map<String, Object> inspecting = driver.details(returnId);
        assertThat(inspecting.get("refund")).as("no money before inspection").isNull();
        assertThat((List<?>) inspecting.get("openTasks")).singleElement().asInstanceOf(MAP)
                .containsEntry("elementId", "InspectReturn").containsEntry("candidateGroups", List.of("quality"))
                .containsKey("createdAt");
        driver.completed("quality1", task, inspection("A", true, true));

        Map<String, Object> closed = driver.awaitStatus(returnId, "CLOSED");
        assertThat(timelineTypes(closed)).containsSubsequence("REQUESTED", "ELIGIBILITY_CHECKED", "AUTHORIZED",
                "PARCEL_RECEIVED", "ITEM_RECEIVED", "LINE_INSPECTED", "INSPECTED", "DECIDED", "RESOLVED", "CLOSED");
        assertThat(lines(closed).get(0)).containsEntry("grade", "A").containsEntry("disposition", "RESTOCK")
                .containsEntry("refundDecision", "FULL").containsEntry("locationType", "SELLABLE");
        assertThat(driver.stock(tshirt)).containsEntry("SELLABLE", 1).doesNotContainKey("QUARANTINE");
        assertThat(driver.entries(returnId)).containsExactlyInAnyOrder(
                "RETURN_RECEIPT: Dr 1310 640, Cr 5000 640",
                "RESTOCK: Dr 1300 640, Cr 1310 640",
                "REFUND_APPROVED: Dr 4100 1990, Cr 2100 1990",
                "REFUND_PAID: Dr 2100 1990, Cr 1000 1990");
        assertThat(refund(closed)).containsEntry("decision", "FULL").containsEntry("amountMinor", 1990)
                .containsEntry("status", "RELEASED");
        assertThat(driver.api.getList("support1", "/api/refunds?returnId=" + returnId).getBody()).singleElement()
                .satisfies(listed -> assertThat(listed.get("creditNote").toString()).contains("amountMinor=1990"));
        assertThat(closed.get("notifications").toString()).contains("RETURN_AUTHORIZED", "RETURN_CLOSED");
        assertThat(driver.api.getList("warehouse1", "/api/warehouses/" + driver.warehouse + "/expected-inbound")
                .getBody()).isEmpty();
    }

    @Test
    void itemDamagedByTheCustomerIsScrappedWithAWriteDownAndNoRefund() {
        String jeans = driver.product("JEANS", "jeans", "28.50", "79.00", false, false);
        String orderId = driver.order("STANDARD", sold(1, jeans, 1, "79.00"));
        Map<String, Object> requested = driver.returnedAndScanned(orderId, returning(1, 1, "CHANGED_MIND", "USED"),
                item(jeans, null, 1));
        String returnId = (String) requested.get("returnId");
        driver.completed("quality2", driver.awaitTask("quality", returnId, "InspectReturn"),
                inspection("E", true, true));

        Map<String, Object> closed = driver.awaitStatus(returnId, "CLOSED");
        assertThat(lines(closed).get(0)).containsEntry("disposition", "SCRAP").containsEntry("refundDecision", "NONE")
                .containsEntry("locationType", "SCRAPPED");
        assertThat(driver.stock(jeans)).isEmpty();
        assertThat(driver.entries(returnId)).containsExactlyInAnyOrder(
                "RETURN_RECEIPT: Dr 1310 2850, Cr 5000 2850",
                "SCRAP: Dr 5100 2850, Cr 1310 2850");
        assertThat(refund(closed)).containsEntry("decision", "NONE").containsEntry("amountMinor", 0)
                .containsEntry("status", "RELEASED");
    }

    @Test
    void wornApparelIsLiquidatedAtNetRealisableValueAndRefundedLessADamageDeduction() {
        String jeans = driver.product("JEANS", "jeans", "28.50", "79.00", false, false);
        String orderId = driver.order("STANDARD", sold(1, jeans, 1, "79.00"));
        Map<String, Object> requested = driver.returnedAndScanned(orderId, returning(1, 1, "SIZE_TOO_LARGE", "OPENED"),
                item(jeans, null, 1));
        String returnId = (String) requested.get("returnId");
        driver.completed("quality1", driver.awaitTask("quality", returnId, "InspectReturn"),
                inspection("C", true, true));

        Map<String, Object> closed = driver.awaitStatus(returnId, "CLOSED");
        assertThat(lines(closed).get(0)).containsEntry("disposition", "LIQUIDATE")
                .containsEntry("refundDecision", "PARTIAL");
        assertThat(driver.stock(jeans)).containsEntry("LIQUIDATION", 1);
        // 30 % of the cost is expected from the liquidator, the rest written down; 20 % of 79.00 is kept (a damage
        // deduction reduces the sales return, unlike a restocking fee, which is income).
        assertThat(driver.entries(returnId)).containsExactlyInAnyOrder(
                "RETURN_RECEIPT: Dr 1310 2850, Cr 5000 2850",
                "LIQUIDATE: Dr 1330 855, Dr 5100 1995, Cr 1310 2850",
                "REFUND_APPROVED: Dr 4100 6320, Cr 2100 6320",
                "REFUND_PAID: Dr 2100 6320, Cr 1000 6320");
        assertThat(refund(closed)).containsEntry("decision", "PARTIAL").containsEntry("amountMinor", 6320);
    }

    @Test
    void wrongItemShippedIsRestockedAndTheRightItemIsSentAsAReplacementAfterApproval() {
        String ordered = driver.product("JEANS32", "jeans", "28.50", "79.00", false, false);
        String shipped = driver.product("JEANS34", "jeans", "28.50", "79.00", false, false);
        driver.stock(ordered, 2);
        String orderId = driver.order("STANDARD", sold(1, ordered, 1, "79.00"));
        Map<String, Object> requested = driver.returnedAndScanned(orderId, returning(1, 1, "WRONG_ITEM", "UNOPENED"),
                item(shipped, null, 1));
        String returnId = (String) requested.get("returnId");
        driver.completed("quality1", driver.awaitTask("quality", returnId, "InspectReturn"),
                inspection("A", false, true));

        Map<String, Object> approval = driver.awaitTask("finance", returnId, "ApproveReturn");
        assertThat(driver.details(returnId)).containsEntry("status", "AWAITING_APPROVAL");
        driver.completed("finance1", approval, Map.of("approved", true, "comment", "Our picking error"));

        Map<String, Object> closed = driver.awaitStatus(returnId, "CLOSED");
        assertThat(lines(closed).get(0)).containsEntry("receivedSku", shipped).containsEntry("disposition", "RESTOCK")
                .containsEntry("refundDecision", "REPLACEMENT");
        assertThat(driver.stock(shipped)).containsEntry("SELLABLE", 1);
        assertThat(driver.stock(ordered)).containsEntry("SELLABLE", 1);
        assertThat(driver.entries(returnId)).containsExactlyInAnyOrder(
                "RETURN_RECEIPT: Dr 1310 2850, Cr 5000 2850",
                "RESTOCK: Dr 1300 2850, Cr 1310 2850",
                "REPLACEMENT_SHIPMENT: Dr 5200 2850, Cr 1300 2850");
        assertThat(refund(closed)).containsEntry("decision", "REPLACEMENT").containsEntry("amountMinor", 0)
                .containsEntry("status", "RELEASED");
    }

    @Test
    void supplierDefectiveItemGoesBackToTheSupplierWithAClaimAndTheCustomerIsRefundedInFull() {
        String jacket = driver.product("JACKET", "jackets", "42.00", "119.00", false, false);
        String orderId = driver.order("STANDARD", sold(1, jacket, 1, "119.00"));
        Map<String, Object> requested = driver.returnedAndScanned(orderId, returning(1, 1, "DEFECTIVE", "OPENED"),
                item(jacket, null, 1));
        String returnId = (String) requested.get("returnId");
        driver.completed("quality1", driver.awaitTask("quality", returnId, "InspectReturn"),
                inspection("D", true, true));

        Map<String, Object> closed = driver.awaitStatus(returnId, "CLOSED");
        assertThat(lines(closed).get(0)).containsEntry("disposition", "VENDOR_RETURN")
                .containsEntry("refundDecision", "FULL");
        assertThat(driver.stock(jacket)).containsEntry("VENDOR_RETURN", 1);
        assertThat(driver.entries(returnId)).containsExactlyInAnyOrder(
                "RETURN_RECEIPT: Dr 1310 4200, Cr 5000 4200",
                "VENDOR_RETURN: Dr 1400 4200, Cr 1310 4200",
                "REFUND_APPROVED: Dr 4100 11900, Cr 2100 11900",
                "REFUND_PAID: Dr 2100 11900, Cr 1000 11900");
        assertThat(driver.api.getList("finance1", "/api/supplier-claims?status=OPEN").getBody())
                .anySatisfy(claim -> assertThat(claim).containsEntry("returnId", returnId)
                        .containsEntry("amountMinor", 4200));
        assertThat(refund(closed)).containsEntry("amountMinor", 11900).containsEntry("status", "RELEASED");
    }

    @Test
    void highValueSerializedItemIsHeldWithoutMoneyUntilAnotherPersonApproves() {
        String watch = driver.product("WATCH", "smartwatches", "412.00", "649.00", true, false);
        String orderId = driver.order("STANDARD", sold(1, watch, 1, "649.00", "SN-1001"));
        Map<String, Object> requested = driver.returnedAndScanned(orderId, returning(1, 1, "CHANGED_MIND", "OPENED"),
                item(watch, "SN-1001", 1));
        String returnId = (String) requested.get("returnId");
        driver.completed("admin", driver.awaitTask("quality", returnId, "InspectReturn"),
                serializedInspection("A", "SN-1001", true));

        Map<String, Object> approval = driver.awaitTask("finance", returnId, "ApproveReturn");
        Map<String, Object> waiting = driver.details(returnId);
        assertThat(waiting).containsEntry("status", "AWAITING_APPROVAL");
        assertThat(waiting.get("refund")).as("no refund before approval").isNull();
        assertThat(driver.stock(watch)).containsEntry("QUARANTINE", 1);

        ResponseEntity<Map<String, Object>> ownApproval = driver.complete("admin", approval,
                Map.of("approved", true, "comment", "Looks fine"));
        assertThat(ownApproval.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) ownApproval.getBody().get("detail")).contains("four eyes");
        // The runtime's own Tasklist completes as the logged-in user: the same listener refuses it there.
        assertThatThrownBy(() -> driver.probe.completeInTasklist((String) approval.get("id"), "admin",
                List.of("finance", "quality"), Map.of("approved", true, "comment", "From Tasklist")))
                .hasStackTraceContaining("four eyes are required");
        assertThat(driver.details(returnId)).containsEntry("status", "AWAITING_APPROVAL");

        driver.completed("finance1", approval, Map.of("approved", true, "comment", "Serial verified"));
        Map<String, Object> closed = driver.awaitStatus(returnId, "CLOSED");
        assertThat(timelineTypes(closed)).containsSubsequence("LINE_INSPECTED", "DECIDED", "APPROVED", "RESOLVED",
                "CLOSED");
        assertThat(driver.stock(watch)).containsEntry("SELLABLE", 1);
        assertThat(driver.entries(returnId)).containsExactlyInAnyOrder(
                "RETURN_RECEIPT: Dr 1310 41200, Cr 5000 41200",
                "RESTOCK: Dr 1300 41200, Cr 1310 41200",
                "REFUND_APPROVED: Dr 4100 64900, Cr 2100 64900",
                "REFUND_PAID: Dr 2100 64900, Cr 1000 64900");
        assertThat(refund(closed)).containsEntry("amountMinor", 64900).containsEntry("status", "RELEASED");
    }
}
