package org.openreturns.process.models;

import java.nio.file.Path;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The project's own models, read as the application reads them by default: from {@code bpmn/} and {@code forms/}. */
public final class ProjectModels {

    private ProjectModels() {
    }

    public static ModelFiles files() {
        return new ModelFiles(Path.of("bpmn"), Path.of("forms"), new PathMatchingResourcePatternResolver());
    }
}
