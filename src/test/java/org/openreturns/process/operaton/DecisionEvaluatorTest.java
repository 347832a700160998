package org.openreturns.process.operaton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.operaton.bpm.engine.RepositoryService;
import org.openreturns.ReturnsIntegrationTest;
import org.openreturns.process.DecisionEvaluator;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Decisions evaluated per return line through the engine-neutral port, on the embedded engine, with a test DMN in
 * Camunda 8 form deployed through the same translation as {@code bpmn/}.
 */
@ReturnsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionEvaluatorTest {

    /** COLLECT over outputs of every type a Camunda 8 table declares, and a FIRST table of one output. */
    private static final String DECISIONS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="test-line-decisions"
                name="test-line-decisions" namespace="http://camunda.org/schema/1.0/dmn">
              <decision id="test-line-checks" name="Checks of a line">
                <decisionTable id="ChecksTable" hitPolicy="COLLECT">
                  <input id="InCategory"><inputExpression id="InCategoryExpr" typeRef="string"><text>category</text></inputExpression></input>
                  <input id="InPrice"><inputExpression id="InPriceExpr" typeRef="number"><text>price</text></inputExpression></input>
                  <output id="OutCheck" name="check" typeRef="string" />
                  <output id="OutBlocking" name="blocking" typeRef="boolean" />
                  <output id="OutWeight" name="weight" typeRef="number" />
                  <output id="OutPoints" name="points" typeRef="integer" />
                  <output id="OutNote" name="note" />
                  <rule id="Serial">
                    <inputEntry id="SerialCategory"><text>"watches"</text></inputEntry>
                    <inputEntry id="SerialPrice"><text>-</text></inputEntry>
                    <outputEntry id="SerialCheck"><text>"SERIAL"</text></outputEntry>
                    <outputEntry id="SerialBlocking"><text>true</text></outputEntry>
                    <outputEntry id="SerialWeight"><text>1.5</text></outputEntry>
                    <outputEntry id="SerialPoints"><text>3</text></outputEntry>
                    <outputEntry id="SerialNote"><text>"serial number on the label"</text></outputEntry>
                  </rule>
                  <rule id="HighValue">
                    <inputEntry id="HighValueCategory"><text>-</text></inputEntry>
                    <inputEntry id="HighValuePrice"><text>&gt; 100</text></inputEntry>
                    <outputEntry id="HighValueCheck"><text>"HIGH_VALUE"</text></outputEntry>
                    <outputEntry id="HighValueBlocking"><text>false</text></outputEntry>
                    <outputEntry id="HighValueWeight"><text>2</text></outputEntry>
                    <outputEntry id="HighValuePoints"><text>5</text></outputEntry>
                    <outputEntry id="HighValueNote"><text>price * 2</text></outputEntry>
                  </rule>
                  <rule id="Visual">
                    <inputEntry id="VisualCategory"><text>-</text></inputEntry>
                    <inputEntry id="VisualPrice"><text>-</text></inputEntry>
                    <outputEntry id="VisualCheck"><text>"VISUAL"</text></outputEntry>
                    <outputEntry id="VisualBlocking"><text>false</text></outputEntry>
                    <outputEntry id="VisualWeight"><text>0.5</text></outputEntry>
                    <outputEntry id="VisualPoints"><text>1</text></outputEntry>
                    <outputEntry id="VisualNote"><text></text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
              <decision id="test-line-route" name="Route of a line">
                <decisionTable id="RouteTable" hitPolicy="FIRST">
                  <input id="InRouteCategory"><inputExpression id="InRouteCategoryExpr" typeRef="string"><text>category</text></inputExpression></input>
                  <output id="OutRoute" name="route" typeRef="string" />
                  <rule id="Vault">
                    <inputEntry id="VaultCategory"><text>"watches"</text></inputEntry>
                    <outputEntry id="VaultRoute"><text>"%s"</text></outputEntry>
                  </rule>
                  <rule id="Shelf">
                    <inputEntry id="ShelfCategory"><text>not("unknown")</text></inputEntry>
                    <outputEntry id="ShelfRoute"><text>"SHELF"</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
              <decision id="test-line-size" name="Size of a line, as a FEEL context">
                <decisionTable id="SizeTable">
                  <input id="InSizeCategory"><inputExpression id="InSizeCategoryExpr" typeRef="string"><text>category</text></inputExpression></input>
                  <output id="OutSize" name="size" />
                  <rule id="Size">
                    <inputEntry id="SizeCategory"><text>-</text></inputEntry>
                    <outputEntry id="SizeContext"><text>{width: 10, height: 20}</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    @Autowired
    DecisionEvaluator decisions;
    @Autowired
    RepositoryService repositoryService;

    @BeforeAll
    void deployTwoVersionsOfTheTestDecisions() {
        deploy(DECISIONS.formatted("OLD_VAULT"));
        deploy(DECISIONS.formatted("VAULT"));
    }

    @Test
    void everyMatchedRuleOfACollectTableIsReturnedWithPlainValues() {
        List<Map<String, Object>> results = decisions.evaluate("test-line-checks",
                Map.of("category", "watches", "price", 649));

        assertThat(results).hasSize(3);
        assertThat(results.get(0)).isEqualTo(Map.of("check", "SERIAL", "blocking", true, "weight", 1.5, "points", 3L,
                "note", "serial number on the label"));
        assertThat(results.get(1)).containsEntry("weight", 2.0).containsEntry("points", 5L)
                .containsEntry("note", 1298L);
        assertThat(results.get(2)).containsEntry("check", "VISUAL");
        assertThat(results.get(2).get("note")).as("an empty output cell").isNull();
        assertThat(results).allSatisfy(entries -> assertThat(entries.values())
                .allSatisfy(value -> assertThat(value).satisfiesAnyOf(plain -> assertThat(plain).isNull(),
                        plain -> assertThat(plain).isInstanceOfAny(String.class, Boolean.class, Long.class,
                                Double.class))));
    }

    @Test
    void aFirstTableGivesAtMostOneResultFromTheLatestVersion() {
        assertThat(decisions.evaluate("test-line-route", Map.of("category", "watches")))
                .containsExactly(Map.of("route", "VAULT"));
        assertThat(decisions.evaluate("test-line-route", Map.of("category", "unknown"))).isEmpty();
    }

    @Test
    void anUnknownDecisionIsRefusedNamingIt() {
        assertThatThrownBy(() -> decisions.evaluate("no-such-decision", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'no-such-decision'");
    }

    @Test
    void anOutputThatIsNotAPlainValueIsRefusedNamingTheDecisionAndOutput() {
        assertThatThrownBy(() -> decisions.evaluate("test-line-size", Map.of("category", "jeans")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'test-line-size'").hasMessageContaining("'size'");
    }

    @Test
    void aMissingInputIsNullToTheTable() {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("category", null);

        assertThat(decisions.evaluate("test-line-checks", inputs)).extracting(entries -> entries.get("check"))
                .containsExactly("VISUAL");
    }

    private void deploy(String dmn) {
        CamundaModelTranslator translator = new CamundaModelTranslator("PT0S", "P1D");
        byte[] translated = translator.translateDmn("test-line-decisions.dmn", dmn.getBytes()).content();
        repositoryService.createDeployment().name("test-line-decisions")
                .addInputStream("test-line-decisions.dmn", new ByteArrayInputStream(translated)).deploy();
    }
}
