package org.openreturns.orders;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.openreturns.catalog.CatalogService;
import org.openreturns.inventory.StockLedger;
import org.openreturns.system.ConflictException;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.Money;
import org.openreturns.system.NotFoundException;
import org.openreturns.system.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes in sales orders from the channels with their customers, and answers which order a return refers to. */
@Service
public class OrderService {

    private final OrderRepository orders;
    private final CatalogService catalog;
    private final StockLedger ledger;
    private final Clock clock;

    OrderService(OrderRepository orders, CatalogService catalog, StockLedger ledger, Clock clock) {
        this.orders = orders;
        this.catalog = catalog;
        this.ledger = ledger;
        this.clock = clock;
    }

    public record Ingested(SalesOrder order, boolean created) {
    }

    /**
     * Stores an order once per channel and order id. Sending the same order again changes nothing, except that a
     * delivery date the first message did not have yet is recorded; a resend that contradicts the stored order
     * is refused rather than silently ignored.
     */
    @Transactional
    public Ingested ingest(OrderIngestion order, String ingestedBy) {
        List<FieldProblem> problems = check(order, catalog.channelCodes());
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
        Optional<SalesOrder> existing = orders.find(order.channel(), order.id());
        if (existing.isPresent()) {
            return new Ingested(replay(existing.get(), order), false);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        orders.upsertCustomer(order.customer(), now);
        Currency currency = Currency.getInstance(order.currency());
        // An order not yet delivered reserves its units: the channels learn the lower figure with it.
        long orderId = ledger.changingAvailability(order.deliveredAt() == null
                ? order.lines().stream().map(OrderIngestion.Line::sku).toList() : List.of(), () -> {
            long stored = orders.insertOrder(order, now, ingestedBy);
            for (OrderIngestion.Line line : order.lines()) {
                orders.insertLine(stored, line.lineNo(), line.sku(), line.quantity(),
                        Money.toMinorUnits(line.unitPrice(), currency), line.serialsOrEmpty());
            }
            return stored;
        });
        return new Ingested(orders.findById(orderId).orElseThrow(), true);
    }

    /** The order a return names by its order id; {@code channel} picks one when two channels use the same id. */
    public SalesOrder orderForReturn(String orderNumber, String channel, boolean lockForUpdate) {
        return order(orderNumber, channel, lockForUpdate);
    }

    /**
     * The order of this channel's order id; {@code channel} may be left out unless two channels use the same id
     * (422 on field {@code channel} then, 404 on {@code orderId} when there is none).
     */
    public SalesOrder order(String orderNumber, String channel, boolean lockForUpdate) {
        List<SalesOrder> candidates = orders.findByNumber(orderNumber, lockForUpdate).stream()
                .filter(order -> channel == null || order.channel().equals(channel)).toList();
        if (candidates.isEmpty()) {
            throw new NotFoundException("orderId", "No order " + orderNumber
                    + (channel == null ? "" : " in channel " + channel) + " is known");
        }
        if (candidates.size() > 1) {
            throw new RuleViolationException("channel", "order " + orderNumber + " exists in several channels "
                    + candidates.stream().map(SalesOrder::channel).toList() + "; name the channel");
        }
        return candidates.get(0);
    }

    /** What was shipped and cancelled of each line of the order; lines without either are missing. */
    @Transactional(readOnly = true)
    public Map<Integer, LineFulfilment> fulfilment(long orderId) {
        return orders.fulfilment(orderId);
    }

    public Optional<SalesOrder> findById(long orderId) {
        return orders.findById(orderId);
    }

    @Transactional(readOnly = true)
    Customer customer(String customerId) {
        return orders.findCustomer(customerId)
                .orElseThrow(() -> new NotFoundException("id", "No customer " + customerId + " is known"));
    }

    private SalesOrder replay(SalesOrder stored, OrderIngestion resent) {
        List<String> differences = new ArrayList<>();
        if (!stored.customerId().equals(resent.customer().id())) {
            differences.add("customer.id");
        }
        if (!stored.currency().equals(resent.currency())) {
            differences.add("currency");
        }
        if (!sameLines(stored, resent)) {
            differences.add("lines");
        }
        // PostgreSQL rounds to microseconds: a resend with finer timestamps is the same order.
        if (stored.deliveredAt() != null && resent.deliveredAt() != null
                && !stored.deliveredAt().isEqual(resent.deliveredAt().plusNanos(500).truncatedTo(ChronoUnit.MICROS))) {
            differences.add("deliveredAt");
        }
        if (!differences.isEmpty()) {
            throw new ConflictException("Order " + resent.id() + " of channel " + resent.channel()
                    + " was already received with other values for " + differences);
        }
        if (stored.deliveredAt() == null && resent.deliveredAt() != null) {
            orders.recordDelivery(stored.id(), resent.deliveredAt());
            return orders.findById(stored.id()).orElseThrow();
        }
        return stored;
    }

    private static boolean sameLines(SalesOrder stored, OrderIngestion resent) {
        if (stored.lines().size() != resent.lines().size()) {
            return false;
        }
        Currency currency = Currency.getInstance(resent.currency());
        return resent.lines().stream().allMatch(line -> stored.line(line.lineNo())
                .filter(s -> s.sku().equals(line.sku()) && s.quantity() == line.quantity()
                        && s.unitPriceMinor() == Money.toMinorUnits(line.unitPrice(), currency)
                        && Objects.equals(s.serials(), line.serialsOrEmpty()))
                .isPresent());
    }

    /** The rules of a new order; {@code channels}: the known channels' codes. */
    List<FieldProblem> check(OrderIngestion order, Set<String> channels) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!channels.contains(order.channel())) {
            problems.add(new FieldProblem("channel", "is not a known sales channel; known channels: "
                    + channels.stream().sorted().toList()));
        }
        Currency currency = Money.currency(order.currency()).orElse(null);
        if (currency == null) {
            problems.add(new FieldProblem("currency", "is not an ISO 4217 currency code"));
        }
        if (order.deliveredAt() != null && order.deliveredAt().isBefore(order.placedAt())) {
            problems.add(new FieldProblem("deliveredAt", "is before placedAt"));
        }
        Set<Integer> lineNumbers = new HashSet<>();
        for (int i = 0; i < order.lines().size(); i++) {
            OrderIngestion.Line line = order.lines().get(i);
            String field = "lines[" + i + "]";
            if (!lineNumbers.add(line.lineNo())) {
                problems.add(new FieldProblem(field + ".lineNo", "line " + line.lineNo() + " appears twice"));
            }
            if (currency != null && !Money.fitsMinorUnits(line.unitPrice(), currency)) {
                problems.add(new FieldProblem(field + ".unitPrice", "has more decimals than " + currency
                        + " allows (" + currency.getDefaultFractionDigits() + ")"));
            }
            List<String> serials = line.serialsOrEmpty();
            if (serials.size() > line.quantity()) {
                problems.add(new FieldProblem(field + ".serials", "lists " + serials.size()
                        + " serial numbers for a quantity of " + line.quantity()));
            }
            if (new HashSet<>(serials).size() != serials.size()) {
                problems.add(new FieldProblem(field + ".serials", "lists a serial number twice"));
            }
        }
        return problems;
    }
}
