/**
 * The connectors: one Camel {@code RouteBuilder} per external system in its own subpackage, the message types its
 * routes take and give, and the port interfaces the engine implements for them. Open: the engine's modules use its
 * subpackages directly (they list {@code connectors} among their dependencies).
 */
@org.springframework.modulith.ApplicationModule(
        type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package io.salesflow.connectors;
