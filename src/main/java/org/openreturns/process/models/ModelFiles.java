package org.openreturns.process.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Reads the models that both runtimes deploy: {@code *.bpmn} and {@code *.dmn} from the BPMN folder, {@code *.form}
 * from the forms folder ({@code returns.models.bpmn-dir} and {@code returns.models.forms-dir}, by default
 * {@code ./bpmn} and {@code ./forms}), so that analysts change models without a rebuild. Where a folder does not
 * exist, the copies packaged with the application are read from the classpath instead: a jar or an image started
 * without the folders still runs its own models. Every read looks again, so a folder created later is picked up.
 *
 * <p>Each file is named as in a deployment, {@code bpmn/<file>} or {@code forms/<file>}, whichever folder it came
 * from, so that moving the models to another folder does not make the engine see new resources.
 */
@Component
public class ModelFiles {

    private static final Logger log = LoggerFactory.getLogger(ModelFiles.class);

    private final Path bpmnFolder;
    private final Path formsFolder;
    private final ResourcePatternResolver resources;

    public ModelFiles(@Value("${returns.models.bpmn-dir:./bpmn}") Path bpmnFolder,
                      @Value("${returns.models.forms-dir:./forms}") Path formsFolder,
                      ResourcePatternResolver resources) {
        this.bpmnFolder = bpmnFolder.toAbsolutePath().normalize();
        this.formsFolder = formsFolder.toAbsolutePath().normalize();
        this.resources = resources;
        log.info("Models are read from {} and {}", source(this.bpmnFolder, "bpmn"), source(this.formsFolder, "forms"));
    }

    /** The models as they are now; throws {@link UncheckedIOException} when a folder cannot be read. */
    public ModelSet read() {
        return new ModelSet(
                read(bpmnFolder, "bpmn", ".dmn"),
                read(formsFolder, "forms", ".form"),
                read(bpmnFolder, "bpmn", ".bpmn"),
                source(bpmnFolder, "bpmn"),
                source(formsFolder, "forms"));
    }

    private List<ModelFile> read(Path folder, String deploymentFolder, String suffix) {
        return Files.isDirectory(folder) ? readFolder(folder, deploymentFolder, suffix)
                : readClasspath("classpath*:" + deploymentFolder + "/*" + suffix, deploymentFolder);
    }

    private static List<ModelFile> readFolder(Path folder, String deploymentFolder, String suffix) {
        try (Stream<Path> paths = Files.list(folder)) {
            List<Path> files = paths.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
            return files.stream()
                    .map(path -> new ModelFile(deploymentFolder + "/" + path.getFileName(), bytes(path)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the models in " + folder, e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private List<ModelFile> readClasspath(String pattern, String deploymentFolder) {
        try {
            return Arrays.stream(resources.getResources(pattern))
                    .map(resource -> new ModelFile(deploymentFolder + "/" + resource.getFilename(), bytes(resource)))
                    .sorted(Comparator.comparing(ModelFile::path))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the models at " + pattern, e);
        }
    }

    private static byte[] bytes(Resource resource) {
        try (var in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource.getDescription(), e);
        }
    }

    private static String source(Path folder, String deploymentFolder) {
        return Files.isDirectory(folder) ? folder.toString() : "classpath:" + deploymentFolder + "/";
    }
}
