package org.openreturns.process.models;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/models}: which models run, where they are read from, and why the last change was refused, so that
 * whoever saved a model sees whether it was taken. For managers and administrators, like Cockpit.
 */
@RestController
class ModelsController {

    /**
     * @param state          {@code DEPLOYED} when the files as they are now run; {@code REFUSED} when they were refused
     *                       (the previous versions keep running); {@code PENDING} when they changed and are about to
     *                       be deployed, or the runtime cannot be reached yet
     * @param files          the model files as they are now, each with the folder it is read from
     * @param deployed       the latest version of every process, decision and form in the runtime
     * @param lastDeployment the last set deployed since the application started: when, and the files that differed
     *                       from the set deployed before
     * @param lastError      the last set refused since the application started: when, the files that differed from
     *                       the set deployed, and each problem's file and message
     */
    record ModelsReport(String state, List<SourceFile> files, List<DeployedModel> deployed,
                        Deployment lastDeployment, Refusal lastError) {
    }

    record SourceFile(String file, String folder) {
    }

    record Deployment(Instant at, List<String> changedFiles) {
    }

    record Refusal(Instant at, List<String> changedFiles, List<ModelProblem> problems) {
    }

    private final ModelFiles files;
    private final ModelWatcher watcher;
    private final ModelRuntime runtime;

    ModelsController(ModelFiles files, ModelWatcher watcher, ModelRuntime runtime) {
        this.files = files;
        this.watcher = watcher;
        this.runtime = runtime;
    }

    @GetMapping("/api/models")
    ModelsReport models() {
        ModelSet models = files.read();
        ModelWatcher.Outcome deployed = watcher.lastDeployment();
        ModelWatcher.Outcome refused = watcher.lastRefusal();
        String fingerprint = models.fingerprint();
        String state = deployed != null && deployed.fingerprint().equals(fingerprint) ? "DEPLOYED"
                : refused != null && refused.fingerprint().equals(fingerprint) ? "REFUSED" : "PENDING";
        return new ModelsReport(state,
                models.all().stream().map(file -> new SourceFile(file.path(), models.sourceOf(file))).toList(),
                runtime.deployedModels(),
                deployed == null ? null : new Deployment(deployed.at(), deployed.changedFiles()),
                refused == null ? null : new Refusal(refused.at(), refused.changedFiles(), refused.problems()));
    }
}
