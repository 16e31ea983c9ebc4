package io.salesflow.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * What the engine's expressions and delegates run with: only the {@link BeanCatalogue} resolves as beans (the
 * Spring default would expose every bean of the application), and every delegate, listener and expression runs
 * with its process instance's tenant set ({@link TenantDelegateInterceptor}).
 */
@Component
class EngineExpressions extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;
    private final BeanCatalogue catalogue;
    private final TenantSwitch tenants;

    EngineExpressions(ApplicationContext context, BeanCatalogue catalogue, TenantSwitch tenants) {
        this.context = context;
        this.catalogue = catalogue;
        this.tenants = tenants;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // The Spring Boot starter made its expression manager with all beans before plug-ins run: replace it.
        configuration.setBeans(catalogue.asEngineBeans());
        configuration.setExpressionManager(new SpringExpressionManager(context, configuration.getBeans()));
        configuration.setDelegateInterceptor(new TenantDelegateInterceptor(new DefaultDelegateInterceptor(), tenants));
    }
}
