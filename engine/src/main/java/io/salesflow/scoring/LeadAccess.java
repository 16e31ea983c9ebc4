package io.salesflow.scoring;

import io.salesflow.identity.Caller;
import io.salesflow.lead.Leads;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.RecordQueries;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The caller's access to a lead, for what scoring shows and takes about it: a lead that is deleted, of another
 * tenant or outside the caller's read scope is not found (404); one they may read but not change is 403 to a
 * change.
 */
@Component
class LeadAccess {

    private final Leads leads;
    private final RecordQueries records;

    LeadAccess(Leads leads, RecordQueries records) {
        this.leads = leads;
        this.records = records;
    }

    void requireReadable(UUID leadId) {
        if (!Caller.require().can(leads.type().readPermission())) {
            throw Problem.forbidden("Your role does not allow reading leads");
        }
        if (!leads.isLive(leadId)) {
            throw Problem.notFound("Lead", leadId);
        }
    }

    void requireChangeable(UUID leadId) {
        requireReadable(leadId);
        if (!records.isWritable(leads.type(), leadId, Caller.require())) {
            throw Problem.forbidden("Your role does not allow changing this lead");
        }
    }
}
