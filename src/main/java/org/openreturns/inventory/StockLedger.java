package org.openreturns.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.openreturns.accounting.Journal;
import org.openreturns.accounting.JournalEntryDraft;
import org.openreturns.accounting.PostingRules;
import org.openreturns.accounting.StockMovement;
import org.openreturns.availability.AvailabilityOutbox;
import org.openreturns.catalog.LocationType;
import org.openreturns.inventory.StockLedgerRepository.Balance;
import org.openreturns.inventory.StockLedgerRepository.BalanceKey;
import org.openreturns.inventory.StockLedgerRepository.LocationInfo;
import org.openreturns.inventory.StockLedgerRepository.MoveRow;
import org.openreturns.inventory.StockLedgerRepository.ProductInfo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stock ledger: the only way stock changes. Each move is appended once (per idempotency key), the balances of
 * the places it leaves and reaches change in the same transaction, a serialized unit is always in exactly one
 * place, and the journal entry the move causes is posted with it.
 *
 * <p>Valuation is a moving average per SKU and location (docs/adr/0006-stock-valuation.md): a move takes the
 * average value of its source along; stock entering the books comes in at the cost given.
 */
@Service
public class StockLedger {

    private final StockLedgerRepository ledger;
    private final Journal journal;
    private final AvailabilityOutbox availability;
    private final Clock clock;
    /** Locations never change once created; new ones are read on first use. */
    private final Map<Long, LocationInfo> locations = new ConcurrentHashMap<>();

    StockLedger(StockLedgerRepository ledger, Journal journal, AvailabilityOutbox availability, Clock clock) {
        this.ledger = ledger;
        this.journal = journal;
        this.availability = availability;
        this.clock = clock;
    }

    /** The move recorded under the idempotency key, if any. */
    @Transactional(readOnly = true)
    public Optional<RecordedMove> recordedMove(String idempotencyKey) {
        return Optional.ofNullable(ledger.recorded(Set.of(idempotencyKey)).get(idempotencyKey));
    }

    @Transactional
    public RecordedMove record(StockMoveRequest request) {
        return record(List.of(request)).get(0);
    }

    /**
     * Records the moves in order, in one transaction: all of them or, when one is refused, none.
     *
     * @throws StockMoveException when a move needs more than its source holds, moves a serial that is elsewhere,
     *                            or names an unknown SKU or location
     */
    @Transactional
    public List<RecordedMove> record(List<StockMoveRequest> requests) {
        Map<String, RecordedMove> recorded = new LinkedHashMap<>(ledger.recorded(
                requests.stream().map(StockMoveRequest::idempotencyKey).collect(Collectors.toSet())));
        Map<String, StockMoveRequest> fresh = new LinkedHashMap<>();
        requests.stream().filter(request -> !recorded.containsKey(request.idempotencyKey()))
                .forEach(request -> fresh.putIfAbsent(request.idempotencyKey(), request));
        if (!fresh.isEmpty()) {
            recorded.putAll(recordFresh(List.copyOf(fresh.values())));
        }
        return requests.stream().map(request -> recorded.get(request.idempotencyKey())).toList();
    }

    /**
     * Why the ledger would refuse these moves, or empty when it would record them all. The balances and serials they
     * touch are locked until the caller's transaction ends, so moves recorded in that same transaction afterwards are
     * not refused for a reason that appeared in between. Moves recorded already (by their keys) are not checked
     * again. A step uses this to turn a conflict in the books into a business path instead of a failed transaction.
     */
    @Transactional
    public Optional<String> refusal(List<StockMoveRequest> requests) {
        List<StockMoveRequest> fresh = notRecorded(requests);
        while (!fresh.isEmpty()) {
            try {
                plan(fresh);
                return Optional.empty();
            } catch (StockMoveException refused) {
                // Another delivery of the same step may have recorded some of these moves while this one waited for
                // their locks: what looks like a conflict is then the moves made already. Check the rest again.
                List<StockMoveRequest> stillFresh = notRecorded(fresh);
                if (stillFresh.size() == fresh.size()) {
                    return Optional.of(refused.getMessage());
                }
                fresh = stillFresh;
            }
        }
        return Optional.empty();
    }

    /** The moves whose keys are not recorded yet, each key once. */
    private List<StockMoveRequest> notRecorded(List<StockMoveRequest> requests) {
        Set<String> recorded = ledger.recorded(requests.stream().map(StockMoveRequest::idempotencyKey)
                .collect(Collectors.toSet())).keySet();
        Map<String, StockMoveRequest> fresh = new LinkedHashMap<>();
        requests.stream().filter(request -> !recorded.contains(request.idempotencyKey()))
                .forEach(request -> fresh.putIfAbsent(request.idempotencyKey(), request));
        return List.copyOf(fresh.values());
    }

