package org.openreturns.returns;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.openreturns.system.Codes;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.openreturns.system.FieldProblem;

/**
 * A search over returns, as {@code GET /api/returns} and the workspace's returns list take it from query parameters:
 * every filter is optional and they all must hold. Text filters are matched without regard to case; {@code rma}
 * matches any part of the RMA number. Dates are calendar days in UTC, both ends included.
 *
 * @param sort a column name ({@link #SORTABLE}), with a leading {@code -} for descending
 */
public record ReturnSearch(String rma, String order, String email, ReturnStatus status, String channel,
                           String warehouse, ReasonCode reason, Disposition disposition, LocalDate from,
                           LocalDate to, String sort, int page, int size) {

    /** The columns a list can be sorted by. */
    public static final List<String> SORTABLE = List.of("requestedAt", "rmaNumber", "status", "statusChangedAt");
    public static final String DEFAULT_SORT = "-requestedAt";
    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 500;
    /** The query parameters a search reads, in the order a page shows its filters. */
    public static final List<String> PARAMETERS = List.of("rma", "order", "email", "status", "channel", "warehouse",
            "reason", "disposition", "from", "to", "sort", "page", "size");

    /** A search, or every problem with the parameters it was read from (each naming its parameter). */
    public record Parsed(ReturnSearch search, List<FieldProblem> problems) {
    }

    /** Reads a search from query parameters; blank parameters are no filter. */
    public static Parsed parse(Map<String, String> parameters) {
        List<FieldProblem> problems = new ArrayList<>();
        Function<String, String> text = name -> blankToNull(parameters.get(name));
        ReturnStatus status = code(ReturnStatus.class, "status", text.apply("status"), problems);
        ReasonCode reason = code(ReasonCode.class, "reason", text.apply("reason"), problems);
        Disposition disposition = code(Disposition.class, "disposition", text.apply("disposition"), problems);
        LocalDate from = date("from", text.apply("from"), problems);
        LocalDate to = date("to", text.apply("to"), problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new FieldProblem("to", "must not be before from (" + from + ")"));
        }
        String sort = Optional.ofNullable(text.apply("sort")).orElse(DEFAULT_SORT);
        if (!SORTABLE.contains(sort.startsWith("-") ? sort.substring(1) : sort)) {
            problems.add(new FieldProblem("sort", "must be one of " + SORTABLE + ", with a leading - for descending"));
            sort = DEFAULT_SORT;
        }
        int page = number("page", text.apply("page"), 0, 0, Integer.MAX_VALUE, problems);
        int size = number("size", text.apply("size"), DEFAULT_SIZE, 1, MAX_SIZE, problems);
        ReturnSearch search = new ReturnSearch(text.apply("rma"), text.apply("order"), text.apply("email"), status,
                text.apply("channel"), text.apply("warehouse"), reason, disposition, from, to, sort, page, size);
        return new Parsed(search, List.copyOf(problems));
    }

    /** The same search on another page. */
    public ReturnSearch onPage(int otherPage) {
        return new ReturnSearch(rma, order, email, status, channel, warehouse, reason, disposition, from, to, sort,
                otherPage, size);
    }

    /** The same search in another order, from the first page. */
    public ReturnSearch sortedBy(String otherSort) {
        return new ReturnSearch(rma, order, email, status, channel, warehouse, reason, disposition, from, to,
                otherSort, 0, size);
    }

    /** The search as an encoded query string ({@code ?status=CLOSED&page=2}), empty when it has no parameter. */
    public String queryString() {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        parameters().forEach(query::add);
        return UriComponentsBuilder.newInstance().queryParams(query).encode().build().toUriString();
    }

    /** The search as query parameters (no blank ones), to link to it or to another page or order of it. */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "rma", rma);
        put(parameters, "order", order);
        put(parameters, "email", email);
        put(parameters, "status", status);
        put(parameters, "channel", channel);
        put(parameters, "warehouse", warehouse);
        put(parameters, "reason", reason);
        put(parameters, "disposition", disposition);
        put(parameters, "from", from);
        put(parameters, "to", to);
        if (!DEFAULT_SORT.equals(sort)) {
            parameters.put("sort", sort);
        }
        if (page > 0) {
            parameters.put("page", String.valueOf(page));
        }
        if (size != DEFAULT_SIZE) {
            parameters.put("size", String.valueOf(size));
        }
        return parameters;
    }

    private static void put(Map<String, String> parameters, String name, Object value) {
        if (value != null) {
            parameters.put(name, value.toString());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static <E extends Enum<E>> E code(Class<E> type, String name, String text, List<FieldProblem> problems) {
        if (text == null) {
            return null;
        }
        Optional<E> code = Codes.parse(type, text.toUpperCase());
        if (code.isEmpty()) {
            problems.add(new FieldProblem(name, "must be one of " + Arrays.toString(type.getEnumConstants())
                    + ", not " + text));
        }
        return code.orElse(null);
    }

    private static LocalDate date(String name, String text, List<FieldProblem> problems) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "must be a date as 2026-12-31, not " + text));
            return null;
        }
    }

    private static int number(String name, String text, int absent, int min, int max, List<FieldProblem> problems) {
        if (text == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        problems.add(new FieldProblem(name, "must be a whole number from " + min + " to " + max + ", not " + text));
        return absent;
    }
}
