package org.openreturns.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The model files packaged with the application ({@code bpmn/*.bpmn}, {@code bpmn/*.dmn}, {@code forms/*.form}), read
 * from the classpath in name order, each named by its path under the project ({@code bpmn/return-process.bpmn}).
 * Both runtimes deploy these files; neither rewrites them.
 */
public final class ModelFiles {

    /** One model file: its project path and its bytes. */
    public record ModelFile(String path, byte[] content) {
    }

    private ModelFiles() {
    }

    public static List<ModelFile> processes(ResourcePatternResolver resources) {
        return read(resources, "classpath*:bpmn/*.bpmn");
    }

    public static List<ModelFile> decisions(ResourcePatternResolver resources) {
        return read(resources, "classpath*:bpmn/*.dmn");
    }

    public static List<ModelFile> forms(ResourcePatternResolver resources) {
        return read(resources, "classpath*:forms/*.form");
    }

    private static List<ModelFile> read(ResourcePatternResolver resources, String pattern) {
        try {
            return Arrays.stream(resources.getResources(pattern))
                    .map(resource -> new ModelFile(path(resource), bytes(resource)))
                    .sorted(Comparator.comparing(ModelFile::path))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the models at " + pattern, e);
        }
    }

    private static String path(Resource resource) {
        String url = describe(resource);
        int folder = Math.max(url.lastIndexOf("/bpmn/"), url.lastIndexOf("/forms/"));
        return folder >= 0 ? url.substring(folder + 1) : resource.getFilename();
    }

    private static String describe(Resource resource) {
        try {
            return resource.getURL().toString();
        } catch (IOException e) {
            return String.valueOf(resource.getFilename());
        }
    }

    private static byte[] bytes(Resource resource) {
        try (var in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path(resource), e);
        }
    }
}