    /**
     * The moves checked and applied to the locked balances and serial places, not yet written; and the SKUs whose
     * new available-to-sell goes to the channels (empty when no channel takes figures).
     */
    private record Plan(List<MoveRow> rows, Map<BalanceKey, Balance> balances, Set<String> skusToPublish) {
    }

    private Plan plan(List<StockMoveRequest> requests) {
        Map<String, ProductInfo> products = ledger.products(
                requests.stream().map(StockMoveRequest::sku).collect(Collectors.toSet()));
        for (StockMoveRequest request : requests) {
            check(request, products.get(request.sku()));
        }
        Set<String> sellableChanged = skusWithSellableChange(requests);
        Set<String> skusToPublish = availability.lockSkus(sellableChanged) ? sellableChanged : Set.of();
        Map<BalanceKey, Balance> balances = ledger.lockBalances(balanceKeys(requests, true),
                balanceKeys(requests, false));
        Map<String, Map<String, Long>> serialPlaces = lockSerials(requests, products);

        OffsetDateTime now = OffsetDateTime.now(clock);
        List<MoveRow> rows = new ArrayList<>();
        for (StockMoveRequest request : requests) {
            long value = takeFromSource(request, balances);
            long writeDown = writeDown(request, value);
            LocationInfo to = location(request.toLocationId());
            if (to != null && !to.type().isVirtual()) {
                Balance destination = balances.get(new BalanceKey(request.sku(), to.id()));
                destination.quantity += request.quantity();
                destination.valueMinor += value - writeDown;
            }
            if (request.serial() != null) {
                moveSerial(request, serialPlaces.get(request.sku()));
            }
            rows.add(new MoveRow(request, products.get(request.sku()).currency(), value, writeDown, now));
        }
        return new Plan(rows, balances, skusToPublish);
    }

    private Map<String, RecordedMove> recordFresh(List<StockMoveRequest> requests) {
        Plan plan = plan(requests);
        List<MoveRow> rows = plan.rows();
        Map<BalanceKey, Balance> balances = plan.balances();
        Map<String, Long> ids = ledger.insertMoves(rows);
        ledger.writeBalances(balances);
        Map<String, RecordedMove> recorded = new LinkedHashMap<>();
        Map<String, List<JournalEntryDraft>> entriesByPoster = new LinkedHashMap<>();
        for (MoveRow row : rows) {
            StockMoveRequest request = row.request();
            long moveId = ids.get(request.idempotencyKey());
            if (request.serial() != null) {
                ledger.placeSerial(request.sku(), request.serial(), placeOnBooks(request.toLocationId()), moveId);
            }
            PostingRules.forStockMove(movement(moveId, row)).ifPresent(entry -> entriesByPoster
                    .computeIfAbsent(request.movedBy(), poster -> new ArrayList<>()).add(entry));
            recorded.put(request.idempotencyKey(),
                    new RecordedMove(moveId, request.idempotencyKey(), row.valueMinor(), row.writeDownMinor(), true));
        }
        entriesByPoster.forEach((poster, entries) -> journal.post(entries, poster));
        availability.publish(plan.skusToPublish(), ledger::availableToSell);
        return recorded;
    }

    /** The SKUs whose sellable stock the moves change: their available-to-sell goes to the channels. */
    private Set<String> skusWithSellableChange(List<StockMoveRequest> requests) {
        Set<String> skus = new HashSet<>();
        for (StockMoveRequest request : requests) {
            if (isSellable(request.fromLocationId()) || isSellable(request.toLocationId())) {
                skus.add(request.sku());
            }
        }
        return skus;
    }

    private boolean isSellable(Long locationId) {
        LocationInfo location = location(locationId);
        return location != null && location.type() == LocationType.SELLABLE;
    }

