package io.salesflow.activity;

import io.salesflow.records.CrmRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Markdown text about one or more records, possibly pinned, with the users it mentions. */
@Entity
@Table(name = "notes")
class Note extends CrmRecord implements Linked {

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private boolean pinned;

    @Column(nullable = false)
    private UUID[] mentions = new UUID[0];

    @Column(name = "account_id")
    private UUID accountId;

    @Column(name = "contact_id")
    private UUID contactId;

    @Column(name = "lead_id")
    private UUID leadId;

    @Column(name = "deal_id")
    private UUID dealId;

    protected Note() {}

    Note(UUID tenantId, UUID ownerId) {
        super(tenantId, ownerId);
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("body", body);
        s.put("pinned", pinned);
        s.put("mentionedUserIds", mentions());
        putLinks(s);
        return withCommonFields(s);
    }

    String body() {
        return body;
    }

    List<UUID> mentions() {
        return Arrays.asList(mentions);
    }

    void setBody(String body) {
        this.body = body;
    }

    void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    void setMentions(List<UUID> mentions) {
        this.mentions = mentions.toArray(UUID[]::new);
    }

    UserMentioned mentioned(UUID user, UUID author) {
        return new UserMentioned(getTenantId(), getId(), user, author, accountId, contactId, leadId, dealId);
    }

    @Override
    public UUID link(Link link) {
        return switch (link) {
            case ACCOUNT -> accountId;
            case CONTACT -> contactId;
            case LEAD -> leadId;
            case DEAL -> dealId;
        };
    }

    @Override
    public void link(Link link, UUID id) {
        switch (link) {
            case ACCOUNT -> accountId = id;
            case CONTACT -> contactId = id;
            case LEAD -> leadId = id;
            case DEAL -> dealId = id;
        }
    }
}
