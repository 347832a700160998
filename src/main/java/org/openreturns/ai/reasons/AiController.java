package org.openreturns.ai.reasons;

import java.util.List;

import jakarta.validation.Valid;
import org.openreturns.process.WorkGroups;
import org.openreturns.system.Actor;
import org.openreturns.system.ForbiddenException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The reason classifier over HTTP: classify a message, list the model versions, retrain (docs/ai.md). */
@RestController
@RequestMapping("/api/ai")
class AiController {

    private final ReasonClassifier classifier;

    AiController(ReasonClassifier classifier) {
        this.classifier = classifier;
    }

    /** The suggested reason code of a customer's message, with its confidence and the three most likely codes. */
    @PostMapping("/classify")
    ReasonSuggestion classify(@Valid @RequestBody ClassifyRequest request, Authentication caller) {
        requireStaff(caller);
        return classifier.classify(request.message(), request.language());
    }

    /** Every trained version with its held-out scores; the ACTIVE one classifies. */
    @GetMapping("/models")
    List<ModelVersion> models(Authentication caller) {
        requireStaff(caller);
        return classifier.versions();
    }

    /**
     * Trains a candidate on the shipped set plus the reasons people set or confirmed, and switches to it only when
     * it scores at least as well on the held-out set. Managers only.
     */
    @PostMapping("/models/reason/retrain")
    ReasonClassifier.Retraining retrain(Authentication caller) {
        Actor actor = Actor.of(caller);
        if (!actor.isIn("manager")) {
            throw new ForbiddenException("Only managers may retrain the reason classifier");
        }
        return classifier.retrain(actor.userId());
    }

    private static void requireStaff(Authentication caller) {
        Actor actor = Actor.of(caller);
        if (WorkGroups.DOMAIN_GROUPS.stream().noneMatch(actor::isIn)) {
            throw new ForbiddenException("The reason classifier is for staff: a caller in one of the groups "
                    + WorkGroups.DOMAIN_GROUPS);
        }
    }
}
