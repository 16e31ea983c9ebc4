/** Shared infrastructure every capability reuses: database bootstrap, API conventions, request context. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.salesflow.platform;
