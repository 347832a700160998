package org.openreturns.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openreturns.returns.ReturnLineView;
import org.openreturns.system.FieldProblem;

/** The rules an inspection must satisfy before it is recorded, and how it reads in the timeline. */
class InspectionServiceTest {

    private static final ReturnLineView T_SHIRT = line(List.of());
    private static final ReturnLineView WATCH = line(List.of("SN-1", "SN-2"));

    @Test
    void aCompleteInspectionOfAPlainItemPasses() {
        assertThat(InspectionService.check(findings("A", null, false), List.of(T_SHIRT))).isEmpty();
    }

    @Test
    void aSerializedItemNeedsTheReceivedSerial() {
        assertThat(InspectionService.check(findings("A", " ", true), List.of(WATCH)))
                .extracting(FieldProblem::field).containsExactly("receivedSerial");
    }

    @Test
    void aSerialSaidToMatchMustHaveBeenSoldOnTheLine() {
        assertThat(InspectionService.check(findings("A", "SN-9", true), List.of(WATCH)))
                .containsExactly(new FieldProblem("serialMatches", "serial SN-9 was not sold on line 1 (sold: SN-1, SN-2)"));
        assertThat(InspectionService.check(findings("A", "SN-2", true), List.of(WATCH))).isEmpty();
    }

    @Test
    void anUnknownGradeAndUnansweredChecksAreNamed() {
        InspectionFindings findings = new InspectionFindings("F", null, null, true, null, true, null, null, "quality1");
        assertThat(InspectionService.check(findings, List.of(T_SHIRT))).extracting(FieldProblem::field)
                .containsExactly("grade", "skuMatches", "functional");
    }

    @Test
    void theSerialFindingIsLeftOutOfTheSummaryOfAnItemWithoutSerial() {
        InspectionFindings tasklistDefaults = findings("A", null, false);

        assertThat(InspectionService.summary(Grade.A, tasklistDefaults, false)).isEqualTo("Grade A");
        assertThat(InspectionService.summary(Grade.A, tasklistDefaults, true))
                .isEqualTo("Grade A, serial does not match");
    }

    private static InspectionFindings findings(String grade, String receivedSerial, boolean serialMatches) {
        return new InspectionFindings(grade, true, serialMatches, true, true, true, receivedSerial, null, "quality1");
    }

    private static ReturnLineView line(List<String> soldSerials) {
        return new ReturnLineView(1, "SKU", 1, "CHANGED_MIND", "UNOPENED", soldSerials, 1000, null, null, null, null,
                null);
    }
}
