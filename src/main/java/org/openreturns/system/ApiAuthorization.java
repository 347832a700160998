package org.openreturns.system;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what in the HTTP API: one row per endpoint, naming the groups that may call it. {@link
 * SecurityConfiguration} enforces exactly this table on {@code /api/**} and refuses every request no row matches, so a
 * new endpoint is refused until it gets its row here. docs/authorization.md shows the same table, and
 * {@code ApiAuthorizationMatrixTest} calls every endpoint as every group.
 *
 * <p>The first row whose method and path pattern match a request decides, so a literal path
 * ({@code /api/returns/sla-escalations}) comes before the pattern that would also match it
 * ({@code /api/returns/{returnId}}). {@code admin} (operations) may call everything that takes a login.
 *
 * <p>A row {@link #signedByChannel signed by the channel} takes no login at all: a sales channel's system calls it,
 * and the signature of each request with the channel's secret is its authentication (checked by the endpoint itself,
 * docs/channels.md). No group may call it with a password; {@link SecurityConfiguration} lets it past HTTP basic.
 */
public final class ApiAuthorization {

    // The groups of process.WorkGroups, named again here because the process ring depends on this one, not the other
    // way round; ApiAuthorizationTest holds the two lists equal.
    public static final String SUPPORT = "support";
    public static final String WAREHOUSE = "warehouse";
    public static final String QUALITY = "quality";
    public static final String FINANCE = "finance";
    public static final String MANAGER = "manager";
    public static final String INVENTORY_CONTROL = "inventory-control";
    public static final String ADMIN = "admin";

    /** The groups in the order of the table's columns. */
    public static final List<String> GROUPS =
            List.of(SUPPORT, WAREHOUSE, QUALITY, FINANCE, MANAGER, INVENTORY_CONTROL, ADMIN);

    private static final String[] EVERYONE = {SUPPORT, WAREHOUSE, QUALITY, FINANCE, MANAGER, INVENTORY_CONTROL};
    private static final HttpMethod GET = HttpMethod.GET;
    private static final HttpMethod POST = HttpMethod.POST;

    /**
     * The matrix. Managers read everything their teams read and write only where they decide: refund exceptions,
     * reconciliation runs and their tasks; they do not change master data, record goods or create returns.
     */
    public static final List<Rule> RULES = List.of(
            // Master data: everyone reads it; only admin changes it, because prices and costs move stock value.
            allow(GET, "/api/products", EVERYONE),
            allow(GET, "/api/products/{sku}", EVERYONE),
            allow(POST, "/api/products"),
            allow(GET, "/api/suppliers", EVERYONE),
            allow(POST, "/api/suppliers"),
            allow(GET, "/api/warehouses", EVERYONE),
            allow(GET, "/api/warehouses/{code}", EVERYONE),
            allow(POST, "/api/warehouses"),
            allow(GET, "/api/channels", EVERYONE),
            allow(POST, "/api/channels"),
            // Whether the channels are told the stock available to sell: those who answer for stock, and managers.
            allow(GET, "/api/channels/{code}/availability-outbox", MANAGER, INVENTORY_CONTROL),
            // The web store's webhooks: signed with the channel's webhook secret, no login.
            signedByChannel(POST, "/api/channels/{code}/webhooks"),
            // A marketplace's settlement report moves money in the journal: finance imports it.
            allow(POST, "/api/channels/{code}/settlements", FINANCE),
            // A marketplace's reports: its orders and shipments move stock, so inventory control imports them; its
            // returns are customer returns, which support creates too.
            allow(POST, "/api/channels/{code}/order-reports", INVENTORY_CONTROL),
            allow(POST, "/api/channels/{code}/return-reports", SUPPORT, INVENTORY_CONTROL),
            // Orders come from the shop's feed; support keys in one the feed missed. Customers' personal data is
            // for those who talk to them or pay them.
            allow(POST, "/api/orders", SUPPORT),
            // Shipments come from the warehouse, or from a channel's fulfilment events through the shop's feed.
            allow(GET, "/api/orders/{orderId}", SUPPORT, WAREHOUSE, FINANCE, MANAGER, INVENTORY_CONTROL),
            allow(POST, "/api/orders/{orderId}/shipments", SUPPORT, WAREHOUSE),
            allow(POST, "/api/orders/{orderId}/cancellations", SUPPORT),
            allow(GET, "/api/customers/{id}", SUPPORT, FINANCE, MANAGER),
            // Erasing a customer's personal data cannot be undone: operations do it when support passes on the request.
            allow(POST, "/api/customers/erasure"),
            allow(POST, "/api/customers/{customerId}/erasure"),
            // Returns: support creates them, everyone who works on one reads it, the warehouse receives parcels.
            allow(GET, "/api/returns/sla-escalations", MANAGER),
            allow(POST, "/api/returns", SUPPORT),
            allow(GET, "/api/returns", EVERYONE),
            allow(GET, "/api/returns/{returnId}", EVERYONE),
            allow(POST, "/api/returns/{returnId}/parcel-events", WAREHOUSE),
            allow(GET, "/api/warehouses/{warehouse}/expected-inbound", WAREHOUSE, MANAGER),
            allow(POST, "/api/receipts", WAREHOUSE),
            // Tasks: every work group has some; the task itself then says whose it is (candidate groups, four eyes).
            allow(GET, "/api/tasks", EVERYONE),
            allow(POST, "/api/tasks/{taskId}/complete", EVERYONE),
            allow(GET, "/api/models", MANAGER),
            // AI assistance: staff ask the reason classifier; a manager decides when it learns from their labels.
            allow(POST, "/api/ai/classify", EVERYONE),
            allow(GET, "/api/ai/models", EVERYONE),
            allow(POST, "/api/ai/models/reason/retrain", MANAGER),
            allow(GET, "/api/insights/products", QUALITY, MANAGER),
            allow(GET, "/api/forecast/returns", WAREHOUSE, MANAGER),
            allow(GET, "/api/forecast/staffing", WAREHOUSE, MANAGER),
            // Money: finance reads the journal and approves refund exceptions; support asks for them.
            allow(GET, "/api/refunds", SUPPORT, FINANCE, MANAGER),
            // Without a batch number the file marks the payouts exported: a finance step, not a read.
            allow(GET, "/api/refunds/settlement-file", FINANCE),
            allow(GET, "/api/refunds/exceptions", SUPPORT, FINANCE, MANAGER),
            allow(POST, "/api/refunds/exceptions", SUPPORT, FINANCE, MANAGER),
            allow(POST, "/api/refunds/exceptions/{exceptionId}/approve", FINANCE, MANAGER),
            allow(GET, "/api/accounting/entries", FINANCE, MANAGER),
            allow(GET, "/api/supplier-claims", WAREHOUSE, FINANCE, MANAGER),
            allow(POST, "/api/supplier-claims/{claimId}/ship", WAREHOUSE),
            // Stock: the warehouse counts, inventory control reconciles and handles the breaks.
            allow(GET, "/api/inventory/{sku}", EVERYONE),
            allow(GET, "/api/refurbishments", WAREHOUSE, QUALITY, INVENTORY_CONTROL, MANAGER),
            allow(POST, "/api/refurbishments/{jobId}/complete", WAREHOUSE, QUALITY),
            allow(GET, "/api/replacements", SUPPORT, WAREHOUSE, MANAGER),
            allow(POST, "/api/stock-counts", WAREHOUSE, INVENTORY_CONTROL),
            // Supplier deliveries are counted in by the warehouse that unloads them.
            allow(POST, "/api/purchase-receipts", WAREHOUSE),
            // Purchasing orders and closes what a supplier will not deliver; the warehouse sees what is due to arrive,
            // finance what will be invoiced.
            allow(POST, "/api/purchase-orders", INVENTORY_CONTROL, MANAGER),
            allow(GET, "/api/purchase-orders", WAREHOUSE, FINANCE, MANAGER, INVENTORY_CONTROL),
            allow(GET, "/api/purchase-orders/{id}", WAREHOUSE, FINANCE, MANAGER, INVENTORY_CONTROL),
            allow(POST, "/api/purchase-orders/{id}/close", INVENTORY_CONTROL, MANAGER),
            // Opening balances move stock value into the books: inventory control, who also reconciles them.
            allow(POST, "/api/opening-balances", INVENTORY_CONTROL),
            // Transfers between warehouses: the warehouse sends and receives; inventory control rebalances stock.
            allow(POST, "/api/transfers", WAREHOUSE, INVENTORY_CONTROL),
            allow(POST, "/api/transfers/{transferId}/receipt", WAREHOUSE),
            allow(POST, "/api/channel-stock", INVENTORY_CONTROL),
            // Channel messages that could not be taken: orders and stock for inventory control, settlements for finance.
            allow(GET, "/api/dead-letters", SUPPORT, FINANCE, MANAGER, INVENTORY_CONTROL),
            allow(GET, "/api/dead-letters/{id}", SUPPORT, FINANCE, MANAGER, INVENTORY_CONTROL),
            allow(POST, "/api/dead-letters/{id}/replay", FINANCE, INVENTORY_CONTROL),
            allow(POST, "/api/dead-letters/{id}/discard", FINANCE, INVENTORY_CONTROL),
            allow(POST, "/api/reconciliation/runs", INVENTORY_CONTROL, FINANCE, MANAGER),
            allow(GET, "/api/reconciliation/breaks", INVENTORY_CONTROL, FINANCE, MANAGER),
            allow(GET, "/api/reconciliation/breaks/{breakId}", INVENTORY_CONTROL, FINANCE, MANAGER),
            // Operations: a consistent copy of the embedded database.
            allow(POST, "/api/backups"));

    private ApiAuthorization() {
    }

    /** The row that decides a request with this method and path (the first that matches), if any. */
    public static Optional<Rule> ruleFor(HttpMethod method, String path) {
        PathContainer requestPath = PathContainer.parsePath(path);
        return RULES.stream().filter(rule -> rule.method().equals(method) && rule.pattern().matches(requestPath))
                .findFirst();
    }

    private static Rule allow(HttpMethod method, String pathPattern, String... groups) {
        Set<String> allowed = new LinkedHashSet<>(List.of(groups));
        allowed.add(ADMIN);
        return new Rule(method, pathPattern, Set.copyOf(allowed), false);
    }

    /** An endpoint a channel calls, authenticated by the request's signature instead of a login; no group's. */
    private static Rule signedByChannel(HttpMethod method, String pathPattern) {
        return new Rule(method, pathPattern, Set.of(), true);
    }

    /** The rows that take no login, for the security filter to let past HTTP basic. */
    public static List<Rule> signedByChannel() {
        return RULES.stream().filter(Rule::signedByChannel).toList();
    }

    /**
     * One row of the matrix: requests with this method whose path matches the pattern are for these groups, or, when
     * {@code signedByChannel}, for the channel that signs them (and for no group).
     */
    public record Rule(HttpMethod method, String pathPattern, Set<String> groups, boolean signedByChannel) {

        public boolean allows(String group) {
            return groups.contains(group);
        }

        /** The groups in the order of the table's columns. */
        public List<String> groupsInOrder() {
            List<String> ordered = new ArrayList<>(GROUPS);
            ordered.retainAll(groups);
            return ordered;
        }

        RequestMatcher requestMatcher() {
            return PathPatternRequestMatcher.withDefaults().matcher(method, pathPattern);
        }

        private PathPattern pattern() {
            return PathPatternParser.defaultInstance.parse(pathPattern);
        }
    }
}
