package org.openreturns.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.db.Tables.CARRIER_EVENT;
import static org.openreturns.db.Tables.CHANNEL_STOCK_REPORT;
import static org.openreturns.db.Tables.CUSTOMER;
import static org.openreturns.db.Tables.IDEMPOTENCY_KEY;
import static org.openreturns.db.Tables.OPENING_BALANCE_IMPORT;
import static org.openreturns.db.Tables.ORDER_CANCELLATION;
import static org.openreturns.db.Tables.ORDER_SHIPMENT;
import static org.openreturns.db.Tables.PARCEL_RECEIPT;
import static org.openreturns.db.Tables.PRODUCT;
import static org.openreturns.db.Tables.PURCHASE_ORDER;
import static org.openreturns.db.Tables.PURCHASE_RECEIPT;
import static org.openreturns.db.Tables.REFUND_EXCEPTION;
import static org.openreturns.db.Tables.RETURN_REQUEST;
import static org.openreturns.db.Tables.SALES_CHANNEL;
import static org.openreturns.db.Tables.SALES_ORDER;
import static org.openreturns.db.Tables.STOCK_COUNT;
import static org.openreturns.db.Tables.STOCK_TRANSFER;
import static org.openreturns.db.Tables.SUPPLIER;
import static org.openreturns.db.Tables.WAREHOUSE;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreturns.ReturnsIntegrationTest;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

/**
 * Generated bad input for every operation of the HTTP API, taken from its OpenAPI document so that a new endpoint is
 * covered without a change here: wrong types, nulls, huge numbers and texts, unicode, impossible dates, unknown codes,
 * deep nesting, wrong content types and broken JSON, in any field of the body, in path and query parameters. Whatever
 * comes, the answer is never a 5xx; a refusal is a problem detail (naming the field where a field is to blame) and
 * stores nothing.
 */
