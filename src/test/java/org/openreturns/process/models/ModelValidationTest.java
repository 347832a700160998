package org.openreturns.process.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openreturns.ReturnsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What the application checks before it deploys a changed model, on copies of the project's folders with one file
 * broken the way an analyst might break it; each problem names the file and what is wrong.
 */
@ReturnsIntegrationTest
class ModelValidationTest {

    @Autowired
    ModelValidation validation;

    @TempDir
    Path folder;
    Path bpmn;
    Path forms;

    @BeforeEach
    void copyTheProjectModels() throws IOException {
        bpmn = copy(Path.of("bpmn"), folder.resolve("bpmn"));
        forms = copy(Path.of("forms"), folder.resolve("forms"));
    }

    @Test
    void theProjectModelsPass() {
        assertThat(validation.problems(ProjectModels.files().read())).isEmpty();
    }

    @Test
    void aFolderThatDoesNotExistFallsBackToTheCopiesPackagedWithTheApplication() {
        ModelSet packaged = new ModelFiles(folder.resolve("no-such-folder"), folder.resolve("nor-this"),
                new PathMatchingResourcePatternResolver()).read();
        ModelSet project = ProjectModels.files().read();

        assertThat(packaged.bpmnSource()).isEqualTo("classpath:bpmn/");
        assertThat(packaged.formsSource()).isEqualTo("classpath:forms/");
        assertThat(packaged.all()).extracting(ModelFile::path).containsExactlyElementsOf(
                project.all().stream().map(ModelFile::path).toList());
        assertThat(packaged.fingerprint()).isEqualTo(project.fingerprint());
    }

    @Test
    void malformedXmlIsNamedWithItsFile() throws IOException {
        edit(bpmn.resolve("eligibility.dmn"), "</definitions>", "");

        assertThat(problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("bpmn/eligibility.dmn");
            assertThat(problem.message()).startsWith("cannot be read as XML");
        });
    }

    @Test
    void aServiceTaskWhoseJobTypeNoHandlerExecutesIsRefused() throws IOException {
        edit(bpmn.resolve("unexpected-parcel.bpmn"), "type=\"resolve-unexpected-parcel\"", "type=\"resolve-parcel\"");

        assertThat(problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("bpmn/unexpected-parcel.bpmn");
            assertThat(problem.message()).contains("ResolveUnexpectedParcel", "'resolve-parcel'",
                    "no step handler");
        });
    }

    @Test
    void whatZeebeWouldRejectIsRefused() throws IOException {
        edit(bpmn.resolve("unexpected-parcel.bpmn"),
                "<zeebe:taskDefinition type=\"resolve-unexpected-parcel\" retries=\"3\" />", "");

        assertThat(problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("bpmn/unexpected-parcel.bpmn");
            assertThat(problem.message()).contains("ResolveUnexpectedParcel", "zeebe:taskDefinition");
        });
    }

    @Test
    void aUserTaskWhoseFormIsMissingIsRefused() throws IOException {
        Files.delete(forms.resolve("unexpected-parcel.form"));

        assertThat(problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("bpmn/unexpected-parcel.bpmn");
            assertThat(problem.message()).contains("HandleUnexpectedParcel", "'unexpected-parcel'",
                    "no file in the forms folder");
        });
    }

    @Test
    void aFormThatIsNotJsonOrCopiesAnotherFormsIdIsRefused() throws IOException {
        Files.writeString(forms.resolve("broken.form"), "{\"id\": \"broken\", ");
        Files.copy(forms.resolve("inspection.form"), forms.resolve("inspection2.form"));

        assertThat(problems()).satisfiesExactly(
                broken -> assertThat(broken.toString()).startsWith("forms/broken.form: is not valid JSON"),
                copy -> assertThat(copy.toString()).isEqualTo("forms/inspection2.form: has the form id"
                        + " 'inspection', which forms/inspection.form has too"));
    }

    private List<ModelProblem> problems() {
        return validation.problems(new ModelFiles(bpmn, forms, new PathMatchingResourcePatternResolver()).read());
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(content).as("%s before the edit", file).contains(from);
        Files.writeString(file, content.replace(from, to), StandardCharsets.UTF_8);
    }

    static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }
}
