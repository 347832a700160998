package org.openreturns.process.camunda8;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camunda.client.CamundaClient;

/**
 * A stand-in for a Camunda 8.8 Orchestration Cluster's REST API ({@code /v2}), for tests that must see what the
 * cluster does with the application's requests without a cluster (no Docker here, and the broker is not open
 * source). It is an HTTP server on a free port that the real Java client talks to (REST preferred over gRPC), so the
 * client's own request building and error mapping are part of the test. Each test installs the cluster's documented
 * rules it relies on as routes (the documentation of each rule is named where it is installed); every request is
 * recorded. A request no route answers gets 404, as the cluster answers for what does not exist.
 */
final class FakeOrchestrationCluster implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the cluster received it; {@code path} without the query, {@code body} null when empty. */
    record Request(String method, String path, String query, JsonNode body, Matcher pathMatch) {
        String pathPart(int group) {
            return pathMatch.group(group);
        }
    }

    /** The cluster's answer: a status and a JSON body (none for 204). */
    record Answer(int status, Object body) {
        static Answer json(int status, Object body) {
            return new Answer(status, body);
        }

        static Answer noContent() {
            return new Answer(204, null);
        }

        /** An RFC 9457 problem as the cluster sends it. */
        static Answer problem(int status, String title, String detail) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", title);
            problem.put("status", status);
            problem.put("detail", detail);
            return new Answer(status, problem);
        }
    }

    private record Route(String method, Pattern path, Function<Request, Answer> answer) {
    }

    private final HttpServer server;
    private final List<Route> routes = Collections.synchronizedList(new ArrayList<>());
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    FakeOrchestrationCluster() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        // Several requests at once, as job pollers and handlers of a client make them.
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** Answers requests of this method whose path matches the pattern (a regular expression, groups allowed). */
    FakeOrchestrationCluster route(String method, String pathPattern, Function<Request, Answer> answer) {
        routes.add(0, new Route(method, Pattern.compile(pathPattern), answer));
        return this;
    }

    String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A real Camunda 8 client for this cluster, talking REST only, without credentials. */
    CamundaClient client() {
        return CamundaClient.newClientBuilder()
                .restAddress(URI.create(address()))
                .grpcAddress(URI.create(address()))
                .preferRestOverGrpc(true)
                .build();
    }

    /** The requests received so far whose method and path match. */
    List<Request> requests(String method, String pathPattern) {
        Pattern pattern = Pattern.compile(pathPattern);
        synchronized (requests) {
            return requests.stream().filter(request -> request.method().equals(method)
                    && pattern.matcher(request.path()).matches()).toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer answer;
            try {
                answer = answer(exchange);
            } catch (RuntimeException e) {
                answer = Answer.problem(500, "INTERNAL", String.valueOf(e));
            }
            send(exchange, answer);
        }
    }

    private Answer answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        byte[] content = exchange.getRequestBody().readAllBytes();
        JsonNode body = content.length == 0 ? null : JSON.readTree(content);
        List<Route> current;
        synchronized (routes) {
            current = List.copyOf(routes);
        }
        for (Route route : current) {
            Matcher match = route.path().matcher(path);
            if (route.method().equals(method) && match.matches()) {
                Request request = new Request(method, path, query, body, match);
                requests.add(request);
                return route.answer().apply(request);
            }
        }
        requests.add(new Request(method, path, query, body, null));
        return Answer.problem(404, "NOT_FOUND", "No " + method + " " + path + " here");
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.body() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(answer.body());
        exchange.getResponseHeaders().set("Content-Type",
                answer.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
