/** Shared infrastructure every capability reuses: database bootstrap, API conventions, request context. */
@org.springframework.modulith.ApplicationModule(
        type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {"tenancy"})
package io.salesflow.platform;
