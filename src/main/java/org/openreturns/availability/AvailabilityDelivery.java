package org.openreturns.availability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openreturns.availability.AvailabilityOutbox.Claimed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the pending figures of the availability outbox to the channels, on a thread of its own: claims a batch of due
 * figures in a short transaction, POSTs them in parallel outside any transaction, then records what each channel
 * answered. The ledger and the return process never wait for it or for a channel.
 *
 * <p>A 2xx answer delivers the figure. Any other answer, a timeout or no connection leaves it pending, to be tried
 * again after an exponential backoff; a newer figure of the SKU meanwhile replaces it. An answer saying the channel is
 * down or overloaded (5xx, 408, 429, no answer) pauses the whole channel for the backoff too, so an hour's outage
 * costs a few requests per pause, not one per SKU; a 4xx refusal of one figure holds back that SKU only.
 */
@Component
public class AvailabilityDelivery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityDelivery.class);
    private static final int ERROR_TEXT_LIMIT = 500;

    private final AvailabilityOutbox outbox;
    private final AvailabilitySettings settings;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final HttpClient http;
    private ScheduledExecutorService executor;

    AvailabilityDelivery(AvailabilityOutbox outbox, AvailabilitySettings settings,
                         PlatformTransactionManager transactionManager, ObjectMapper json) {
        this.outbox = outbox;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactionManager);
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What one delivery came to. */
    private record Outcome(Claimed claimed, boolean accepted, boolean channelDown, String error) {
    }

    /**
     * Delivers the due figures, batch after batch, until none is due; answers how many the channels accepted. Safe to
     * run on several nodes and threads at once: each claims different rows.
     */
    public int deliverDue() {
        int accepted = 0;
        while (true) {
            List<Claimed> batch = transaction.execute(status ->
                    outbox.claimDue(settings.batchSize(), settings.claimFor()));
            if (batch == null || batch.isEmpty()) {
                return accepted;
            }
            List<CompletableFuture<Outcome>> sending = batch.stream().map(this::send).toList();
            List<Outcome> outcomes = sending.stream().map(CompletableFuture::join).toList();
            transaction.executeWithoutResult(status -> record(outcomes));
            accepted += (int) outcomes.stream().filter(Outcome::accepted).count();
            if (batch.size() < settings.batchSize()) {
                return accepted;
            }
        }
    }

    private CompletableFuture<Outcome> send(Claimed claimed) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(claimed.url())).timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(claimed.figure())));
        } catch (JsonProcessingException | IllegalArgumentException unusable) {
            return CompletableFuture.completedFuture(new Outcome(claimed, false, true,
                    "Cannot send to " + claimed.url() + ": " + unusable.getMessage()));
        }
        if (claimed.token() != null) {
            request.header("Authorization", "Bearer " + claimed.token());
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> outcome(claimed, response, failure));
    }

    private static Outcome outcome(Claimed claimed, HttpResponse<String> response, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            String what = cause instanceof HttpTimeoutException ? "no answer in time"
                    : cause instanceof IOException ? "no connection (" + cause + ")" : cause.toString();
            return new Outcome(claimed, false, true, limit(what + " from " + claimed.url()));
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Outcome(claimed, true, false, null);
        }
        boolean channelDown = status >= 500 || status == 408 || status == 429 || status < 200;
        String body = response.body() == null ? "" : response.body().strip();
        return new Outcome(claimed, false, channelDown,
                limit("HTTP " + status + " from " + claimed.url() + (body.isEmpty() ? "" : ": " + body)));
    }

    private static String limit(String text) {
        return text.length() <= ERROR_TEXT_LIMIT ? text : text.substring(0, ERROR_TEXT_LIMIT) + "...";
    }

    private void record(List<Outcome> outcomes) {
        Map<String, List<Outcome>> byChannel = new LinkedHashMap<>();
        outcomes.forEach(outcome -> byChannel.computeIfAbsent(outcome.claimed().channel(), channel -> new ArrayList<>())
                .add(outcome));
        byChannel.forEach((channel, ofChannel) -> {
            List<AvailabilityFigure> accepted = ofChannel.stream().filter(Outcome::accepted)
                    .map(outcome -> outcome.claimed().figure()).toList();
            if (!accepted.isEmpty()) {
                outbox.delivered(channel, accepted);
            }
            Outcome lastFailure = null;
            boolean down = false;
            for (Outcome outcome : ofChannel) {
                if (!outcome.accepted()) {
                    outbox.failed(channel, outcome.claimed().figure().sku(), outcome.error(),
                            settings.backoff(outcome.claimed().attempts() + 1, ThreadLocalRandom.current().nextDouble()));
                    lastFailure = outcome;
                    down |= outcome.channelDown();
                }
            }
            if (lastFailure != null) {
                // One failure of the channel per batch, however many of its figures the batch held.
                int failures = outbox.channelFailed(channel, lastFailure.error());
                if (down) {
                    Duration pause = settings.backoff(failures, ThreadLocalRandom.current().nextDouble());
                    outbox.pauseChannel(channel, pause);
                    log.warn("Channel {} did not take availability figures ({} failures in a row), paused for {}: {}",
                            channel, failures, pause, lastFailure.error());
                }
            }
        });
    }

    private void deliverWithoutFailing() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // The next round tries again; a failed round must not end the schedule.
            log.error("Delivering availability figures failed; trying again in {}", settings.pollInterval(), e);
        }
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "availability-delivery");
            thread.setDaemon(true);
            return thread;
        });
        long poll = settings.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::deliverWithoutFailing, poll, poll, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
