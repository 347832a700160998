package org.openreturns.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openreturns.catalog.LocationType;
import org.openreturns.returns.Grade;
import org.openreturns.returns.ReturnLineView;
import org.openreturns.system.FieldProblem;

/** The rules an inspection must satisfy before it is recorded, and how it reads in the timeline. */
class InspectionServiceTest {

    private static final ReturnLineView T_SHIRT = line(List.of());
    private static final ReturnLineView WATCH = line(List.of("SN-1", "SN-2"));

    @Test
    void aCompleteInspectionOfAPlainItemPasses() {
        assertThat(InspectionService.check(findings("A", null, false), T_SHIRT)).isEmpty();
    }

    @Test
    void aSerializedItemNeedsTheReceivedSerial() {
        assertThat(InspectionService.check(findings("A", " ", true), WATCH))
                .extracting(FieldProblem::field).containsExactly("receivedSerial");
    }

    @Test
    void aSerialSaidToMatchMustHaveBeenSoldOnTheLine() {
        assertThat(InspectionService.check(findings("A", "SN-9", true), WATCH))
                .containsExactly(new FieldProblem("serialMatches", "serial SN-9 was not sold on line 1 (sold: SN-1, SN-2)"));
        assertThat(InspectionService.check(findings("A", "SN-2", true), WATCH)).isEmpty();
    }

    @Test
    void anUnknownGradeAndUnansweredChecksAreNamed() {
        InspectionFindings findings = new InspectionFindings("F", null, null, true, null, true, null, null, List.of(),
                "quality1");
        assertThat(InspectionService.check(findings, T_SHIRT)).extracting(FieldProblem::field)
                .containsExactly("grade", "skuMatches", "functional");
    }

    @Test
    void whetherTheSerialMatchesMustBeAnsweredForASerializedItemOnly() {
        InspectionFindings unanswered = new InspectionFindings("A", true, null, true, true, true, "SN-1", null,
                List.of(), "quality1");
        assertThat(InspectionService.check(unanswered, WATCH)).containsExactly(
                new FieldProblem("serialMatches", "is not answered: choose yes (true) or no (false)"));
        assertThat(InspectionService.check(unanswered, T_SHIRT)).isEmpty();
    }

    @Test
    void aMatchingSkuCannotBeClaimedWhenTheWarehouseReceivedAnotherOne() {
        ReturnLineView wrongItem = new ReturnLineView(1, "JEANS-32", 1, "WRONG_ITEM", "UNOPENED", List.of(), 7900,
                "JEANS-34", null, 1, null, null, null, null, null, null, LocationType.QUARANTINE);
        assertThat(InspectionService.check(findings("A", null, false), wrongItem))
                .containsExactly(new FieldProblem("skuMatches", "the warehouse received JEANS-34 for line 1, which sold JEANS-32"));
    }

    @Test
    void evidenceAndAnUnconfirmedReasonAppearInTheSummary() {
        InspectionFindings findings = new InspectionFindings("B", true, null, true, true, false, null, "scuffed",
                List.of("photo-1.jpg", "photo-2.jpg"), "quality1");
        assertThat(InspectionService.summary(Grade.B, findings, false))
                .isEqualTo("Grade B, reason not confirmed, evidence photo-1.jpg, photo-2.jpg; scuffed");
    }

    @Test
    void theSerialFindingIsLeftOutOfTheSummaryOfAnItemWithoutSerial() {
        InspectionFindings tasklistDefaults = findings("A", null, false);

        assertThat(InspectionService.summary(Grade.A, tasklistDefaults, false)).isEqualTo("Grade A");
        assertThat(InspectionService.summary(Grade.A, tasklistDefaults, true))
                .isEqualTo("Grade A, serial does not match");
    }

    private static InspectionFindings findings(String grade, String receivedSerial, boolean serialMatches) {
        return new InspectionFindings(grade, true, serialMatches, true, true, true, receivedSerial, null, List.of(),
                "quality1");
    }

    private static ReturnLineView line(List<String> soldSerials) {
        return new ReturnLineView(1, "SKU", 1, "CHANGED_MIND", "UNOPENED", soldSerials, 1000, "SKU", null, 1, null,
                null, null, null, null, null, LocationType.QUARANTINE);
    }
}
