/**
 * The benchmark command: Salesflow's public API over HTTP side by side with the bare Camunda engine on one embedded
 * PostgreSQL, with the scenarios, the load generator and the report of docs/performance.md.
 */
package io.salesflow.bench;
