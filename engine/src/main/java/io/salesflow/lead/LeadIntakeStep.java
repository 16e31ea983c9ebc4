package io.salesflow.lead;

/**
 * A step every new lead passes through inside the transaction that creates it, after its fields are checked
 * and before {@link LeadCreated} is published: scoring, routing. Other modules implement it as Spring beans;
 * {@code @Order} decides the sequence (scoring {@value #SCORING}, routing {@value #ROUTING}). A step that
 * throws refuses the lead; a step must not refuse a lead for its own trouble (a broken rule set, say), but
 * record that and let the lead in.
 */
public interface LeadIntakeStep {

    int SCORING = 100;
    int ROUTING = 200;

    void apply(NewLead lead);
}
