/**
 * What every CRM record type shares: the list query language (filters, sort, cursor, field selection,
 * embedding), record-level access rules built into the SQL, field history, and soft delete with restore.
 */
@org.springframework.modulith.ApplicationModule(
        type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {"audit", "identity", "platform", "tenancy"})
package io.salesflow.records;
