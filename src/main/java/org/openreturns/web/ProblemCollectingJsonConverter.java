package org.openreturns.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openreturns.system.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.lang.NonNull;

/**
 * Reads JSON request bodies like Spring's converter, but when values have the wrong type or an unknown name it
 * reports every one of them instead of only the first. Jackson 2 stops at the first bad value, so after a failure
 * the body is read again as a tree: the bad value is noted and taken out, and the tree is read again, until it reads
 * or {@value #MOST_PROBLEMS_REPORTED} problems are found. Only the problems are kept from these extra reads.
 */
class ProblemCollectingJsonConverter extends MappingJackson2HttpMessageConverter {

    /**
     * Where inside a field the body stops being JSON the parser accepts, found by reading it token by token (the
     * parser's own exceptions for limits do not say where they happened); null when the body is broken outside any
     * field (not JSON at all, empty, cut off).
     */
    private FieldProblem placeOfBrokenJson(byte[] body) {
        JsonParser parser;
        try {
            parser = getObjectMapper().createParser(body);
        } catch (IOException cannotRead) {
            return null;
        }
        try (parser) {
            JsonToken token;
            do {
                // Each token is read, and with it checked against the parser's limits, until the end or the failure.
                token = parser.nextToken();
            } while (token != null);
            return null;
        } catch (JsonProcessingException broken) {
            JsonPointer place = parser.getParsingContext().pathAsPointer();
            return place.matches() ? null
                    : new FieldProblem(fieldName(place), "is not valid JSON here: " + broken.getOriginalMessage());
        } catch (IOException cannotRead) {
            return null;
        }
    }

    /**
     * A place in the body as problems name fields ({@code lines[0].quantity}), from where the parser stopped: JSON that
     * is broken or beyond the parser's limits (a number of 2,000 digits, nesting 1,000 deep) inside a field.
     */
    private static String fieldName(JsonPointer pointer) {
        StringBuilder name = new StringBuilder();
        for (JsonPointer step = pointer; step != null && !step.matches(); step = step.tail()) {
            if (step.mayMatchElement()) {
                name.append('[').append(step.getMatchingIndex()).append(']');
            } else {
                name.append(name.isEmpty() ? "" : ".").append(step.getMatchingProperty());
            }
            if (name.length() > 200) {
                return name.substring(0, 200) + "...";
            }
        }
        return name.toString();
    }

    /** Bounds the extra reads of one request body. */
    static final int MOST_PROBLEMS_REPORTED = 50;

    ProblemCollectingJsonConverter(ObjectMapper mapper) {
        super(mapper);
    }

    @Override
    @NonNull
    public Object read(@NonNull Type type, Class<?> contextClass, @NonNull HttpInputMessage input) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        try {
            return super.read(type, contextClass, new BufferedInput(body, input.getHeaders()));
        } catch (HttpMessageNotReadableException unreadable) {
            if (unreadable.getCause() instanceof JsonMappingException first && !first.getPath().isEmpty()) {
                throw new InvalidJsonValuesException(everyProblem(first, body, getJavaType(type, contextClass)),
                        input);
            }
            FieldProblem broken = placeOfBrokenJson(body);
            if (broken != null) {
                throw new InvalidJsonValuesException(broken, unreadable, input);
            }
            throw unreadable;
        }
    }

    /** A value Jackson refused, with the value as the request gave it (null when the body could not be read again). */
    record BadValue(JsonMappingException failure, JsonNode given) {
    }

    private List<BadValue> everyProblem(JsonMappingException first, byte[] body, JavaType type) {
        JsonNode document;
        try {
            document = getObjectMapper().readTree(body);
        } catch (IOException notWellFormed) {
            // The first bad value came before a syntax error further on: the syntax error shows on the next try.
            return List.of(new BadValue(first, null));
        }
        ObjectReader reader = getObjectMapper().readerFor(type);
        List<BadValue> problems = new ArrayList<>();
        JsonMappingException failure = first;
        while (true) {
            JsonNode given = takeOut(document, failure.getPath());
            problems.add(new BadValue(failure, given));
            if (given == null || problems.size() >= MOST_PROBLEMS_REPORTED) {
                return problems;
            }
            try {
                reader.readValue(document);
                return problems;
            } catch (JsonMappingException next) {
                if (next.getPath().isEmpty()) {
                    return problems;
                }
                failure = next;
            } catch (IOException other) {
                return problems;
            }
        }
    }

    /**
     * Takes the value at the path out of the document and returns it: a property is removed, a list element becomes
     * null (removing it would shift the index of the elements after it). Null when there is no such value.
     */
    private static JsonNode takeOut(JsonNode document, List<JsonMappingException.Reference> path) {
        JsonNode parent = document;
        for (JsonMappingException.Reference step : path.subList(0, path.size() - 1)) {
            parent = step.getIndex() >= 0 ? parent.path(step.getIndex()) : parent.path(step.getFieldName());
        }
        JsonMappingException.Reference last = path.get(path.size() - 1);
        if (last.getIndex() >= 0 && parent instanceof ArrayNode list && last.getIndex() < list.size()) {
            return list.set(last.getIndex(), NullNode.getInstance());
        }
        return last.getFieldName() != null && parent instanceof ObjectNode object
                ? object.remove(last.getFieldName()) : null;
    }

    private record BufferedInput(byte[] body, HttpHeaders headers) implements HttpInputMessage {

        @Override
        @NonNull
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        @NonNull
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
