package org.openreturns.ai.reasons;

import java.util.List;

import jakarta.validation.Valid;
import org.openreturns.system.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reason classifier over HTTP: classify a message, list the model versions, retrain (docs/ai.md). Who may call
 * each is in system.ApiAuthorization.
 */
@RestController
@RequestMapping("/api/ai")
class AiController {

    private final ReasonClassifier classifier;

    AiController(ReasonClassifier classifier) {
        this.classifier = classifier;
    }

    /** The suggested reason code of a customer's message, with its confidence and the three most likely codes. */
    @PostMapping("/classify")
    ReasonSuggestion classify(@Valid @RequestBody ClassifyRequest request) {
        return classifier.classify(request.message(), request.language());
    }

    /** Every trained version with its held-out scores; the ACTIVE one classifies. */
    @GetMapping("/models")
    List<ModelVersion> models() {
        return classifier.versions();
    }

    /**
     * Trains a candidate on the shipped set plus the reasons people set or confirmed, and switches to it only when
     * it scores at least as well on the held-out set.
     */
    @PostMapping("/models/reason/retrain")
    ReasonClassifier.Retraining retrain(Authentication caller) {
        return classifier.retrain(Actor.of(caller).userId());
    }
}
