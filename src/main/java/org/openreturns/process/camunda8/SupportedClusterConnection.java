package org.openreturns.process.camunda8;

import io.camunda.client.spring.properties.CamundaClientAuthProperties.AuthMethod;
import io.camunda.client.spring.properties.CamundaClientProperties;
import io.camunda.client.spring.properties.CamundaClientProperties.ClientMode;
import org.openreturns.process.Runtimes;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Stops the start of the {@code camunda8} profile on a connection it cannot serve: a Camunda SaaS cluster, or any
 * cluster whose client authenticates with OIDC. The application's API checks each caller's password with the
 * cluster's basic authentication ({@code GET /v2/authentication/me}) and creates its users and groups through
 * {@code /v2/users} and {@code /v2/groups}; neither works where people log in through an identity provider. Rather
 * than start and refuse every login, the start fails with what to change (docs/adr/0011-camunda-8-runtime.md).
 *
 * <p>Mode and method are read after the starter has resolved them (an unset method with a client id and secret is
 * OIDC). {@code application-camunda8.yml} sets the mode to self-managed, which turns off the starter's own SaaS
 * detection by cluster id, so a cluster id counts as SaaS here.
 */
@Component
@Profile(Runtimes.CAMUNDA8)
class SupportedClusterConnection {

    SupportedClusterConnection(CamundaClientProperties client) {
        requireSupported(client);
    }

    static void requireSupported(CamundaClientProperties client) {
        if (client.getMode() == ClientMode.saas || hasText(client.getCloud().getClusterId())) {
            throw new IllegalStateException("The camunda8 profile does not support Camunda SaaS"
                    + " (camunda.client.mode=saas, or a camunda.client.cloud.cluster-id is set): its API logins and"
                    + " users need a self-managed cluster with basic authentication. Set CAMUNDA_CLIENT_RESTADDRESS"
                    + " and CAMUNDA_CLIENT_GRPCADDRESS to a self-managed cluster (see docs/adr/0011-camunda-8-runtime.md)");
        }
        AuthMethod method = client.getAuth() == null ? null : client.getAuth().getMethod();
        if (method == AuthMethod.oidc) {
            throw new IllegalStateException("The camunda8 profile does not support a cluster secured with OIDC"
                    + " (camunda.client.auth.method=oidc, or a client id and secret are set): its API logins check"
                    + " passwords with the cluster's basic authentication. Use CAMUNDA_CLIENT_AUTH_METHOD=basic with"
                    + " CAMUNDA_CLIENT_AUTH_USERNAME and CAMUNDA_CLIENT_AUTH_PASSWORD, or none"
                    + " (see docs/adr/0011-camunda-8-runtime.md)");
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
