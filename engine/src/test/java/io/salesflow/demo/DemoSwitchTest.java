package io.salesflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DemoSwitchTest {

    @Test
    void demoDataIsNotLoadedWhenSwitchedOff() {
        new ApplicationContextRunner()
                .withUserConfiguration(DemoDataLoader.class)
                .withPropertyValues("salesflow.demo.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(DemoDataLoader.class));
    }
}
