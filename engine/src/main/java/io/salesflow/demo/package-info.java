/** Demo tenants, users and teams for trying Salesflow out; switched off with {@code salesflow.demo.enabled=false}. */
package io.salesflow.demo;
