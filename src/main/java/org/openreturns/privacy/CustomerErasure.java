package org.openreturns.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openreturns.db.tables.records.CustomerRecord;
import org.openreturns.process.ProcessVariableErasure;
import org.openreturns.receiving.UnexpectedParcelProcess;
import org.openreturns.returns.ReturnProcess;
import org.openreturns.returns.ReturnService;
import org.openreturns.returns.ReturnStatus;
import org.openreturns.system.ConflictException;
import org.openreturns.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a customer's personal data, on their request or once it outlived the retention period, in one transaction
 * (docs/operations.md, "Personal data: erasure and retention"). Personal data is replaced or removed where it is
 * stored: the e-mail becomes a pseudonym, phone and shipping addresses go, the customer's messages, the inspectors'
 * evidence references (photos) and notes become {@code [erased]}, labelled examples of the messages are deleted, and
 * the engine's copies in process variables are erased. Ids, amounts, SKUs, serials, statuses, the stock ledger, the
 * journal, refunds, credit notes and the timeline's who, when and what stay, so reconciliation is as clean as before.
 * Every erasure is recorded with who, when, why and how many records of each kind it changed; erasing again changes
 * nothing and is recorded too.
 */
@Service
public class CustomerErasure {

    private static final Logger log = LoggerFactory.getLogger(CustomerErasure.class);

    /**
     * Returns in these statuses are finished: nothing will read the customer's data of them again. A return in any
     * other status is in flight, and its process still needs the message and the evidence.
     */
    static final Set<ReturnStatus> FINISHED = Set.of(ReturnStatus.CLOSED, ReturnStatus.REJECTED, ReturnStatus.EXPIRED,
            ReturnStatus.CANCELLED);

    /**
     * The return process's variables that copy personal data: the customer's message and what quotes it (the case
     * file of the approval and dispute forms, the review's order summary and return history, the task titles, which
     * name the customer), and the inspection form's evidence references and notes. "customer" and "findings" are the
     * case file's variables (tasks.TaskVariables).
     */
    static final List<String> PERSONAL_RETURN_VARIABLES = List.of(ReturnProcess.CUSTOMER_MESSAGE, "customer",
            "findings", ReturnProcess.TASK_TITLE, ReturnProcess.ORDER_SUMMARY, ReturnProcess.RETURN_HISTORY,
            ReturnProcess.APPROVAL_SUMMARY, ReturnProcess.DISPUTE_SUMMARY, "notes", "evidence");

    /**
     * The variables of a parcel that arrived without a known RMA (bpmn/unexpected-parcel.bpmn) that copy personal data:
     * the sender from the label and the candidate returns (which name their customers' e-mail addresses). The
     * warehouse's notes stay, as they do on the parcel's row: staff's words about the parcel.
     */
    static final List<String> PERSONAL_PARCEL_VARIABLES = List.of(UnexpectedParcelProcess.PARCEL_SUMMARY,
            UnexpectedParcelProcess.SENDER_EMAIL, UnexpectedParcelProcess.CANDIDATE_RETURNS);

    /** The timeline entry of an inspection, whose detail copies the evidence references and the notes. */
    private static final String LINE_INSPECTED = "LINE_INSPECTED";

    private final ErasureRepository repository;
    private final ProcessVariableErasure processVariables;
    private final ObjectMapper json;
    private final Clock clock;

