package org.openreturns.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every input column of a decision table is used by at least one rule: a column every rule ignores tells the analyst
 * reading the table that it matters when it does not (the eligibility table once had a channel column no rule read).
 * The facts stay available to the table, so a column can come back with the rule that needs it.
 */
class DecisionTableColumnsTest {

    private static final String DMN_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";

    static Stream<Path> decisionTables() throws IOException {
        return Files.list(Path.of("bpmn")).filter(file -> file.toString().endsWith(".dmn")).sorted();
    }

    @ParameterizedTest
    @MethodSource("decisionTables")
    void everyInputColumnIsUsedBySomeRule(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document dmn = factory.newDocumentBuilder().parse(file.toFile());
        NodeList tables = dmn.getElementsByTagNameNS(DMN_NS, "decisionTable");
        assertThat(tables.getLength()).as("decision tables in %s", file).isPositive();
        for (int t = 0; t < tables.getLength(); t++) {
            Element table = (Element) tables.item(t);
            List<String> unused = new ArrayList<>();
            List<Element> inputs = children(table, "input");
            List<Element> rules = children(table, "rule");
            for (int column = 0; column < inputs.size(); column++) {
                int index = column;
                boolean used = rules.stream().map(rule -> children(rule, "inputEntry").get(index))
                        .map(entry -> entry.getTextContent().strip())
                        .anyMatch(text -> !text.isEmpty() && !text.equals("-"));
                if (!used) {
                    unused.add(inputs.get(column).getAttribute("label"));
                }
            }
            assertThat(unused).as("input columns of %s that no rule uses", file).isEmpty();
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element child && DMN_NS.equals(child.getNamespaceURI())
                    && localName.equals(child.getLocalName())) {
                children.add(child);
            }
        }
        return children;
    }
}
