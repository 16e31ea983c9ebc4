/** Contacts: the people at accounts, with their emails, phone numbers, social handles, consent, role and owner. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"account", "identity", "platform", "records", "tenancy"})
package io.salesflow.contact;