    CustomerErasure(ErasureRepository repository, ProcessVariableErasure processVariables, ObjectMapper json,
                    Clock clock) {
        this.repository = repository;
        this.processVariables = processVariables;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Erases the customer's personal data now, as they asked. Refused while a return of theirs is in flight: its process and the
     * people working on it still need the message and the evidence; erase once it is closed, rejected or expired.
     *
     * @throws NotFoundException when no customer has this id
     * @throws ConflictException naming the returns in flight
     */
    @Transactional
    public ErasureReport eraseOnRequest(String customerId, String reason, String actor) {
        CustomerRecord customer = repository.lockCustomer(customerId).orElseThrow(() -> new NotFoundException(
                "customerId", "No customer " + customerId + " is known"));
        List<ErasureRepository.CustomerReturn> returns = repository.returnsOf(customerId);
        List<String> inFlight = returns.stream()
                .filter(customerReturn -> !FINISHED.contains(ReturnStatus.valueOf(customerReturn.status())))
                .map(ErasureRepository.CustomerReturn::rmaNumber).toList();
        if (!inFlight.isEmpty()) {
            throw new ConflictException("Customer " + customerId + " has returns in flight: "
                    + String.join(", ", inFlight) + ". Their personal data can be erased once these are closed,"
                    + " rejected or expired.");
        }
        return eraseLocked(customer, returns, ErasureCause.REQUEST, reason, actor);
    }

    /**
     * Erases the personal data of every customer with this e-mail address, as the person who wrote from it asked: all
     * of them or, when one has a return in flight, none.
     *
     * @throws NotFoundException when no customer has this address
     * @throws ConflictException naming the returns in flight
     */
    @Transactional
    public List<ErasureReport> eraseOnRequestByEmail(String email, String reason, String actor) {
        List<String> customerIds = repository.customersWithEmail(email);
        if (customerIds.isEmpty()) {
            throw new NotFoundException("email", "No customer has the e-mail address " + email);
        }
        return customerIds.stream().map(customerId -> eraseOnRequest(customerId, reason, actor)).toList();
    }

    /** Up to {@code limit} customers whose personal data outlived the retention period: nothing newer than the cutoff. */
    @Transactional(readOnly = true)
    public List<String> dueForRetention(OffsetDateTime cutoff, int limit) {
        return repository.dueForRetention(cutoff, finishedStatuses(), limit);
    }

    /**
     * Erases the customer's personal data if it is still due for retention, in a transaction of its own; a customer
     * another node is erasing at this moment is skipped.
     *
     * @return what was erased; empty when the customer is not due (any more) or another node has them
     */
    @Transactional
    public Optional<ErasureReport> eraseIfDueForRetention(String customerId, OffsetDateTime cutoff, Period retention) {
        if (!repository.lockIfDueForRetention(customerId, cutoff, finishedStatuses())) {
            return Optional.empty();
        }
        CustomerRecord customer = repository.lockCustomer(customerId).orElseThrow();
        return Optional.of(eraseLocked(customer, repository.returnsOf(customerId), ErasureCause.RETENTION,
                "Nothing of the customer is newer than the retention period " + retention,
                ReturnService.SYSTEM_ACTOR));
    }

    private static List<String> finishedStatuses() {
        return FINISHED.stream().map(Enum::name).toList();
    }

    private ErasureReport eraseLocked(CustomerRecord customer, List<ErasureRepository.CustomerReturn> returns,
                                      ErasureCause cause, String reason, String actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String customerId = customer.getId();
        String pseudonym = pseudonymousEmail(customerId);
        List<UUID> returnIds = returns.stream().map(ErasureRepository.CustomerReturn::id).toList();
        List<String> rmaNumbers = returns.stream().map(ErasureRepository.CustomerReturn::rmaNumber).toList();

        // Contact details first noted, so stored responses that quote them can be found before they are replaced.
        List<String> contactDetails = new ArrayList<>();
        if (!pseudonym.equals(customer.getEmail())) {
            contactDetails.add(customer.getEmail());
        }
        if (customer.getPhone() != null && !customer.getPhone().isBlank()) {
            contactDetails.add(customer.getPhone());
        }

        // The records changed, per kind, in the order they are erased.
        Map<String, Integer> erased = new LinkedHashMap<>();
        erased.put("customer", repository.pseudonymiseCustomer(customerId, pseudonym, now) ? 1 : 0);
        erased.put("shippingAddresses", repository.dropShippingAddresses(customerId));
        erased.put("customerMessages", repository.eraseCustomerMessages(returnIds));
        // The timeline copies the inspection's evidence and notes: erased there before they are gone from the rows.
        erased.put("timelineDetails", eraseInspectionsFromTimeline(returnIds));
        erased.put("inspections", repository.eraseInspectionEvidenceAndNotes(returnIds));
        erased.put("notifications", repository.eraseNotifications(returnIds, pseudonym));
        erased.put("trainedReasonModels", repository.dropModelsTrainedOnReasonLabels(returnIds));
        erased.put("reasonLabels", repository.deleteReasonLabels(returnIds));
        erased.put("storedResponses", contactDetails.isEmpty() ? 0
                : repository.deleteStoredResponsesContaining(contactDetails));
        erased.put("processVariables", processVariables.eraseVariables(rmaNumbers, PERSONAL_RETURN_VARIABLES));
        List<String> parcels = repository.parcelsOf(returnIds).stream().map(UnexpectedParcelProcess::businessKey)
                .toList();
        erased.put("parcelProcessVariables", processVariables.eraseVariables(parcels, PERSONAL_PARCEL_VARIABLES));

        long erasureId = repository.insertErasure(customerId, cause, reason, actor, now, write(erased));
        log.info("Erased the personal data of customer {} ({}, by {}): {}", customerId, cause, actor, erased);
        return new ErasureReport(erasureId, customerId, cause, reason, actor, now, rmaNumbers, erased);
    }

    /**
     * Replaces the evidence references and the notes that the inspections' timeline entries copied ("Line 1: Grade
     * B, evidence photo-1.jpg, photo-2.jpg; scratched" — quality.InspectionService#summary) with {@code [erased]}.
     */
    private int eraseInspectionsFromTimeline(List<UUID> returnIds) {
        List<ErasureRepository.InspectionText> inspections = repository.inspectionTexts(returnIds);
        repository.declareErasure();
        int rewritten = 0;
        for (ErasureRepository.TimelineDetail entry : repository.timelineDetails(returnIds, LINE_INSPECTED)) {
            ErasureRepository.InspectionText inspection = inspections.stream()
                    .filter(candidate -> candidate.returnId().equals(entry.returnId())
                            && entry.detail().startsWith("Line " + candidate.lineNo() + ": "))
                    .findFirst().orElse(null);
            if (inspection == null) {
                continue;
            }
            String detail = withoutEvidenceAndNotes(entry.detail(), inspection);
            if (!detail.equals(entry.detail())) {
                repository.rewriteTimelineDetail(entry.id(), detail);
                rewritten++;
            }
        }
        return rewritten;
    }

    private static String withoutEvidenceAndNotes(String detail, ErasureRepository.InspectionText inspection) {
        String result = detail;
        if (!inspection.evidence().isEmpty()) {
            result = result.replace(", evidence " + String.join(", ", inspection.evidence()),
                    ", evidence " + ErasureRepository.ERASED);
        }
        String notes = inspection.notes();
        if (notes != null && !notes.equals(ErasureRepository.ERASED) && result.endsWith("; " + notes)) {
            result = result.substring(0, result.length() - notes.length()) + ErasureRepository.ERASED;
        }
        return result;
    }

    /**
     * The e-mail address an erased customer keeps (the column is required): the same for the same customer, so
     * erasing again changes nothing, and telling nothing of the address it replaces. {@code .invalid} is reserved and
     * never delivers (RFC 2606).
     */
    private static String pseudonymousEmail(String customerId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(customerId.getBytes(StandardCharsets.UTF_8));
            return "erased-" + HexFormat.of().formatHex(hash, 0, 6) + "@invalid";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private String write(Map<String, Integer> counts) {
        try {
            return json.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Counts of an erasure are always JSON", e);
        }
    }
}
