package org.openreturns.process.operaton;

import static org.openreturns.process.operaton.XmlDocuments.childElements;
import static org.openreturns.process.operaton.XmlDocuments.elements;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Translates one DMN file for {@link CamundaModelTranslator}; Operaton runs Camunda 8's DMN nearly unchanged. */
final class DmnTranslation {

    private static final Set<String> DMN_NAMESPACES = Set.of(
            "http://www.omg.org/spec/DMN/20180521/MODEL/",
            "https://www.omg.org/spec/DMN/20191111/MODEL/",
            "https://www.omg.org/spec/DMN/20211108/MODEL/",
            "https://www.omg.org/spec/DMN/20230324/MODEL/");
    private static final String OPERATON_NS = "http://operaton.org/schema/1.0/dmn";

    private final String fileName;
    private final Document document;
    private final String historyTimeToLive;

    DmnTranslation(String fileName, Document document, String historyTimeToLive) {
        this.fileName = fileName;
        this.document = document;
        this.historyTimeToLive = historyTimeToLive;
    }

    TranslatedDecisions translate() {
        Element definitions = document.getDocumentElement();
        String dmnNamespace = definitions.getNamespaceURI();
        if (!DMN_NAMESPACES.contains(dmnNamespace) || !"definitions".equals(definitions.getLocalName())) {
            throw new ModelTranslationException(fileName + ": is not a DMN 1.2 to 1.5 model (no dmn:definitions root)");
        }
        XmlDocuments.declareNamespace(definitions, "operaton", OPERATON_NS);

        // Operaton's type names come from DMN 1.1 and lack FEEL's "number" (DMN-01006); double holds the same values.
        for (Element element : elements(document, "*", "*")) {
            if ("number".equals(element.getAttribute("typeRef"))) {
                element.setAttribute("typeRef", "double");
            }
        }
        List<DecisionShape> shapes = new ArrayList<>();
        for (Element decision : childElements(definitions, dmnNamespace, "decision")) {
            // Operaton refuses to deploy a decision without a history time-to-live (ENGINE-12018).
            if (!decision.hasAttributeNS(OPERATON_NS, "historyTimeToLive")) {
                decision.setAttributeNS(OPERATON_NS, "operaton:historyTimeToLive", historyTimeToLive);
            }
            shapeOf(decision, dmnNamespace).ifPresent(shapes::add);
        }
        return new TranslatedDecisions(XmlDocuments.serialize(document), shapes);
    }

    /** Decisions with other kinds of logic have no shape: Operaton cannot evaluate them, so nothing may call them. */
    private static Optional<DecisionShape> shapeOf(Element decision, String dmnNamespace) {
        String decisionId = decision.getAttribute("id");
        List<Element> tables = childElements(decision, dmnNamespace, "decisionTable");
        if (!tables.isEmpty()) {
            Element table = tables.get(0);
            String hitPolicy = table.hasAttribute("hitPolicy") ? table.getAttribute("hitPolicy") : "UNIQUE";
            int outputCount = childElements(table, dmnNamespace, "output").size();
            return Optional.of(new DecisionShape(decisionId, hitPolicy, table.hasAttribute("aggregation"),
                    outputCount));
        }
        if (!childElements(decision, dmnNamespace, "literalExpression").isEmpty()) {
            return Optional.of(new DecisionShape(decisionId, "UNIQUE", false, 1));
        }
        return Optional.empty();
    }
}
