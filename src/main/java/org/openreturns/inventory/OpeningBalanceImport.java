package org.openreturns.inventory;

import static org.openreturns.db.Tables.OPENING_BALANCE_IMPORT;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;
import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.LocationType;
import org.openreturns.catalog.Product;
import org.openreturns.catalog.Warehouse;
import org.openreturns.system.ConflictException;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.Money;
import org.openreturns.system.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the opening balances of a warehouse from CSV (header {@code sku,quantity,unitCost} and optionally
 * {@code locationType} and {@code serial}): each row is an {@code OPENING_BALANCE} move from outside the books into
 * the row's location at its unit cost, posted against goods received not invoiced. The file is read as a stream and
 * its moves recorded in batches, all in one transaction: a bad row is named by its line and column, and then nothing
 * of the file is imported.
 */
@Service
public class OpeningBalanceImport {

    static final List<String> REQUIRED_COLUMNS = List.of("sku", "quantity", "unitCost");
    private static final Set<String> KNOWN_COLUMNS = Set.of("sku", "quantity", "unitCost", "locationType", "serial");
    private static final int BATCH = 1_000;
    /** Enough to fix a file from; the rest would only repeat the same mistake. */
    private static final int MOST_PROBLEMS = 50;

    private final StockLedger ledger;
    private final CatalogService catalog;
    private final DSLContext db;
    private final Clock clock;