    private void check(StockMoveRequest request, ProductInfo product) {
        if (product == null) {
            throw new StockMoveException("Unknown SKU " + request.sku());
        }
        if (request.quantity() <= 0) {
            throw new StockMoveException("A move needs a positive quantity, not " + request.quantity());
        }
        if (product.serialized() && (request.serial() == null || request.quantity() != 1)) {
            throw new StockMoveException(request.sku() + " is serialized: every unit moves on its own, with its serial");
        }
        if (!product.serialized() && request.serial() != null) {
            throw new StockMoveException(request.sku() + " is not serialized, but the move names serial "
                    + request.serial());
        }
        if (request.fromLocationId() == null && request.toLocationId() == null) {
            throw new StockMoveException("A move needs a source or a destination");
        }
        if (request.fromLocationId() != null && request.fromLocationId().equals(request.toLocationId())) {
            throw new StockMoveException("A move needs a destination other than its source");
        }
        location(request.fromLocationId());
        location(request.toLocationId());
    }

    /** Takes the units out of their source and answers the value they carry. */
    private long takeFromSource(StockMoveRequest request, Map<BalanceKey, Balance> balances) {
        LocationInfo from = location(request.fromLocationId());
        if (from == null || from.type().isVirtual()) {
            if (request.unitCostMinor() == null || request.unitCostMinor() < 0) {
                throw new StockMoveException("Stock of " + request.sku() + " entering the books needs its unit cost");
            }
            return request.unitCostMinor() * request.quantity();
        }
        // A place without a balance row has never held the SKU (see lockBalances).
        Balance source = balances.getOrDefault(new BalanceKey(request.sku(), from.id()), new Balance(0, 0));
        if (source.quantity < request.quantity()) {
            throw new StockMoveException("Not enough stock: " + request.sku() + " at " + from.warehouseCode() + " "
                    + from.type() + " holds " + source.quantity + ", the move needs " + request.quantity());
        }
        long value = source.quantity == request.quantity() ? source.valueMinor
                : BigDecimal.valueOf(source.valueMinor).multiply(BigDecimal.valueOf(request.quantity()))
                .divide(BigDecimal.valueOf(source.quantity), 0, RoundingMode.HALF_EVEN).longValueExact();
        source.quantity -= request.quantity();
        source.valueMinor -= value;
        return value;
    }

    private static long writeDown(StockMoveRequest request, long value) {
        if (request.valueAtDestinationMinor() == null) {
            return 0;
        }
        if (request.valueAtDestinationMinor() < 0 || request.valueAtDestinationMinor() > value) {
            throw new StockMoveException("The value at the destination must be between 0 and the value moved ("
                    + value + "), not " + request.valueAtDestinationMinor());
        }
        return value - request.valueAtDestinationMinor();
    }

    private void moveSerial(StockMoveRequest request, Map<String, Long> places) {
        Long current = places.get(request.serial());
        Long expected = placeOnBooks(request.fromLocationId());
        if (expected == null ? current != null : !expected.equals(current)) {
            throw new StockMoveException("Serial " + request.serial() + " of " + request.sku() + " is "
                    + describe(current, places.containsKey(request.serial())) + ", not where the move takes it from");
        }
        places.put(request.serial(), placeOnBooks(request.toLocationId()));
    }

    private String describe(Long locationId, boolean known) {
        if (locationId == null) {
            return known ? "off the books" : "unknown to the ledger";
        }
        LocationInfo location = location(locationId);
        return "at " + location.warehouseCode() + " " + location.type();
    }

    /** The place a unit is on the books, or null when the location is outside them or virtual. */
    private Long placeOnBooks(Long locationId) {
        LocationInfo location = location(locationId);
        return location == null || location.type().isVirtual() ? null : location.id();
    }

    /** The balances the moves change on the books: of their destinations only, or of their sources too. */
    private Set<BalanceKey> balanceKeys(List<StockMoveRequest> requests, boolean withSources) {
        Set<BalanceKey> keys = new HashSet<>();
        for (StockMoveRequest request : requests) {
            List<Long> places = withSources ? Arrays.asList(request.fromLocationId(), request.toLocationId())
                    : Collections.singletonList(request.toLocationId());
            for (Long locationId : places) {
                Long onBooks = placeOnBooks(locationId);
                if (onBooks != null) {
                    keys.add(new BalanceKey(request.sku(), onBooks));
                }
            }
        }
        return keys;
    }

    private Map<String, Map<String, Long>> lockSerials(List<StockMoveRequest> requests,
                                                       Map<String, ProductInfo> products) {
        Map<String, Set<String>> serialsBySku = new LinkedHashMap<>();
        requests.stream().filter(request -> products.get(request.sku()).serialized())
                .forEach(request -> serialsBySku.computeIfAbsent(request.sku(), sku -> new HashSet<>())
                        .add(request.serial()));
        Map<String, Map<String, Long>> places = new LinkedHashMap<>();
        serialsBySku.forEach((sku, serials) -> places.put(sku, ledger.lockSerials(sku, serials)));
        return places;
    }

