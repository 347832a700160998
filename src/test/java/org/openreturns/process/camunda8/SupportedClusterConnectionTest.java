package org.openreturns.process.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import io.camunda.client.spring.properties.CamundaClientAuthProperties.AuthMethod;
import io.camunda.client.spring.properties.CamundaClientProperties;
import io.camunda.client.spring.properties.CamundaClientProperties.ClientMode;
import io.camunda.client.spring.properties.CamundaClientPropertiesPostProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Where the {@code camunda8} profile connects, resolved as the application resolves it: {@code
 * application-camunda8.yml}, the given environment variables and the starter's own post-processing (its mode and
 * authentication defaults, 8.8.14), without starting anything.
 */
class SupportedClusterConnectionTest {

    @Test
    void withoutSettingsTheStartersSelfManagedDefaultsApply() {
        CamundaClientProperties client = resolve(Map.of());

        assertThat(client.getMode()).isEqualTo(ClientMode.selfManaged);
        assertThat(client.getRestAddress()).isEqualTo(URI.create("http://localhost:8088"));
        assertThat(client.getGrpcAddress()).isEqualTo(URI.create("http://localhost:26500"));
        assertThatCode(() -> SupportedClusterConnection.requireSupported(client)).doesNotThrowAnyException();
    }

    @Test
    void theAddressesComeFromTheEnvironment() {
        CamundaClientProperties client = resolve(Map.of("CAMUNDA_CLIENT_RESTADDRESS", "http://camunda:8080",
                "CAMUNDA_CLIENT_GRPCADDRESS", "http://camunda:26500", "CAMUNDA_CLIENT_AUTH_METHOD", "basic",
                "CAMUNDA_CLIENT_AUTH_USERNAME", "demo", "CAMUNDA_CLIENT_AUTH_PASSWORD", "demo"));

        assertThat(client.getRestAddress()).isEqualTo(URI.create("http://camunda:8080"));
        assertThat(client.getGrpcAddress()).isEqualTo(URI.create("http://camunda:26500"));
        assertThatCode(() -> SupportedClusterConnection.requireSupported(client)).doesNotThrowAnyException();
    }

    @Test
    void aSaasClusterGetsTheStartersSaasAddressesAndStopsTheStartSayingWhy() {
        CamundaClientProperties client = resolve(Map.of("CAMUNDA_CLIENT_MODE", "saas",
                "CAMUNDA_CLIENT_CLOUD_CLUSTERID", "c-1",
                "CAMUNDA_CLIENT_CLOUD_REGION", "bru-2", "CAMUNDA_CLIENT_AUTH_CLIENTID", "id",
                "CAMUNDA_CLIENT_AUTH_CLIENTSECRET", "secret"));

        assertThat(client.getMode()).isEqualTo(ClientMode.saas);
        assertThat(client.getRestAddress().getHost()).as("no localhost override").isEqualTo("bru-2.zeebe.camunda.io");
        assertThatThrownBy(() -> SupportedClusterConnection.requireSupported(client))
                .hasMessageContaining("does not support Camunda SaaS");
    }

    @Test
    void aSaasClusterIdAloneStopsTheStartToo() {
        CamundaClientProperties client = resolve(Map.of("CAMUNDA_CLIENT_CLOUD_CLUSTERID", "c-1"));

        assertThatThrownBy(() -> SupportedClusterConnection.requireSupported(client))
                .hasMessageContaining("does not support Camunda SaaS");
    }

    @Test
    void aClusterSecuredWithOidcStopsTheStartSayingWhy() {
        CamundaClientProperties client = resolve(Map.of("CAMUNDA_CLIENT_RESTADDRESS", "http://camunda:8080",
                "CAMUNDA_CLIENT_AUTH_CLIENTID", "open-returns", "CAMUNDA_CLIENT_AUTH_CLIENTSECRET", "secret"));

        assertThat(client.getAuth().getMethod()).isEqualTo(AuthMethod.oidc);
        assertThatThrownBy(() -> SupportedClusterConnection.requireSupported(client))
                .hasMessageContaining("does not support a cluster secured with OIDC")
                .hasMessageContaining("CAMUNDA_CLIENT_AUTH_METHOD=basic");
    }

    private static CamundaClientProperties resolve(Map<String, Object> environmentVariables) {
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                environmentVariables));
        try {
            new YamlPropertySourceLoader().load("application-camunda8",
                    new ClassPathResource("application-camunda8.yml")).forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // As SpringApplication does: property names resolve relaxed (e.g. from environment variables), values convert
        // leniently (self-managed to ClientMode.selfManaged).
        environment.setConversionService(new ApplicationConversionService());
        ConfigurationPropertySources.attach(environment);
        new CamundaClientPropertiesPostProcessor(new DeferredLogs()).postProcessEnvironment(environment,
                new SpringApplication());
        return Binder.get(environment).bind("camunda.client", CamundaClientProperties.class).get();
    }
}
