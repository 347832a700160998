package org.openreturns.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.system.ApiAuthorization.ADMIN;
import static org.openreturns.system.ApiAuthorization.FINANCE;
import static org.openreturns.system.ApiAuthorization.INVENTORY_CONTROL;
import static org.openreturns.system.ApiAuthorization.MANAGER;
import static org.openreturns.system.ApiAuthorization.SUPPORT;
import static org.openreturns.system.ApiAuthorization.WAREHOUSE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openreturns.process.WorkGroups;
import org.springframework.http.HttpMethod;

/**
 * The rules of docs/specification (who does what) hold in the matrix, and docs/authorization.md shows the matrix as
 * it is in the code.
 */
class ApiAuthorizationTest {

    private static final HttpMethod GET = HttpMethod.GET;
    private static final HttpMethod POST = HttpMethod.POST;

    @Test
    void theColumnsAreTheDomainGroups() {
        assertThat(ApiAuthorization.GROUPS).containsExactlyInAnyOrderElementsOf(WorkGroups.DOMAIN_GROUPS);
    }

    @Test
    void onlyAdminChangesMasterDataAndPrices() {
        for (String path : Set.of("/api/products", "/api/suppliers", "/api/warehouses", "/api/channels")) {
            assertThat(groups(POST, path)).as("POST %s", path).containsExactly(ADMIN);
        }
    }

    @Test
    void theWarehouseReceivesAndCounts() {
        assertThat(groups(POST, "/api/receipts")).containsExactlyInAnyOrder(WAREHOUSE, ADMIN);
        assertThat(groups(POST, "/api/returns/RMA-2026-000001/parcel-events")).contains(WAREHOUSE);
        assertThat(groups(POST, "/api/stock-counts")).contains(WAREHOUSE);
    }

    @Test
    void financeReadsTheJournalAndApprovesRefundExceptions() {
        assertThat(groups(GET, "/api/accounting/entries")).containsExactlyInAnyOrder(FINANCE, MANAGER, ADMIN);
        assertThat(groups(POST, "/api/refunds/exceptions/7/approve")).contains(FINANCE).doesNotContain(SUPPORT);
        assertThat(groups(GET, "/api/refunds/settlement-file")).containsExactlyInAnyOrder(FINANCE, ADMIN);
    }

    @Test
    void onlyAdminErasesACustomersPersonalData() {
        assertThat(groups(POST, "/api/customers/C-1/erasure")).containsExactly(ADMIN);
        assertThat(groups(POST, "/api/customers/erasure")).containsExactly(ADMIN);
    }

    @Test
    void supportCreatesReturns() {
        assertThat(groups(POST, "/api/returns")).containsExactlyInAnyOrder(SUPPORT, ADMIN);
    }

    @Test
    void inventoryControlHandlesReconciliationBreaks() {
        assertThat(groups(GET, "/api/reconciliation/breaks")).contains(INVENTORY_CONTROL);
        assertThat(groups(POST, "/api/reconciliation/runs")).contains(INVENTORY_CONTROL);
        assertThat(groups(POST, "/api/channel-stock")).containsExactlyInAnyOrder(INVENTORY_CONTROL, ADMIN);
    }

    @Test
    void managersReadEverythingAndAdminMayCallEverything() {
        assertThat(ApiAuthorization.RULES).filteredOn(rule -> !rule.signedByChannel())
                .allSatisfy(rule -> assertThat(rule.groups()).contains(ADMIN));
        assertThat(ApiAuthorization.RULES.stream().filter(rule -> rule.method() == GET))
                // The settlement file without a batch number marks payouts as exported: a finance step.
                .filteredOn(rule -> !rule.pathPattern().equals("/api/refunds/settlement-file"))
                .allSatisfy(rule -> assertThat(rule.groups()).as(rule.pathPattern()).contains(MANAGER));
    }

    @Test
    void aChannelsWebhooksTakeNoLoginAndNoGroupMayCallThem() {
        ApiAuthorization.Rule webhooks = ApiAuthorization.ruleFor(POST, "/api/channels/WEB/webhooks").orElseThrow();

        assertThat(webhooks.signedByChannel()).isTrue();
        assertThat(webhooks.groups()).isEmpty();
        assertThat(ApiAuthorization.signedByChannel()).containsExactly(webhooks);
        assertThat(groups(POST, "/api/channels/MARKETPLACE_A/settlements")).containsExactlyInAnyOrder(FINANCE, ADMIN);
    }

    @Test
    void aLiteralPathIsDecidedByItsOwnRowNotByThePatternAfterIt() {
        assertThat(groups(GET, "/api/returns/sla-escalations")).containsExactlyInAnyOrder(MANAGER, ADMIN);
        assertThat(groups(GET, "/api/returns/RMA-2026-000001")).contains(SUPPORT, WAREHOUSE);
    }

    @Test
    void anUnknownEndpointHasNoRow() {
        assertThat(ApiAuthorization.ruleFor(GET, "/api/price-lists")).isEmpty();
        assertThat(ApiAuthorization.ruleFor(HttpMethod.DELETE, "/api/products/TSHIRT-BLK-M")).isEmpty();
    }

    @Test
    void theDocumentationShowsTheMatrixOfTheCode() throws IOException {
        String documentation = Files.readString(Path.of("docs/authorization.md"));

        assertThat(documentation).as("docs/authorization.md holds this table").contains(markdownTable());
    }

    /** The matrix as the Markdown table of docs/authorization.md. */
    static String markdownTable() {
        StringBuilder table = new StringBuilder("| endpoint | " + String.join(" | ", ApiAuthorization.GROUPS)
                + " |\n|---|" + "---|".repeat(ApiAuthorization.GROUPS.size()) + "\n");
        for (ApiAuthorization.Rule rule : ApiAuthorization.RULES) {
            table.append("| `").append(rule.method()).append(' ').append(rule.pathPattern()).append('`')
                    .append(rule.signedByChannel() ? " (no login: signed by the channel)" : "").append(" |");
            for (String group : ApiAuthorization.GROUPS) {
                table.append(rule.allows(group) ? " ✓ |" : " |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    private static Set<String> groups(HttpMethod method, String path) {
        return ApiAuthorization.ruleFor(method, path).orElseThrow().groups().stream().collect(Collectors.toSet());
    }
}
