package org.openreturns.workspace;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openreturns.accounting.Journal;
import org.openreturns.inventory.StockLedger;
import org.openreturns.quality.InspectionService;
import org.openreturns.refunds.RefundService;
import org.openreturns.returns.Disposition;
import org.openreturns.returns.ReasonCode;
import org.openreturns.returns.ReturnDetails;
import org.openreturns.returns.ReturnListing;
import org.openreturns.returns.ReturnSearch;
import org.openreturns.returns.ReturnService;
import org.openreturns.returns.ReturnStatus;
import org.openreturns.returns.ReturnSummary;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The returns list (the same search as {@code GET /api/returns}), its CSV export, and a return's page: status and
 * open tasks first, then lines, timeline, stock moves and money.
 */
@Controller
class ReturnPages {

    /** An export holds at most this many returns; a narrower filter gets the rest. */
    static final int EXPORT_LIMIT = 10_000;
    private static final Pattern RMA_NUMBER = Pattern.compile("RMA-\\d+-\\d+");

    private final ReturnService returns;
    private final StockLedger stock;
    private final RefundService refunds;
    private final Journal journal;
    private final InspectionService inspections;

    ReturnPages(ReturnService returns, StockLedger stock, RefundService refunds, Journal journal,
                InspectionService inspections) {
        this.returns = returns;
        this.stock = stock;
        this.refunds = refunds;
        this.journal = journal;
        this.inspections = inspections;
    }

    @GetMapping("/app")
    String home() {
        return "redirect:/app/returns";
    }

    /** The list; htmx asks for the results alone when a filter changes, the browser for the whole page. */
    @GetMapping("/app/returns")
    String list(@RequestParam Map<String, String> parameters,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        ReturnSearch.Parsed parsed = ReturnSearch.parse(parameters);
        model.addAttribute("search", parsed.search());
        model.addAttribute("problems", parsed.problems());
        model.addAttribute("results", parsed.problems().isEmpty() ? returns.search(parsed.search()) : null);
        model.addAttribute("statuses", ReturnStatus.values());
        model.addAttribute("reasons", ReasonCode.values());
        model.addAttribute("dispositions", Disposition.values());
        model.addAttribute("sortable", ReturnSearch.SORTABLE);
        return htmx == null ? "workspace/returns" : "workspace/returns :: results";
    }

    /** Every return the filters match (up to {@link #EXPORT_LIMIT}), one row each, amounts as plain decimals. */
    @GetMapping("/app/returns.csv")
    void export(@RequestParam Map<String, String> parameters, HttpServletResponse response) throws IOException {
        ReturnSearch.Parsed parsed = ReturnSearch.parse(parameters);
        if (!parsed.problems().isEmpty()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST,
                    FieldProblem.describe(parsed.problems()));
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"returns-" + LocalDate.now() + ".csv\"");
        Writer out = response.getWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader("rma_number", "status", "requested_at",
                "status_changed_at", "order_number", "channel", "warehouse", "customer_email", "units", "refund",
                "currency", "reasons").get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (ReturnListing row : returns.searchAll(parsed.search(), EXPORT_LIMIT)) {
                csv.printRecord(row.rmaNumber(), row.status(), row.requestedAt(), row.statusChangedAt(),
                        row.orderNumber(), row.channel(), row.warehouse(), row.customerEmail(), row.units(),
                        Formats.decimal(row.refundMinor(), row.currency()), row.currency().strip(),
                        String.join(" ", row.reasons()));
            }
        }
    }

    @GetMapping("/app/returns/{key}")
    String details(@PathVariable String key, Authentication viewer, Model model) {
        ReturnDetails details = returns.details(returnId(key));
        model.addAttribute("details", details);
        model.addAttribute("moves", stock.movesOfReturn(details.returnId()));
        model.addAttribute("refunds", refunds.refundsOf(details.returnId()));
        model.addAttribute("evidence", inspections.inspectionsOf(details.returnId()).stream()
                .flatMap(inspection -> inspection.evidence().stream()
                        .map(reference -> new Evidence(inspection.lineNo(), reference)))
                .toList());
        if (PageAccess.FINANCE_PAGES.allows(viewer.getAuthorities())) {
            model.addAttribute("journal", journal.entriesOfReturn(details.returnId()));
        }
        return "workspace/return";
    }

    /** The return's journal entries alone: a finance page. */
    @GetMapping("/app/returns/{key}/journal")
    String journal(@PathVariable String key, Model model) {
        ReturnDetails details = returns.details(returnId(key));
        model.addAttribute("details", details);
        model.addAttribute("journal", journal.entriesOfReturn(details.returnId()));
        return "workspace/journal";
    }

    /** A return named by its RMA number (as people and labels name it) or by its id. */
    private UUID returnId(String key) {
        if (RMA_NUMBER.matcher(key).matches()) {
            return returns.findByRma(key).map(ReturnSummary::returnId)
                    .orElseThrow(() -> new NotFoundException("rma", "No return has the RMA number " + key));
        }
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("rma", key + " is neither an RMA number (RMA-2026-000001) nor a return id");
        }
    }

    /**
     * A photo or document the inspector referred to. A web address is linked, and shown as a picture when it names an
     * image file; anything else (a file name, a case number) is shown as written.
     */
    public record Evidence(int lineNo, String reference) {

        private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)^https?://\\S+$");
        private static final Pattern IMAGE_FILE = Pattern.compile("(?i)\\.(jpe?g|png|gif|webp)(\\?.*)?$");

        public boolean link() {
            return WEB_ADDRESS.matcher(reference).matches();
        }

        public boolean picture() {
            return link() && IMAGE_FILE.matcher(reference).find();
        }
    }
}
