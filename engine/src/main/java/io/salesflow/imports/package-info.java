/**
 * Imports of leads, contacts and accounts from CSV and XLSX files (mapped columns, dry runs, duplicates by email,
 * resumable background jobs) and exports of any record list to CSV or XLSX, all through the record services.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "identity", "platform", "records", "tenancy"})
package io.salesflow.imports;
