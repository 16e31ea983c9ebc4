package io.salesflow.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.lead.Leads;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.records.ChangeReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lead's assignments with their explanations, the queue of leads routing could not place, and manual
 * reassignment, which is a change of the lead (its write access, owner and team rules, field history) recorded
 * with who did it and why.
 */
@Service
public class LeadAssignments {

    private final Leads leads;
    private final AssignmentLog log;
    private final ObjectMapper objectMapper;

    LeadAssignments(Leads leads, AssignmentLog log, ObjectMapper objectMapper) {
        this.leads = leads;
        this.log = log;
        this.objectMapper = objectMapper;
    }

    /** A lead waiting in the unassigned queue, with what identifies it. */
    public record UnassignedLead(
            UUID leadId, String name, String company, String country, UUID ownerId, AssignmentView assignment) {}

    /** Newest first; 404 for a lead the caller may not read. */
    @Transactional(readOnly = true)
    public List<AssignmentView> of(UUID leadId) {
        if (!leads.isLive(leadId)) {
            throw Problem.notFound("Lead", leadId);
        }
        return log.of(leadId);
    }

    /**
     * Leads routing left unassigned that still are (nobody reassigned them, and their owner is still their
     * creator), newest first, among the leads the caller may read.
     */
    @Transactional(readOnly = true)
    public CursorPage<UnassignedLead> unassigned(Long beforeId, int limit) {
        List<UnassignedLead> page = new ArrayList<>();
        Long cursor = beforeId;
        while (page.size() <= limit) {
            List<AssignmentView> batch = log.unassigned(cursor, limit + 1);
            for (AssignmentView a : batch) {
                if (page.size() <= limit && leads.isLive(a.leadId())) {
                    Map<String, Object> lead = leads.get(a.leadId(), List.of());
                    if (a.ownerId().equals(lead.get("ownerId"))) {
                        page.add(new UnassignedLead(
                                a.leadId(),
                                name(lead),
                                (String) lead.get("company"),
                                (String) lead.get("country"),
                                a.ownerId(),
                                a));
                    }
                }
            }
            if (batch.size() <= limit) {
                break;
            }
            cursor = batch.get(batch.size() - 1).id();
        }
        return CursorPage.of(page, limit, u -> Long.toString(u.assignment().id()));
    }

    /**
     * Gives the lead to {@code ownerId} (and {@code teamId}, when given) as a change of the lead by the caller,
     * recorded as a manual assignment with the caller and {@code why} (by {@link AssignmentChanges}).
     */
    @Transactional
    public AssignmentView reassign(UUID leadId, UUID ownerId, UUID teamId, String why, String ifMatch) {
        Map<String, Object> before = leads.get(leadId, List.of());
        if (ownerId == null) {
            throw Problem.invalid("ownerId", "is required: who gets the lead?");
        }
        if (why == null || why.isBlank()) {
            throw Problem.invalid("reason", "is required: say why the lead changes hands");
        }
        if (ownerId.equals(before.get("ownerId")) && (teamId == null || teamId.equals(before.get("teamId")))) {
            throw Problem.invalid("ownerId", "already owns the lead");
        }
        ObjectNode change = objectMapper.createObjectNode().put("ownerId", ownerId.toString());
        if (teamId != null) {
            change.put("teamId", teamId.toString());
        }
        ChangeReason.during(why.strip(), () -> leads.change(leadId, change, ifMatch));
        return log.of(leadId).get(0);
    }

    private static String name(Map<String, Object> lead) {
        String person = Stream.of(lead.get("firstName"), lead.get("lastName"))
                .filter(Objects::nonNull)
                .map(Object::toString)
                .collect(Collectors.joining(" "));
        return person.isEmpty() ? (String) lead.get("company") : person;
    }
}
