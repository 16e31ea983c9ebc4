/**
 * Pure functions for finding duplicate leads, contacts and accounts: normalised email, E.164 phone, company domain
 * and fuzzy name similarity, combined into a similarity figure with the reasons.
 */
package io.salesflow.rules.duplicates;
