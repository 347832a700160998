package org.openreturns.workspace;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpSession;
import org.openreturns.catalog.CatalogService;
import org.openreturns.catalog.Product;
import org.openreturns.catalog.Warehouse;
import org.openreturns.receiving.ParcelScan;
import org.openreturns.receiving.ReceiptService;
import org.openreturns.returns.ExpectedParcel;
import org.openreturns.returns.ReturnAuthorizations;
import org.openreturns.system.ConflictException;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.NotFoundException;
import org.openreturns.system.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A receiving station: one input that a keyboard-wedge scanner types into and ends with Enter. First the parcel's
 * RMA number or tracking number, then each unit's SKU (and serial, for serialized items), then "Receive parcel",
 * which records it through the same service as {@code POST /api/receipts}. A code that names no expected parcel is
 * said so, and the parcel can be taken in without RMA: it then goes to the unexpected-parcel path.
 */
@Controller
class ReceivingPages {

    private static final Pattern RMA_NUMBER = Pattern.compile("RMA-\\d+-\\d+", Pattern.CASE_INSENSITIVE);
    private static final String PARCEL = "receiving.parcel";
    private static final String WAREHOUSE = "receiving.warehouse";
    private static final String OUTCOME = "outcome";

    private final CatalogService catalog;
    private final ReturnAuthorizations authorizations;
    private final ReceiptService receipts;
    private final MessageSource messages;

    ReceivingPages(CatalogService catalog, ReturnAuthorizations authorizations, ReceiptService receipts,
                   MessageSource messages) {
        this.catalog = catalog;
        this.authorizations = authorizations;
        this.receipts = receipts;
        this.messages = messages;
    }

    /** The outcome of the last scan, shown large: {@code ok} or not, and an offer to take the parcel without RMA. */
    record Outcome(boolean ok, String text, boolean offerWithoutRma, String code) implements Serializable {
    }

    @GetMapping("/app/receiving")
    String station(@RequestParam(required = false) String warehouse,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, HttpSession session,
                   Model model) {
        List<Warehouse> warehouses = catalog.warehouses();
        if (warehouse != null && warehouses.stream().anyMatch(known -> known.code().equals(warehouse))) {
            session.setAttribute(WAREHOUSE, warehouse);
        }
        String chosen = Optional.ofNullable((String) session.getAttribute(WAREHOUSE))
                .orElse(warehouses.isEmpty() ? null : warehouses.get(0).code());
        session.setAttribute(WAREHOUSE, chosen);
        model.addAttribute("warehouses", warehouses);
        model.addAttribute("warehouse", chosen);
        model.addAttribute("parcel", session.getAttribute(PARCEL));
        model.addAttribute("expected", chosen == null ? List.of() : authorizations.expectedInbound(chosen));
        if (!model.containsAttribute(OUTCOME)) {
            model.addAttribute(OUTCOME, null);
        }
        return htmx == null ? "workspace/receiving" : "workspace/receiving :: station";
    }

    /** One scan: a parcel's RMA or tracking number when no parcel is open, else a SKU or the serial it waits for. */
    @PostMapping("/app/receiving/scan")
    String scan(@RequestParam String code, HttpSession session, RedirectAttributes next) {
        String scanned = code.strip();
        ParcelAtStation parcel = (ParcelAtStation) session.getAttribute(PARCEL);
        Outcome outcome;
        if (scanned.isEmpty()) {
            outcome = new Outcome(false, text("receiving.emptyScan"), false, null);
        } else if (parcel == null) {
            outcome = openParcel(scanned, (String) session.getAttribute(WAREHOUSE), session);
        } else if (parcel.skuAwaitingSerial != null) {
            parcel.add(parcel.skuAwaitingSerial, scanned);
            outcome = new Outcome(true, text("receiving.unitAdded", parcel.skuAwaitingSerial + " · " + scanned),
                    false, null);
            parcel.skuAwaitingSerial = null;
        } else {
            Optional<Product> product = catalog.product(scanned);
            if (product.isEmpty()) {
                outcome = new Outcome(false, text("receiving.unknownSku", scanned), false, null);
            } else if (product.get().serialized()) {
                parcel.skuAwaitingSerial = scanned;
                outcome = new Outcome(true, text("receiving.scanSerial", scanned), false, null);
            } else {
                parcel.add(scanned, null);
                outcome = new Outcome(true, text("receiving.unitAdded", scanned), false, null);
            }
        }
        // Set again, so that a session store outside this JVM saves the parcel that changed.
        session.setAttribute(PARCEL, session.getAttribute(PARCEL));
        next.addFlashAttribute(OUTCOME, outcome);
        return "redirect:/app/receiving";
    }

