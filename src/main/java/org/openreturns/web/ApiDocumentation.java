package org.openreturns.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.openreturns.system.ApiAuthorization;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The OpenAPI description of the HTTP API ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}), which
 * springdoc generates from the controllers. Both are readable without a login: they describe the open-source code,
 * not data; calling the API itself needs a user's HTTP basic credentials, as the description declares, and each
 * operation says which groups may call it (docs/authorization.md).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String BASIC_AUTH = "basicAuth";

    @Bean
    OpenAPI openReturnsApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Open Returns API")
                        .description("Returns orchestration for online retailers: orders come in from the sales "
                                + "channels, customers' returns are requested, received, inspected and resolved "
                                + "(refund, replacement, repair) by a BPMN process, with stock and money ledgers. "
                                + "Errors are RFC 9457 problem details whose `errors` list names each offending "
                                + "field and its problem.")
                        .version("v1")
                        .license(new License().name("Apache License, Version 2.0")
                                .url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components().addSecuritySchemes(BASIC_AUTH, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("A user of Open Returns, the same as in Tasklist (on the embedded default the demo "
                                + "users such as support1 with the password demo)")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH));
    }

    /** Each operation names the groups that may call it, from the one matrix the security filter enforces. */
    @Bean
    OpenApiCustomizer groupsOfEachOperation() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                ApiAuthorization.ruleFor(HttpMethod.valueOf(method.name()), path).ifPresent(rule -> operation
                        .description((operation.getDescription() == null ? "" : operation.getDescription() + "\n\n")
                                + (rule.signedByChannel() ? "No login: the channel signs each request with its "
                                + "secret (docs/channels.md)." : "For the groups: "
                                + String.join(", ", rule.groupsInOrder()) + ".")))));
    }
}
