package io.salesflow.process;

import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The engine itself never evaluates an expression in a query, on any path. Camunda checks the switches
 * {@code enableExpressionsInAdhocQueries}/{@code StoredQueries} only on a task query's first part: the parts of
 * {@code orQueries}, and those of stored filters, reach {@code AbstractQuery.evaluateExpressions} unchecked, and
 * JUEL there reaches any Java method. Queries evaluate their expressions through the expression manager, so ours
 * refuses to create one for a query. The engine API guard refuses such requests before they get here; this is the
 * second lock, for every other way into the engine.
 */
@Component
class QueryExpressionBarrier extends AbstractProcessEnginePlugin {

    private final ApplicationContext applicationContext;

    QueryExpressionBarrier(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new Refusing(applicationContext, configuration.getBeans()));
    }

    /** Spring's expression manager, as the engine would have had it, except for queries. */
    static final class Refusing extends SpringExpressionManager {

        private static final StackWalker STACK =
                StackWalker.getInstance(Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE));

        Refusing(ApplicationContext applicationContext, java.util.Map<Object, Object> beans) {
            super(applicationContext, beans);
        }

        @Override
        public Expression createExpression(String expression) {
            if (STACK.walk(Refusing::fromAQuery)) {
                throw new BadUserRequestException("Expressions are not accepted in queries");
            }
            return super.createExpression(expression);
        }

        /** Whether the caller, a few frames up, is a query evaluating its expressions. */
        private static boolean fromAQuery(Stream<StackWalker.StackFrame> frames) {
            return frames.limit(6)
                    .anyMatch(f -> "evaluateExpressions".equals(f.getMethodName())
                            && AbstractQuery.class.isAssignableFrom(f.getDeclaringClass()));
        }
    }
}
