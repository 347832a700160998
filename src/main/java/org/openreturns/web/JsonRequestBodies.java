package org.openreturns.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/** How the HTTP API reads and writes JSON: Spring Boot's settings, with every bad value of a request named. */
@Configuration(proxyBeanMethods = false)
class JsonRequestBodies {

    /** Takes the place of Spring Boot's own converter of the same type. */
    @Bean
    MappingJackson2HttpMessageConverter apiJsonConverter(ObjectMapper springObjectMapper) {
        return new ProblemCollectingJsonConverter(springObjectMapper);
    }
}
