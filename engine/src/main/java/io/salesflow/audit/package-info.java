/** The append-only audit log: who changed what, before and after, written in the transaction of the change. */
package io.salesflow.audit;