    private StockMovement movement(long moveId, MoveRow row) {
        StockMoveRequest request = row.request();
        LocationInfo from = location(request.fromLocationId());
        LocationInfo to = location(request.toLocationId());
        UUID returnId = request.referenceType() == ReferenceType.RETURN ? UUID.fromString(request.referenceId()) : null;
        return new StockMovement(moveId, request.reason().name(), from == null ? null : from.type(),
                to == null ? null : to.type(), row.valueMinor(), row.writeDownMinor(), row.currency(), returnId,
                returnId == null ? null : request.referenceLine());
    }

    private LocationInfo location(Long locationId) {
        if (locationId == null) {
            return null;
        }
        LocationInfo location = locations.get(locationId);
        if (location == null) {
            locations.putAll(ledger.locations());
            location = locations.get(locationId);
        }
        if (location == null) {
            throw new StockMoveException("Unknown location " + locationId);
        }
        return location;
    }

    /**
     * Runs a change that alters the SKUs' available-to-sell without moving stock (an order reserving its units, a
     * cancellation releasing them) and writes their new figures to the channels' outbox, in the caller's transaction,
     * with the SKUs locked as for a move.
     */
    @Transactional
    public <T> T changingAvailability(Collection<String> skus, Supplier<T> change) {
        return changingAvailability(skus, skus, change);
    }

    /**
     * {@link #changingAvailability(Collection, Supplier)} for a change whose last step records moves of sellable
     * stock: those moves publish the figures of their SKUs themselves, after everything else of the change, so only
     * {@code publishedAfter} (the SKUs of {@code skus} the moves do not touch) are published here. All of {@code skus}
     * are locked first, in one round, as for one move.
     */
    @Transactional
    public <T> T changingAvailability(Collection<String> skus, Collection<String> publishedAfter,
                                      Supplier<T> change) {
        boolean publish = availability.lockSkus(skus);
        T result = change.get();
        if (publish) {
            availability.publish(publishedAfter, ledger::availableToSell);
        }
        return result;
    }

    @Transactional(readOnly = true)
    public List<OnHand> onHand(String sku) {
        return ledger.onHand(sku);
    }

    /**
     * What moving {@code quantity} units of the SKU out of the location would take along at moving average cost; 0
     * when the location holds none. Used to set a value at destination, e.g. a liquidation's net realisable value.
     */
    @Transactional(readOnly = true)
    public long valueOf(String sku, long locationId, int quantity) {
        long[] balance = ledger.balance(sku, locationId);
        if (balance[0] <= 0) {
            return 0;
        }
        return BigDecimal.valueOf(balance[1]).multiply(BigDecimal.valueOf(Math.min(quantity, balance[0])))
                .divide(BigDecimal.valueOf(balance[0]), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** Every unit the return moved (received, quarantined, restocked, ...), oldest first. */
    @Transactional(readOnly = true)
    public List<StockMoveView> movesOfReturn(UUID returnId) {
        return ledger.movesOf(ReferenceType.RETURN, returnId.toString());
    }

    /** Sellable stock less what orders reserve; see {@link #availableToSell(List, int)}. */
    @Transactional(readOnly = true)
    public int availableToSell(String sku) {
        return availableToSell(onHand(sku), reserved(sku));
    }

    /**
     * The same figure for many SKUs in one query, as the channels' outbox computes it after a batch of moves: one
     * query per SKU made publishing cost the bulk write path three quarters of its speed (docs/benchmarks.md).
     */
    @Transactional(readOnly = true)
    public Map<String, Integer> availableToSell(Collection<String> skus) {
        return ledger.availableToSell(skus);
    }

    /**
     * Units of the SKU promised to customers: ordered, not shipped yet and not cancelled, on orders that came in
     * undelivered (an order that arrives delivered left the warehouse already).
     */
    @Transactional(readOnly = true)
    public int reserved(String sku) {
        return ledger.reserved(sku);
    }

    /**
     * Only sellable stock is available to sell (returned units wait elsewhere until inspection releases them), less
     * what is reserved for orders not shipped yet; never below zero (more reserved than held is oversold).
     */
    static int availableToSell(List<OnHand> onHand, int reserved) {
        return Math.max(0, onHand.stream().filter(place -> place.locationType() == LocationType.SELLABLE)
                .mapToInt(OnHand::quantity).sum() - reserved);
    }
}
