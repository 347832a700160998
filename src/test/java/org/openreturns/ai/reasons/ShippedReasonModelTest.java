package org.openreturns.ai.reasons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The build trains the shipped model (Maven's process-classes phase), and the application loads it at start-up
 * instead of training: it must be there, match this build's data and code, and classify as well as the test
 * demands of a freshly trained model; kept as bytes and read back, a model classifies exactly as before.
 */
class ShippedReasonModelTest {

    private final List<LabelledMessage> heldOut = ReasonDataSet.heldOut();

    @Test
    void theBuildShipsAModelTrainedFromThisBuildsDataAndCode() {
        Optional<ReasonModel> shipped = ShippedReasonModel.load(ReasonClassifier.SHIPPED_VERSION);

        assertThat(shipped).as(ShippedReasonModel.RESOURCE + " built from this data and code").isPresent();
        assertThat(shipped.get().version()).isEqualTo(ReasonClassifier.SHIPPED_VERSION);
        assertThat(ModelEvaluation.of(shipped.get(), heldOut).macroF1()).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void aModelReadBackFromItsBytesClassifiesExactlyAsBefore() {
        ReasonModel model = ShippedReasonModel.load(ReasonClassifier.SHIPPED_VERSION).orElseThrow();

        ReasonModel readBack = ReasonModel.fromBytes("read-back", model.toBytes());

        for (LabelledMessage message : heldOut.subList(0, 200)) {
            ReasonSuggestion before = model.classify(message.message(), null);
            ReasonSuggestion after = readBack.classify(message.message(), null);
            assertThat(after.alternatives()).as(message.message()).isEqualTo(before.alternatives());
            assertThat(after.language()).isEqualTo(before.language());
        }
    }
}
