/**
 * Lead scoring, routing and duplicate detection as plain Java and Drools: the engine maps its entities to the
 * fact records here and stores the result records it gets back.
 */
package io.salesflow.rules;
