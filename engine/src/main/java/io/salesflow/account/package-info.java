/** Accounts: the companies a tenant sells to, with addresses, owner, team, territory and a parent hierarchy. */
package io.salesflow.account;
