package org.openreturns.returns;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.openreturns.carriers.CarrierLabels;
import org.openreturns.carriers.CarrierLabels.ReturnLabel;
import org.openreturns.catalog.CatalogService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authorizes a return: the customer gets the RMA number, instructions and a label from the carrier port, and the
 * warehouse the pre-advice of the parcel (its expected inbound). Also ends the returns that are not authorized:
 * rejected ones and those whose parcel never came.
 */
@Service
public class ReturnAuthorizations {

    private final ReturnService returns;
    private final AuthorizationRepository authorizations;
    private final CarrierLabels carrierLabels;
    private final CatalogService catalog;
    private final LifecyclePolicy policy;
    private final Clock clock;

    ReturnAuthorizations(ReturnService returns, AuthorizationRepository authorizations, CarrierLabels carrierLabels,
                         CatalogService catalog, LifecyclePolicy policy,
                         Clock clock) {
        this.returns = returns;
        this.authorizations = authorizations;
        this.carrierLabels = carrierLabels;
        this.catalog = catalog;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * @param reviewedBy who approved it in a manual review, or null when the eligibility rules approved it
     */
    @Transactional
    public void authorize(UUID returnId, String reviewedBy, String reviewReason) {
        ReturnSummary summary = returns.summary(returnId);
        String actor = reviewedBy == null ? ReturnService.SYSTEM_ACTOR : reviewedBy;
        String how = reviewedBy == null ? "within the return policy"
                : "after review by " + reviewedBy + (blank(reviewReason) ? "" : ": " + reviewReason.strip());
        boolean authorizedNow = returns.authorize(returnId, actor, "Authorized " + how + " under " + summary.rmaNumber());
        if (!authorizedNow) {
            return;
        }
        String warehouse = returns.orderOf(returnId).warehouse();
        ReturnLabel label = carrierLabels.labelFor(new CarrierLabels.LabelRequest(returnId, summary.rmaNumber(),
                warehouse, authorizations.customerEmail(returnId)));
        String instructions = "Pack the item(s) with the RMA number " + summary.rmaNumber() + " on the parcel and "
                + "send it to the returns desk of " + catalog.warehouse(warehouse).name() + " with label "
                + label.labelReference() + " (" + label.carrier() + ").";
        OffsetDateTime now = OffsetDateTime.now(clock);
        authorizations.insertOnce(returnId, warehouse, label, instructions, now.plus(policy.parcelExpiry()), now,
                actor);
    }

    /** Rejects a requested or reviewed return with the reason the customer is told. */
    @Transactional
    public void reject(UUID returnId, String reviewedBy, String reason) {
        String actor = reviewedBy == null ? ReturnService.SYSTEM_ACTOR : reviewedBy;
        returns.reject(returnId, actor, reason);
    }

    /** Ends an authorized return whose parcel did not arrive in time; its quantity can be returned again. */
    @Transactional
    public void expire(UUID returnId) {
        returns.expire(returnId, ReturnService.SYSTEM_ACTOR, "No parcel was received within "
                + policy.parcelExpiry() + " of the authorization or the carrier's last event");
    }

    @Transactional(readOnly = true)
    public List<ExpectedParcel> expectedInbound(String warehouseCode) {
        catalog.warehouse(warehouseCode);
        return authorizations.expectedAt(warehouseCode);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
