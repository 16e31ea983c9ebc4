/** Signature checks of the vendors whose webhook calls Salesflow accepts (Meta, Twilio): pure functions. */
package io.salesflow.connectors.inbound;
