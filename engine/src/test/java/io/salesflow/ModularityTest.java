package io.salesflow;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries: no cycles, and modules use each other only through their published types. */
class ModularityTest {

    /**
     * The {@code rules} library lives under {@code io.salesflow.rules} but is a plain jar the engine uses, not an
     * application module: its packages are left out, so modules may use all of its public types.
     */
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
