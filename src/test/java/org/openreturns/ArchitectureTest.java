package org.openreturns;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rings of the code base: only the process runtime knows an engine, and capabilities do not form cycles. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.openreturns");

    @Test
    void onlyTheProcessRuntimeImportsAnEngine() {
        noClasses().that().resideOutsideOfPackage("org.openreturns.process..")
                .should().dependOnClassesThat().resideInAnyPackage("org.operaton..", "io.camunda..")
                .because("business logic stays engine-neutral, so the same handlers run on Operaton and Camunda 8")
                .check(CLASSES);
    }

    @Test
    void theEngineNeutralProcessPortImportsNoEngine() {
        noClasses().that().resideInAPackage("org.openreturns.process")
                .should().dependOnClassesThat().resideInAnyPackage("org.operaton..", "io.camunda..")
                .check(CLASSES);
    }

    @Test
    void capabilitiesDoNotDependOnEachOtherInCycles() {
        slices().matching("org.openreturns.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
