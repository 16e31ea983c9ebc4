package io.salesflow.process;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.camunda.bpm.engine.impl.repository.ResourceDefinitionEntity;

/**
 * Runs each delegate, listener and expression with the tenant of the process instance it belongs to, whichever
 * thread runs it: the job executor has no tenant of its own, and row-level security would show a delegate no row.
 */
class TenantDelegateInterceptor implements DelegateInterceptor {

    private final DelegateInterceptor delegate;
    private final TenantSwitch tenants;

    TenantDelegateInterceptor(DelegateInterceptor delegate, TenantSwitch tenants) {
        this.delegate = delegate;
        this.tenants = tenants;
    }

    @Override
    public void handleInvocation(DelegateInvocation invocation) throws Exception {
        String slug = tenantOf(invocation);
        if (slug == null) {
            delegate.handleInvocation(invocation);
            return;
        }
        tenants.runAs(slug, () -> {
            try {
                delegate.handleInvocation(invocation);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ProcessEngineException(e);
            }
        });
    }

    private static String tenantOf(DelegateInvocation invocation) {
        BaseDelegateExecution execution = invocation.getContextExecution();
        if (execution instanceof DelegateExecution e && e.getTenantId() != null) {
            return e.getTenantId();
        }
        ResourceDefinitionEntity<?> resource = invocation.getContextResource();
        return resource == null ? null : resource.getTenantId();
    }
}
