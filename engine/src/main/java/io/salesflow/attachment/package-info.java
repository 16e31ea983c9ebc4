/**
 * Attachments: files on CRM records of every type, their content behind a storage interface, checked for
 * size and type on upload, and readable only by those who may read the record.
 */
package io.salesflow.attachment;
