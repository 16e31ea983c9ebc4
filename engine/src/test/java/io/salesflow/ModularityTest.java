package io.salesflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries: no cycles, modules use each other only through their published types and only the modules
 * their {@code package-info} allows, and the Camunda engine is reached through the {@code process} module only. The rules
 * library shares the base package but is a Maven module of its own (plain Java, no Spring), not an
 * application module: every engine module may use its public types.
 */
class ModularityTest {

    /** Analysing the classes takes most of this test's time: once for the class, not once for each test. */
    private static final ApplicationModules MODULES = ApplicationModules.of(
            SalesflowApplication.class, JavaClass.Predicates.resideInAPackage("io.salesflow.rules.."));

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /** Camunda 7 CE is end-of-life: with its types in one module, a move to a fork (Operaton) stays mechanical. */
    @Test
    void onlyTheProcessModuleUsesCamunda() {
        noClasses()
                .that()
                .resideInAPackage("io.salesflow..")
                .and()
                .resideOutsideOfPackage("io.salesflow.process..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.camunda..")
                .because("engine calls go through the process module (DESIGN.md §4)")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.salesflow"));
    }

    @Test
    void everyModuleDeclaresTheModulesItMayUse() {
        MODULES.forEach(module -> assertThat(module.getBasePackage().getAnnotation(ApplicationModule.class))
                .as(module.getIdentifier() + "'s package-info declares @ApplicationModule(allowedDependencies = ...)")
                .hasValueSatisfying(
                        a -> assertThat(a.allowedDependencies()).doesNotContain(ApplicationModule.OPEN_TOKEN)));
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
