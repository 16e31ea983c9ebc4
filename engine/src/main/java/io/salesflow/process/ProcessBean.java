package io.salesflow.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a Spring bean in the published catalogue: the only beans a BPMN or DMN expression can name, as a delegate
 * ({@code ${nurturePlanTouch}}) or in a call ({@code ${businessTime.plus('PT4H')}}). Every other bean of the
 * application (the data source, the services) is invisible to the engine, so a deployed model cannot reach it.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProcessBean {

    /** What the bean does, as the catalogue shows it to whoever models processes. */
    String value();
}
