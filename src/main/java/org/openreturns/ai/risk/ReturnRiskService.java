package org.openreturns.ai.risk;

import java.util.UUID;

import org.openreturns.returns.LifecyclePolicy;
import org.openreturns.returns.ReturnDetails;
import org.openreturns.returns.ReturnService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores a requested return's risk of abuse from its customer's history and records it on the return, where the
 * eligibility decision, the review form, the return's details and its timeline find it. A return is scored once:
 * scoring it again answers the score it already has.
 */
@Service
public class ReturnRiskService {

    static final String ACTOR = "return-risk-scoring";

    private final RiskFactsRepository facts;
    private final ReturnService returns;
    private final LifecyclePolicy policy;
    private final RiskSettings settings;

    ReturnRiskService(RiskFactsRepository facts, ReturnService returns, LifecyclePolicy policy, RiskSettings settings) {
        this.facts = facts;
        this.returns = returns;
        this.policy = policy;
        this.settings = settings;
    }

    @Transactional
    public ReturnDetails.Risk score(UUID returnId) {
        var stored = returns.risk(returnId);
        if (stored.isPresent()) {
            return stored.get();
        }
        RiskScore score = ReturnRiskScorer.score(
                facts.facts(returnId, policy.highValueThreshold(), settings.apparelCategories()));
        return returns.recordRisk(returnId, score.score(), score.topSignals(), ACTOR);
    }
}
