package io.salesflow;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries: no cycles, and modules use each other only through their published types. The rules
 * library shares the base package but is a Maven module of its own (plain Java, no Spring), not an
 * application module: every engine module may use its public types.
 */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(
            SalesflowApplication.class, JavaClass.Predicates.resideInAPackage("io.salesflow.rules.."));

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
