package io.salesflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port over the JVM's one embedded PostgreSQL, with the demo data.
 * Every test class with this annotation shares one Spring context, so keep their configuration equal.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({Api.Configuration.class, InTenant.class, PublishedEvents.class, DurableEventProbe.class, ProbeChannel.class})
public @interface IntegrationTest {}
