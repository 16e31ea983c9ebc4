/**
 * Activities and notes: calls, emails, meetings, tasks and deadlines with their status and outcome, and notes
 * that mention users, each linked to accounts, contacts, leads and deals and shown in their timelines.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "account",
            "audit",
            "contact",
            "deal",
            "engagement",
            "identity",
            "lead",
            "platform",
            "records",
            "routing",
            "tenancy"
        })
package io.salesflow.activity;
