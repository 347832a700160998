package org.openreturns.process.models;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Deploys the models again when a file in the model folders changes, so that a change saved in Camunda Modeler runs
 * without a restart. The folders are read every {@code returns.models.watch-interval} and compared by content, which
 * works on every file system (network and container mounts included, where file events get lost).
 *
 * <p>A changed set is deployed once it stayed the same for one interval (a save in progress is not taken for a broken
 * file). It is validated first; a set with problems is refused, the problems are logged and reported in
 * {@code GET /api/models}, and the previous versions keep running until the files change again. A runtime that cannot
 * be reached (a Camunda 8 cluster still starting) is tried again at the next interval.
 */
@Component
public class ModelWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ModelWatcher.class);

    /** The outcome of the last set handled: deployed, or refused with its problems. */
    public record Outcome(Instant at, String fingerprint, List<String> changedFiles, List<ModelProblem> problems) {
    }

    private final ModelFiles files;
    private final ModelValidation validation;
    private final ModelRuntime runtime;
    private final Clock clock;
    private final Duration interval;

    private ThreadPoolTaskScheduler scheduler;
    /** Fingerprint of the previous read: a set is handled only once two reads in a row agree. */
    private String lastRead;
    /** Fingerprint of the last set deployed or refused: it is not tried again until the files change. */
    private String lastHandled;
    /** The last set deployed: what runs, to which a changed set is compared for the log and the report. */
    private ModelSet lastDeployed;
    private String lastUnreachable;
    private volatile Outcome lastDeployment;
    private volatile Outcome lastRefusal;

    ModelWatcher(ModelFiles files, ModelValidation validation, ModelRuntime runtime, Clock clock,
                 @Value("${returns.models.watch-interval:PT2S}") Duration interval) {
        this.files = files;
        this.validation = validation;
        this.runtime = runtime;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (interval.isZero() || interval.isNegative()) {
            log.info("Model files are not watched (returns.models.watch-interval={}): a change needs a restart",
                    interval);
            return;
        }
        if (!runtime.deploysModels()) {
            log.info("Model files are not watched: the runtime's model deployment is off");
            return;
        }
        lastRead = files.read().fingerprint();
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("model-watcher-");
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(this::check, interval);
        log.info("Watching the model files every {}", interval);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Reads the folders; deploys or refuses the set when it changed and then stayed the same for one interval. */
    void check() {
        ModelSet models;
        try {
            models = files.read();
        } catch (UncheckedIOException e) {
            log.warn("Cannot read the model files ({}); trying again in {}", e.getMessage(), interval);
            return;
        }
        String fingerprint = models.fingerprint();
        boolean settled = fingerprint.equals(lastRead);
        lastRead = fingerprint;
        if (!settled || fingerprint.equals(lastHandled)) {
            return;
        }
        lastUnreachable = null;
        if (lastDeployed != null && fingerprint.equals(lastDeployed.fingerprint())) {
            log.info("The model files are back to the versions deployed last; nothing to deploy");
            lastHandled = fingerprint;
            return;
        }
        List<String> changed = changedFiles(lastDeployed, models);
        List<ModelProblem> problems = validation.problems(models);
        if (problems.isEmpty()) {
            try {
                runtime.deploy(models);
            } catch (InvalidModelsException e) {
                problems = e.problems();
            } catch (RuntimeException e) {
                if (!fingerprint.equals(lastUnreachable)) {
                    log.warn("Cannot deploy the models now ({}); trying again every {}", e.getMessage(), interval);
                    lastUnreachable = fingerprint;
                }
                return;
            }
        }
        lastHandled = fingerprint;
        Outcome outcome = new Outcome(clock.instant(), fingerprint, changed, problems);
        if (problems.isEmpty()) {
            lastDeployment = outcome;
            if (lastDeployed == null) {
                log.info("The {} models of {} and {} are deployed", changed.size(), models.bpmnSource(),
                        models.formsSource());
            } else {
                log.info("Deployed the models of {} and {}; changed since the last deployment: {}", models.bpmnSource(),
                        models.formsSource(), changed);
            }
            lastDeployed = models;
        } else {
            lastRefusal = outcome;
            log.error("Refused the changed models ({}); the previous versions keep running until the files are"
                    + " corrected:\n  {}", changed, problems.stream().map(ModelProblem::toString)
                    .collect(Collectors.joining("\n  ")));
        }
    }

    /**
     * The files added, removed or edited since the set deployed before; every file for the first, which was deployed
     * at startup already, so deploying it again creates no new version.
     */
    private static List<String> changedFiles(ModelSet before, ModelSet now) {
        if (before == null) {
            return now.all().stream().map(ModelFile::path).toList();
        }
        Map<String, byte[]> earlier = contentByPath(before);
        Map<String, byte[]> later = contentByPath(now);
        Set<String> paths = new TreeSet<>(earlier.keySet());
        paths.addAll(later.keySet());
        return paths.stream()
                .filter(path -> !Arrays.equals(earlier.get(path), later.get(path)))
                .toList();
    }

    private static Map<String, byte[]> contentByPath(ModelSet models) {
        return models.all().stream().collect(Collectors.toMap(ModelFile::path, ModelFile::content));
    }

    /** The last set deployed from the folders since the application started, if any. */
    public Outcome lastDeployment() {
        return lastDeployment;
    }

    /** The last set refused since the application started, if any. */
    public Outcome lastRefusal() {
        return lastRefusal;
    }
}
