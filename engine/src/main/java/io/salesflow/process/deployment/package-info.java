/**
 * Deploying BPMN, DMN and form files for a tenant: the shipped ones at provisioning and start, and ops' own,
 * checked by the {@link io.salesflow.process.deployment.ModelValidator} before anything reaches the engine.
 */
@org.springframework.modulith.NamedInterface("deployment")
package io.salesflow.process.deployment;
