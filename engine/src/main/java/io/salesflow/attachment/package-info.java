/**
 * Attachments: files on CRM records of every type, their content behind a storage interface, checked for
 * size and type on upload, and readable only by those who may read the record.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "identity", "platform", "records", "tenancy"})
package io.salesflow.attachment;
