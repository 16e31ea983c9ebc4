package io.salesflow.process;

import java.util.Locale;
import java.util.Set;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.scripting.engine.DefaultScriptEngineResolver;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.springframework.stereotype.Component;

/**
 * The engine runs no general-purpose script language, whatever the classpath holds: Drools brings MVEL, which
 * registers itself as a JSR-223 engine, and a deployed process could otherwise run MVEL (arbitrary Java) in a
 * script task or listener. Only JUEL, Camunda's expression language, resolves; DMN's FEEL does not go
 * through script engines.
 */
@Component
class ScriptLanguages extends AbstractProcessEnginePlugin {

    static final Set<String> ALLOWED = Set.of("juel");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setScriptEngineResolver(
                new AllowListed(new DefaultScriptEngineResolver(new ScriptEngineManager())));
    }

    private record AllowListed(ScriptEngineResolver delegate) implements ScriptEngineResolver {

        @Override
        public void addScriptEngineFactory(ScriptEngineFactory factory) {
            delegate.addScriptEngineFactory(factory);
        }

        @Override
        public ScriptEngineManager getScriptEngineManager() {
            return delegate.getScriptEngineManager();
        }

        @Override
        public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
            if (language == null || !ALLOWED.contains(language.toLowerCase(Locale.ROOT))) {
                throw new ProcessEngineException("Script language '" + language + "' is not allowed in Salesflow");
            }
            return delegate.getScriptEngine(language, resolveFromCache);
        }
    }
}