@ReturnsIntegrationTest
class ApiBadInputPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The tables that API requests write into directly (background steps of other tests' returns write elsewhere). */
    private static final List<Table<?>> WRITTEN_BY_REQUESTS = List.of(SALES_ORDER, CUSTOMER, RETURN_REQUEST, PRODUCT,
            SUPPLIER, WAREHOUSE, SALES_CHANNEL, REFUND_EXCEPTION, STOCK_COUNT, CHANNEL_STOCK_REPORT, CARRIER_EVENT,
            PARCEL_RECEIPT, IDEMPOTENCY_KEY, ORDER_SHIPMENT, ORDER_CANCELLATION, PURCHASE_RECEIPT,
            STOCK_TRANSFER, OPENING_BALANCE_IMPORT, PURCHASE_ORDER);

    @Autowired
    TestRestTemplate http;

    @Autowired
    DSLContext db;

    List<Operation> operations;

    /** One operation of the API as its OpenAPI document describes it, with a plausible body to spoil. */
    record Operation(HttpMethod method, String path, List<String> pathVariables, List<String> queryParameters,
                     JsonNode plausibleBody) {

        List<String> bodyFields() {
            List<String> fields = new ArrayList<>();
            if (plausibleBody != null) {
                collectFields(plausibleBody, "", fields);
            }
            return fields;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * One bad value as JSON text (Jackson itself refuses to write nesting as deep as some of them) and what it is, for
     * the report of a failing example.
     */
    record BadValue(String what, String json) {

        static BadValue of(String what, JsonNode value) {
            return new BadValue(what, value.toString());
        }

        /**
         * The value as a path or query parameter: a text without its quotes, anything else as its JSON; cut to 2000
         * characters, since Tomcat refuses a request line over 8 KB itself, before the application sees it.
         */
        String asParameter() {
            String text = json.startsWith("\"") ? readJson(json).asText() : json;
            return text.length() > 2000 ? text.substring(0, 2000) : text;
        }

        @Override
        public String toString() {
            return what + " " + (json.length() > 60 ? json.substring(0, 60) + "..." : json);
        }
    }

    /** Stands in the body for the bad value until the body is written as text. */
    private static final String BAD_VALUE_MARKER = "@@bad-value@@";

    /** Where the bad value goes: a field of the body, a path variable, a query parameter or the whole body. */
    enum Target { BODY_FIELD, PATH_VARIABLE, QUERY_PARAMETER, WHOLE_BODY }

    record Example(Operation operation, Target target, int position, BadValue value) {
    }

    @BeforeEach
    void readTheApiDocument() {
        JsonNode document = JSON.valueToTree(http.getForObject("/v3/api-docs", Map.class));
        operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            HttpMethod method = HttpMethod.valueOf(op.getKey().toUpperCase());
            List<String> pathVariables = new ArrayList<>();
            List<String> query = new ArrayList<>();
            op.getValue().path("parameters").forEach(parameter -> {
                ("path".equals(parameter.path("in").asText()) ? pathVariables : query)
                        .add(parameter.path("name").asText());
            });
            JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json")
                    .path("schema");
            JsonNode body = schema.isMissingNode() ? null : plausible(schema, document, 0);
            operations.add(new Operation(method, path.getKey(), pathVariables, query, body));
        }));
        assertThat(operations).as("operations in the API document").hasSizeGreaterThan(20);
    }

    @Test
    void badInputIsRefusedWithAProblemAndStoresNothing() {
        Gen<Example> examples = Generate.pick(operations)
                .zip(Generate.enumValues(Target.class), integers().between(0, 1000), Generate.pick(badValues()),
                        Example::new);
        qt().withExamples(600).withShrinkCycles(5).forAll(examples).checkAssert(this::sendAndCheck);
    }

    private void sendAndCheck(Example example) {
        Operation operation = example.operation();
        long storedBefore = rowsWrittenByRequests();
        Map<String, String> pathValues = new java.util.HashMap<>();
        operation.pathVariables().forEach(name -> pathValues.put(name, UUID.randomUUID().toString()));
        StringBuilder query = new StringBuilder();
        JsonNode body = operation.plausibleBody() == null ? null : operation.plausibleBody().deepCopy();
        String rawBody = null;
        MediaType contentType = MediaType.APPLICATION_JSON;
        String spoiltField = null;

        switch (example.target()) {
            case PATH_VARIABLE -> {
                if (!operation.pathVariables().isEmpty()) {
                    String name = operation.pathVariables().get(example.position() % operation.pathVariables().size());
                    // Tomcat refuses an encoded slash and control characters in a path itself, with its own error
                    // page, before the application sees the request.
                    pathValues.put(name, example.value().asParameter().replaceAll("[/\\p{Cntrl}]", "_"));
                }
            }
            case QUERY_PARAMETER -> {
                if (!operation.queryParameters().isEmpty()) {
                    String name = operation.queryParameters().get(example.position()
                            % operation.queryParameters().size());
                    query.append('?').append(name).append('=').append(UriUtils.encode(example.value().asParameter(),
                            "UTF-8"));
                }
            }
            case BODY_FIELD -> {
                List<String> fields = operation.bodyFields();
                if (!fields.isEmpty()) {
                    spoiltField = fields.get(example.position() % fields.size());
                    body = replace(body, spoiltField, NODES.textNode(BAD_VALUE_MARKER));
                }
            }
            case WHOLE_BODY -> {
                switch (example.position() % 5) {
                    case 0 -> rawBody = "{\"not json";
                    case 1 -> {
                        rawBody = body == null ? "{}" : body.toString();
                        contentType = MediaType.TEXT_PLAIN;
                    }
                    case 2 -> rawBody = "[".repeat(5000) + "]".repeat(5000);
                    case 3 -> rawBody = "";
                    default -> rawBody = example.value().json();
                }
            }
        }
        String path = operation.path();
        for (Map.Entry<String, String> variable : pathValues.entrySet()) {
            path = path.replace("{" + variable.getKey() + "}", UriUtils.encodePathSegment(variable.getValue(),
                    "UTF-8"));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(contentType);
        headers.setBasicAuth("admin", "demo");
        String sent = rawBody != null ? rawBody : body == null ? null
                : body.toString().replace("\"" + BAD_VALUE_MARKER + "\"", example.value().json());
        RequestEntity<String> request = new RequestEntity<>(sent, headers, operation.method(),
                URI.create(http.getRootUri() + path + query));

        ResponseEntity<String> answer = http.exchange(request, String.class);

        String described = operation + " with " + example.target() + " " + (spoiltField == null ? ""
                : spoiltField + " = ") + example.value() + " answered " + answer.getStatusCode() + " "
                + answer.getBody();
        assertThat(answer.getStatusCode().is5xxServerError()).as(described).isFalse();
        if (answer.getStatusCode().isError()) {
            assertThat(answer.getHeaders().getContentType()).as(described)
                    .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
            JsonNode problem = readJson(answer.getBody());
            assertThat(problem.path("status").asInt()).as(described).isEqualTo(answer.getStatusCode().value());
            assertThat(problem.path("detail").asText()).as(described).isNotBlank();
            if (spoiltField != null && answer.getStatusCode().value() == 400 && rawBody == null) {
                List<String> named = new ArrayList<>();
                problem.path("errors").forEach(error -> named.add(error.path("field").asText()));
                assertThat(named).as(described).isNotEmpty();
            }
            assertThat(rowsWrittenByRequests()).as("rows stored by " + described).isEqualTo(storedBefore);
        }
    }

    private long rowsWrittenByRequests() {
        return WRITTEN_BY_REQUESTS.stream().mapToLong(db::fetchCount).sum();
    }

    private static List<BadValue> badValues() {
        return List.of(
                BadValue.of("null", NODES.nullNode()),
                BadValue.of("empty text", NODES.textNode("")),
                BadValue.of("blank text", NODES.textNode("   ")),
                new BadValue("huge whole number", "9".repeat(40)),
                new BadValue("long overflow", "9223372036854775808"),
                new BadValue("int overflow", "2147483648"),
                new BadValue("negative", "-1"),
                new BadValue("zero", "0"),
                new BadValue("huge decimal", "1e400"),
                new BadValue("tiny decimal", "1e-400"),
                new BadValue("many decimals", "19.123456789"),
                new BadValue("very long number", "1" + "0".repeat(2000)),
                BadValue.of("huge text", NODES.textNode("x".repeat(200_000))),
                BadValue.of("unicode", NODES.textNode("Ünïcødé 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u202E 漢字 \uD83D\uDCA9")),
                BadValue.of("control characters", NODES.textNode("a\u0000b\u0007c")),
                new BadValue("lone surrogate", "\"\\uD800\""),
                BadValue.of("impossible date", NODES.textNode("2026-02-30")),
                BadValue.of("impossible date and time", NODES.textNode("2026-13-45T25:61:00Z")),
                BadValue.of("date far away", NODES.textNode("+999999999-12-31T23:59:59Z")),
                BadValue.of("unknown code", NODES.textNode("NOT_A_CODE")),
                BadValue.of("lower-case code", NODES.textNode("restock")),
                BadValue.of("SQL", NODES.textNode("'; drop table return_request; --")),
                BadValue.of("path", NODES.textNode("../../etc/passwd")),
                BadValue.of("boolean", NODES.booleanNode(true)),
                BadValue.of("empty list", NODES.arrayNode()),
                BadValue.of("empty object", NODES.objectNode()),
                new BadValue("deeply nested list", "[".repeat(3000) + "]".repeat(3000)),
                new BadValue("deeply nested object", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)),
                BadValue.of("long list", longList()));
    }

    private static ArrayNode longList() {
        ArrayNode list = NODES.arrayNode();
        for (int i = 0; i < 5000; i++) {
            list.add(NODES.objectNode().put("lineNo", i));
        }
        return list;
    }

    /** A body of the schema's shape with ordinary values, for one bad value to spoil. */
    private static JsonNode plausible(JsonNode schema, JsonNode document, int depth) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return plausible(document.path("components").path("schemas").path(name), document, depth + 1);
        }
        if (depth > 6) {
            return NODES.nullNode();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText("object");
        String format = schema.path("format").asText("");
        return switch (type) {
            case "string" -> switch (format) {
                case "date-time" -> NODES.textNode("2026-03-01T10:00:00Z");
                case "date" -> NODES.textNode("2026-03-01");
                case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                default -> NODES.textNode("TEST-" + UUID.randomUUID().toString().substring(0, 8));
            };
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(new java.math.BigDecimal("9.90"));
            case "boolean" -> NODES.booleanNode(false);
            case "array" -> NODES.arrayNode().add(plausible(schema.path("items"), document, depth + 1));
            default -> {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(property -> object.set(property.getKey(),
                        plausible(property.getValue(), document, depth + 1)));
                yield object;
            }
        };
    }

    /** Every field path of a body, as problems name them: {@code lines[0].quantity}. */
    private static void collectFields(JsonNode node, String prefix, List<String> fields) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> properties = node.fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
                fields.add(path);
                collectFields(property.getValue(), path, fields);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            fields.add(prefix + "[0]");
            collectFields(node.get(0), prefix + "[0]", fields);
        }
    }

    /** The body with the value at the field path replaced. */
    private static JsonNode replace(JsonNode body, String fieldPath, JsonNode value) {
        List<String> steps = Stream.of(fieldPath.split("\\.")).flatMap(step -> step.endsWith("[0]")
                ? Stream.of(step.substring(0, step.length() - 3), "[0]") : Stream.of(step))
                .filter(step -> !step.isEmpty()).toList();
        JsonNode parent = body;
        for (int i = 0; i < steps.size() - 1; i++) {
            parent = "[0]".equals(steps.get(i)) ? parent.get(0) : parent.get(steps.get(i));
        }
        String last = steps.get(steps.size() - 1);
        if ("[0]".equals(last)) {
            ((ArrayNode) parent).set(0, value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return body;
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text == null ? "{}" : text);
        } catch (java.io.IOException notJson) {
            throw new AssertionError("The problem is not JSON: " + text, notJson);
        }
    }
}
