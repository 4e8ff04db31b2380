package org.gridfleet.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rule of docs/architecture.md: arrows point down toward model, only app sees everything. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.gridfleet");
    }

    @Test
    void modelDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("org.gridfleet.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.gridfleet.model..", "java..")
                .check(classes);
    }

    @Test
    void ingestDoesNotReachUp() {
        noClasses().that().resideInAPackage("org.gridfleet.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gridfleet.plan..", "org.gridfleet.synth..", "org.gridfleet.app..", "org.gridfleet.testkit..")
                .check(classes);
    }

    @Test
    void planDoesNotReachUpOrSideways() {
        noClasses().that().resideInAPackage("org.gridfleet.plan..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gridfleet.ingest..", "org.gridfleet.synth..", "org.gridfleet.app..", "org.gridfleet.testkit..")
                .check(classes);
    }

    @Test
    void synthDependsOnlyOnTheModel() {
        noClasses().that().resideInAPackage("org.gridfleet.synth..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gridfleet.ingest..", "org.gridfleet.plan..", "org.gridfleet.app..", "org.gridfleet.testkit..")
                .check(classes);
    }

    @Test
    void onlyTheAppKnowsTheCommandLineLibrary() {
        noClasses().that().resideOutsideOfPackage("org.gridfleet.app..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(classes);
    }

    @Test
    void onlyPlanningAndDispatchKnowTheSolver() {
        noClasses().that().resideOutsideOfPackages("org.gridfleet.plan..", "org.gridfleet.control.dispatch..")
                .should().dependOnClassesThat().resideInAPackage("com.google.ortools..")
                .check(classes);
    }

    @Test
    void onlyTheGridModuleKnowsPowerFlow() {
        noClasses().that().resideOutsideOfPackage("org.gridfleet.grid..")
                .should().dependOnClassesThat().resideInAPackage("com.powsybl..")
                .check(classes);
    }

    @Test
    void gridDoesNotReachUp() {
        noClasses().that().resideInAPackage("org.gridfleet.grid..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gridfleet.app..", "org.gridfleet.ingest..", "org.gridfleet.synth..")
                .check(classes);
    }

    @Test
    void devicePhysicsKnowsNoNetwork() {
        noClasses().that().resideInAPackage("org.gridfleet.sim")
                .should().dependOnClassesThat().resideInAnyPackage("org.gridfleet.comm..", "org.gridfleet.sim.site..", "org.gridfleet.app..",
                        "org.gridfleet.ingest..", "org.gridfleet.synth..", "org.gridfleet.plan..", "org.gridfleet.grid..")
                .check(classes);
    }

    @Test
    void simulatorDependsOnlyOnTheModelAndTheNetwork() {
        noClasses().that().resideInAPackage("org.gridfleet.sim..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gridfleet.app..", "org.gridfleet.ingest..", "org.gridfleet.synth..",
                        "org.gridfleet.plan..", "org.gridfleet.grid..", "org.gridfleet.store..", "org.gridfleet.control..", "com.hivemq..")
                .check(classes);
    }

    @Test
    void onlyTheStoreKnowsTheDatabase() {
        noClasses().that().resideOutsideOfPackage("org.gridfleet.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void onlyTheNetworkModuleKnowsMqtt() {
        noClasses().that().resideOutsideOfPackage("org.gridfleet.comm..")
                .should().dependOnClassesThat().resideInAPackage("com.hivemq..")
                .check(classes);
    }

    @Test
    void planningCodeDoesNotLog() {
        noClasses().that().resideInAnyPackage("org.gridfleet.model..", "org.gridfleet.plan..", "org.gridfleet.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.slf4j..", "java.util.logging..")
                .check(classes);
    }
}
