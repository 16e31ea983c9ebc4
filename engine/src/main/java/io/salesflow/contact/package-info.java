/** Contacts: the people at accounts, with their emails, phone numbers, social handles, consent, role and owner. */
package io.salesflow.contact;
