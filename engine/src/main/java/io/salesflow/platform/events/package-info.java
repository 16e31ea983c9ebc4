/**
 * Durable domain events at run time: the bounded executor their after-commit listeners run on, retries of
 * failed publications with backoff, and what the platform operator sees of incomplete ones.
 */
package io.salesflow.platform.events;