    /** The code named no expected parcel: the parcel is taken in without RMA, its code kept as tracking id. */
    @PostMapping("/app/receiving/without-rma")
    String withoutRma(@RequestParam(required = false) String code, HttpSession session, RedirectAttributes next) {
        session.setAttribute(PARCEL, new ParcelAtStation(null, code == null || code.isBlank() ? null : code.strip()));
        next.addFlashAttribute(OUTCOME, new Outcome(true, text("receiving.withoutRmaOpened"), false, null));
        return "redirect:/app/receiving";
    }

    @PostMapping("/app/receiving/cancel")
    String cancel(HttpSession session, RedirectAttributes next) {
        session.removeAttribute(PARCEL);
        next.addFlashAttribute(OUTCOME, new Outcome(true, text("receiving.cancelled"), false, null));
        return "redirect:/app/receiving";
    }

    /** Records the parcel with every unit scanned; a refusal (wrong serial, return not waiting) is shown as is. */
    @PostMapping("/app/receiving/receive")
    String receive(HttpSession session, Authentication receiver, RedirectAttributes next) {
        ParcelAtStation parcel = (ParcelAtStation) session.getAttribute(PARCEL);
        if (parcel == null || parcel.items.isEmpty()) {
            next.addFlashAttribute(OUTCOME, new Outcome(false, text("receiving.nothingScanned"), false, null));
            return "redirect:/app/receiving";
        }
        String warehouse = (String) session.getAttribute(WAREHOUSE);
        try {
            ReceiptService.Receipt receipt = receipts.receive(new ParcelScan("workspace-" + UUID.randomUUID(),
                    warehouse, parcel.rmaNumber, parcel.trackingId, List.copyOf(parcel.items)), receiver.getName());
            session.removeAttribute(PARCEL);
            next.addFlashAttribute(OUTCOME, new Outcome(true, receipt.matched()
                    ? text("receiving.received", receipt.rmaNumber(), units(parcel))
                    : text("receiving.receivedUnexpected", String.valueOf(receipt.receiptId()), units(parcel)),
                    false, null));
        } catch (RuleViolationException refused) {
            next.addFlashAttribute(OUTCOME, new Outcome(false, FieldProblem.describe(refused.problems()), false, null));
        } catch (ConflictException | NotFoundException refused) {
            next.addFlashAttribute(OUTCOME, new Outcome(false, refused.getMessage(), false, null));
        }
        return "redirect:/app/receiving";
    }

    private Outcome openParcel(String code, String warehouse, HttpSession session) {
        if (RMA_NUMBER.matcher(code).matches()) {
            String rma = code.toUpperCase();
            session.setAttribute(PARCEL, new ParcelAtStation(rma, null));
            return new Outcome(true, text("receiving.parcelOpened", rma), false, null);
        }
        Optional<ExpectedParcel> byTracking = warehouse == null ? Optional.empty()
                : authorizations.expectedInbound(warehouse).stream()
                        .filter(expected -> code.equalsIgnoreCase(expected.trackingId())).findFirst();
        if (byTracking.isPresent()) {
            session.setAttribute(PARCEL, new ParcelAtStation(byTracking.get().rmaNumber(), code));
            return new Outcome(true, text("receiving.parcelOpened", byTracking.get().rmaNumber()), false, null);
        }
        return new Outcome(false, text("receiving.unknownCode", code), true, code);
    }

    private static int units(ParcelAtStation parcel) {
        return parcel.items.stream().mapToInt(ParcelScan.Item::quantity).sum();
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
