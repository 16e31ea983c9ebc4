/**
 * Saved list views: a user's filters, sort, columns and page size of a record list under a name, private or shared
 * with their teams or the workspace, checked against the record type's fields; and the view each user's list opens
 * with.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "platform", "records", "tenancy"})
package io.salesflow.savedview;
