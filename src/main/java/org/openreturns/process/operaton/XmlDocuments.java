package org.openreturns.process.operaton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.openreturns.process.models.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The few DOM operations the model translation needs, with parsing locked down against XML entity attacks. */
final class XmlDocuments {

    private XmlDocuments() {
    }

    /** Parses the file as {@link SafeXml} does; a file that is not XML is refused, naming it. */
    static Document parse(String fileName, byte[] content) {
        try {
            return SafeXml.parse(content);
        } catch (SAXException | IOException e) {
            throw new ModelTranslationException(fileName + ": cannot be read as XML: " + e.getMessage(), e);
        }
    }

    /** UTF-8 bytes; the same document always gives the same bytes, which deployment's duplicate filter relies on. */
    static byte[] serialize(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            // Without this the declaration gains standalone="no", which the source files never have.
            document.setXmlStandalone(true);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(bytes));
            return bytes.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("Cannot serialize a translated model", e);
        }
    }

    static void declareNamespace(Element root, String prefix, String namespace) {
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE + ":" + prefix,
                namespace);
    }

    /**
     * Every element of that name in document order, as a copy: the DOM's own list is live and would shift while
     * the translation changes the document.
     */
    static List<Element> elements(Document document, String namespace, String localName) {
        return copy(document.getElementsByTagNameNS(namespace, localName));
    }

    static List<Element> childElements(Element parent, String namespace, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                children.add(element);
            }
        }
        return children;
    }

    static boolean hasChildElements(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element) {
                return true;
            }
        }
        return false;
    }

    /** Removes the element together with the indentation before it, so no blank line is left behind. */
    static void remove(Element element) {
        Node previous = element.getPreviousSibling();
        if (previous != null && previous.getNodeType() == Node.TEXT_NODE && previous.getTextContent().isBlank()) {
            previous.getParentNode().removeChild(previous);
        }
        element.getParentNode().removeChild(element);
    }

    private static List<Element> copy(NodeList nodes) {
        List<Element> elements = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
