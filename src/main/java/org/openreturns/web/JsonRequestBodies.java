package org.openreturns.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * How the HTTP API reads JSON: a value of the wrong type is refused, never converted ({@code "2"} or {@code 1.5} for
 * a whole number, {@code true} or {@code 7} for a text, {@code 1} for an enum), and so is a field the request does
 * not have, since a misspelt optional field ({@code reasonCod}) would otherwise be dropped without a word.
 * <p>
 * The strict settings apply to a copy of Spring Boot's mapper used only for the API's request bodies: the Camunda 8
 * client reads process variables and cluster answers with Spring Boot's mapper itself (and switches its unknown
 * field check off), which must stay as lenient as those need.
 */
@Configuration(proxyBeanMethods = false)
class JsonRequestBodies {

    /** Takes the place of Spring Boot's own converter of the same type. */
    @Bean
    MappingJackson2HttpMessageConverter apiJsonConverter(ObjectMapper springObjectMapper) {
        return new ProblemCollectingJsonConverter(strict(springObjectMapper.copy()));
    }

    static ObjectMapper strict(ObjectMapper mapper) {
        // FAIL_ON_NULL_FOR_PRIMITIVES stays off: it refuses a record whose optional flag (a boolean) is left out.
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // A whole number is a valid JSON number for a decimal field (1 for 1.00), so Integer to Float stays allowed.
        refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer,
                CoercionInputShape.Float);
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        mapper.registerModule(new SimpleModule("texts without NUL").addDeserializer(String.class, new TextWithoutNul()));
        return mapper;
    }

    /**
     * PostgreSQL cannot store the character U+0000 in a text: a value holding it would fail deep in a repository
     * with a database error, so it is refused where the body is read, naming its field.
     */
    static final class TextWithoutNul extends StdScalarDeserializer<String> {

        TextWithoutNul() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                throw InvalidFormatException.from(parser, NUL_PROBLEM, text, String.class);
            }
            return text;
        }
    }

    static final String NUL_PROBLEM = "must not contain the character U+0000 (NUL)";

    private static void refuse(ObjectMapper mapper, LogicalType target, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
        }
    }
}