    OpeningBalanceImport(StockLedger ledger, CatalogService catalog, DSLContext db, Clock clock) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.db = db;
        this.clock = clock;
    }

    /** An import as recorded; {@code created} is false when the same file was imported before under its id. */
    record Imported(String importId, String warehouse, int rows, long units, String importedBy,
                    OffsetDateTime importedAt, boolean created) {
    }

    /**
     * Imports the file once per import id: the same file again is answered as the first time, another file under the
     * same id is refused with 409.
     */
    @Transactional
    Imported importCsv(String importId, String warehouseCode, InputStream csv, String importedBy) {
        MessageDigest sha256 = sha256();
        DigestInputStream content = new DigestInputStream(csv, sha256);
        Optional<Imported> existing = find(importId);
        if (existing.isPresent()) {
            drain(content);
            if (!existing.get().warehouse().equals(warehouseCode)
                    || !storedHash(importId).equals(HexFormat.of().formatHex(sha256.digest()))) {
                throw new ConflictException("Import " + importId + " was already made with another file or warehouse");
            }
            return existing.get();
        }
        Warehouse warehouse = catalog.warehouses().stream().filter(w -> w.code().equals(warehouseCode)).findFirst()
                .orElseThrow(() -> new RuleViolationException("warehouse", "is not a known warehouse"));
        Totals totals = importRows(importId, warehouse, content, importedBy);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int inserted = db.insertInto(OPENING_BALANCE_IMPORT)
                .set(OPENING_BALANCE_IMPORT.IMPORT_ID, importId)
                .set(OPENING_BALANCE_IMPORT.WAREHOUSE, warehouseCode)
                .set(OPENING_BALANCE_IMPORT.CONTENT_SHA256, HexFormat.of().formatHex(sha256.digest()))
                .set(OPENING_BALANCE_IMPORT.ROWS, totals.rows)
                .set(OPENING_BALANCE_IMPORT.UNITS, totals.units)
                .set(OPENING_BALANCE_IMPORT.IMPORTED_BY, importedBy)
                .set(OPENING_BALANCE_IMPORT.IMPORTED_AT, now)
                .onConflictDoNothing().execute();
        if (inserted == 0) {
            throw new ConflictException("Import " + importId
                    + " was made by another request at the same time; send it again to see how it was recorded");
        }
        Imported stored = find(importId).orElseThrow();
        return new Imported(stored.importId(), stored.warehouse(), stored.rows(), stored.units(), stored.importedBy(),
                stored.importedAt(), true);
    }

    private static final class Totals {
        int rows;
        long units;
    }

    /** A row turned into its move, with the line it came from. */
    private record Row(long line, StockMoveRequest move) {
    }

    private Totals importRows(String importId, Warehouse warehouse, InputStream content, String importedBy) {
        List<FieldProblem> problems = new ArrayList<>();
        Totals totals = new Totals();
        Map<String, Optional<Product>> products = new HashMap<>();
        Set<String> serials = new HashSet<>();
        List<Row> batch = new ArrayList<>();
        Reader reader = new InputStreamReader(content, StandardCharsets.UTF_8);
        // Empty lines are kept as records so that a record's number tells its line (one row per line, header first).
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(false).build().parse(reader)) {
            problems.addAll(checkHeader(parser.getHeaderNames()));
            if (!problems.isEmpty()) {
                // Without its columns no row can be read.
                throw new RuleViolationException(problems);
            }
            Iterator<CSVRecord> records = parser.iterator();
            long line = 1;
            while (problems.size() < MOST_PROBLEMS && hasNext(records, line + 1, problems)) {
                CSVRecord record = records.next();
                line = record.getRecordNumber() + 1;
                Optional<StockMoveRequest> move = move(importId, warehouse, record, line, products, serials,
                        importedBy, problems);
                if (move.isEmpty()) {
                    continue;
                }
                totals.rows++;
                totals.units += move.get().quantity();
                batch.add(new Row(line, move.get()));
                if (batch.size() == BATCH) {
                    record(batch, problems);
                    batch.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record(batch, problems);
        if (totals.rows == 0 && problems.isEmpty()) {
            problems.add(new FieldProblem("line 2", "the file has no rows to import"));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
        return totals;
    }

    /** Records the batch unless a row was refused already: then the import fails whole, and only checks go on. */
    private void record(List<Row> batch, List<FieldProblem> problems) {
        if (batch.isEmpty() || !problems.isEmpty()) {
            return;
        }
        List<StockMoveRequest> moves = batch.stream().map(Row::move).toList();
        if (ledger.refusal(moves).isEmpty()) {
            ledger.record(moves);
            return;
        }
        for (Row row : batch) {
            ledger.refusal(List.of(row.move())).ifPresent(reason -> problems.add(new FieldProblem(
                    "line " + row.line() + ", column serial", "cannot be imported: " + reason)));
        }
    }

    /** Whether another record follows; a record that is not valid CSV (an open quote) ends the file as a problem. */
    private static boolean hasNext(Iterator<CSVRecord> records, long nextLine, List<FieldProblem> problems) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException broken) {
            problems.add(new FieldProblem("line " + nextLine, "is not valid CSV: " + broken.getMessage()));
            return false;
        }
    }

    private static List<FieldProblem> checkHeader(List<String> columns) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String required : REQUIRED_COLUMNS) {
            if (!columns.contains(required)) {
                problems.add(new FieldProblem("line 1, column " + required, "is missing from the header "
                        + columns + "; the columns are sku, quantity, unitCost and optionally locationType, serial"));
            }
        }
        columns.stream().filter(column -> !KNOWN_COLUMNS.contains(column)).forEach(column -> problems.add(
                new FieldProblem("line 1, column " + column, "is not a known column; the columns are sku, "
                        + "quantity, unitCost and optionally locationType, serial")));
        return problems;
    }

    private Optional<StockMoveRequest> move(String importId, Warehouse warehouse, CSVRecord record, long line,
                                            Map<String, Optional<Product>> products, Set<String> serials,
                                            String importedBy, List<FieldProblem> problems) {
        String at = "line " + line + ", column ";
        if (record.size() == 1 && record.get(0).isBlank()) {
            problems.add(new FieldProblem("line " + line, "is empty"));
            return Optional.empty();
        }
        if (!record.isConsistent()) {
            problems.add(new FieldProblem("line " + line, "has " + record.size() + " values, the header "
                    + record.getParser().getHeaderNames().size()));
            return Optional.empty();
        }
        int before = problems.size();
        String sku = value(record, "sku");
        Optional<Product> product = products.computeIfAbsent(sku, catalog::product);
        if (sku.isEmpty() || product.isEmpty()) {
            problems.add(new FieldProblem(at + "sku", sku.isEmpty() ? "is empty" : sku + " is not in the catalogue"));
        }
        Integer quantity = positiveInteger(value(record, "quantity"));
        if (quantity == null) {
            problems.add(new FieldProblem(at + "quantity", "must be a whole number from 1 to 1000000, not '"
                    + value(record, "quantity") + "'"));
        }
        LocationType type = locationType(value(record, "locationType"));
        if (type == null) {
            problems.add(new FieldProblem(at + "locationType", "must be a location type on the books such as "
                    + "SELLABLE, not '" + value(record, "locationType") + "'"));
        }
        String serial = value(record, "serial").isEmpty() ? null : value(record, "serial");
        Long unitCost = null;
        if (product.isPresent()) {
            Currency currency = Currency.getInstance(product.get().currency());
            unitCost = unitCost(value(record, "unitCost"), currency);
            if (unitCost == null) {
                problems.add(new FieldProblem(at + "unitCost", "must be an amount of at least 0 in " + currency
                        + " with at most " + currency.getDefaultFractionDigits() + " decimals, not '"
                        + value(record, "unitCost") + "'"));
            }
            if (product.get().serialized() && (serial == null || (quantity != null && quantity != 1))) {
                problems.add(new FieldProblem(at + "serial", sku + " is serialized: one row per unit, with its "
                        + "serial and quantity 1"));
            } else if (!product.get().serialized() && serial != null) {
                problems.add(new FieldProblem(at + "serial", "must be empty: " + sku + " is not serialized"));
            } else if (serial != null && !serials.add(sku + "\u0000" + serial)) {
                problems.add(new FieldProblem(at + "serial", "serial " + serial + " of " + sku
                        + " is in the file twice"));
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(StockMoveRequest.openingStock("opening-balance-" + importId + "-line-" + line, sku, serial,
                quantity, warehouse.location(type).id(), unitCost, importedBy));
    }

    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column).trim() : "";
    }

    private static Integer positiveInteger(String text) {
        try {
            int value = Integer.parseInt(text);
            return value >= 1 && value <= 1_000_000 ? value : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** The location type of a row; SELLABLE when the column is empty; null when it is no place on the books. */
    private static LocationType locationType(String text) {
        if (text.isEmpty()) {
            return LocationType.SELLABLE;
        }
        try {
            LocationType type = LocationType.valueOf(text);
            return type.isVirtual() ? null : type;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static Long unitCost(String text, Currency currency) {
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(1_000_000_000)) > 0
                    || !Money.fitsMinorUnits(amount, currency)) {
                return null;
            }
            return Money.toMinorUnits(amount, currency);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private Optional<Imported> find(String importId) {
        return db.selectFrom(OPENING_BALANCE_IMPORT).where(OPENING_BALANCE_IMPORT.IMPORT_ID.eq(importId))
                .fetchOptional(row -> new Imported(row.getImportId(), row.getWarehouse(), row.getRows(),
                        row.getUnits(), row.getImportedBy(), row.getImportedAt(), false));
    }

    private String storedHash(String importId) {
        return db.select(OPENING_BALANCE_IMPORT.CONTENT_SHA256).from(OPENING_BALANCE_IMPORT)
                .where(OPENING_BALANCE_IMPORT.IMPORT_ID.eq(importId)).fetchSingle().value1();
    }

    private static void drain(InputStream content) {
        try {
            content.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
