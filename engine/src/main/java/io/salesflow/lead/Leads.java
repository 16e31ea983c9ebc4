package io.salesflow.lead;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.identity.Caller;
import io.salesflow.records.RecordInput;
import io.salesflow.records.RecordLifecycle;
import io.salesflow.records.RecordServiceBase;
import io.salesflow.tenancy.TenantContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lead use cases for the calling user; the status order is the lead's own rule, the rest the record lifecycle. */
@Service
public class Leads extends RecordServiceBase<Lead> {

    private final LeadRepository leads;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<LeadIntakeStep> intakeSteps;

    Leads(
            LeadRepository leads,
            RecordLifecycle records,
            ApplicationEventPublisher events,
            Clock clock,
            ObjectProvider<LeadIntakeStep> intakeSteps) {
        super(LeadRecord.LEAD, leads, records);
        this.leads = leads;
        this.events = events;
        this.clock = clock;
        this.intakeSteps = intakeSteps;
    }

    /** The lead as saved; one that routing handed to a rep the caller cannot see is answered all the same. */
    @Override
    @Transactional
    public Map<String, Object> create(ObjectNode body) {
        NewLead intake = intake(body);
        return intake.routed()
                ? records.saved(LeadRecord.LEAD, intake.id())
                : records.get(LeadRecord.LEAD, intake.id(), List.of());
    }

    @Override
    @Transactional
    public UUID add(ObjectNode body) {
        return intake(body).id();
    }

    /** Saves the lead, runs the intake steps (scoring, routing) on it and keeps what they decided. */
    private NewLead intake(ObjectNode body) {
        RecordInput.Assignment assignment = new RecordInput.Assignment();
        Lead lead = prepared(body, assignment);
        records.created(LeadRecord.LEAD, leads, lead);
        NewLead intake = new NewLead(lead, assignment.ownerGiven());
        intakeSteps.orderedStream().forEach(step -> step.apply(intake));
        if (intake.routed()) {
            records.handedOver(LeadRecord.LEAD, leads, lead, intake.routedOwner(), intake.routedTeam());
        } else if (intake.scored()) {
            leads.saveAndFlush(lead);
        }
        events.publishEvent(new LeadCreated(lead.getTenantId(), lead.getId(), lead.getOwnerId(), lead.getSource()));
        return intake;
    }

    @Override
    @Transactional
    public void checkNew(ObjectNode body) {
        records.checkCreatable(LeadRecord.LEAD, prepared(body.deepCopy(), new RecordInput.Assignment()));
    }

    private Lead prepared(ObjectNode body, RecordInput.Assignment assignment) {
        Lead lead = new Lead(TenantContext.require(), Caller.require().userId());
        LeadInput.StatusChange change = LeadInput.apply(body, lead, assignment, true);
        lead.checkIdentified();
        if (change.status() != null && change.status() != LeadStatus.NEW) {
            throw io.salesflow.platform.problem.Problem.invalid("status", "a new lead starts as new");
        }
        records.assign(LeadRecord.LEAD, lead, assignment);
        return lead;
    }

    @Override
    protected Map<String, Object> applyChange(Lead lead, ObjectNode body) {
        UUID id = lead.getId();
        Map<String, Object> before = lead.snapshot();
        LeadStatus from = lead.status();
        UUID previousOwner = lead.getOwnerId();
        UUID previousTeam = lead.getTeamId();
        RecordInput.Assignment assignment = new RecordInput.Assignment();
        LeadInput.StatusChange change = LeadInput.apply(body, lead, assignment, false);
        lead.checkIdentified();
        if (change.status() != null) {
            lead.moveTo(change.status(), change.reason(), clock.instant());
        }
        records.assign(LeadRecord.LEAD, lead, assignment);
        Map<String, Object> changed = records.changed(LeadRecord.LEAD, leads, lead, before);
        if (lead.status() != from) {
            events.publishEvent(new LeadStatusChanged(
                    lead.getTenantId(), id, from.code(), lead.status().code()));
        }
        if (!lead.getOwnerId().equals(previousOwner) || !Objects.equals(lead.getTeamId(), previousTeam)) {
            events.publishEvent(new LeadAssignmentChanged(
                    lead.getTenantId(), id, previousOwner, lead.getOwnerId(), previousTeam, lead.getTeamId()));
        }
        return changed;
    }
}
