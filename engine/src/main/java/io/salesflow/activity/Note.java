package io.salesflow.activity;

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
class Note extends LinkedRecord {

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private boolean pinned;

    @Column(nullable = false)
    private UUID[] mentions = new UUID[0];

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
        return new UserMentioned(
                getTenantId(),
                getId(),
                user,
                author,
                link(Link.ACCOUNT),
                link(Link.CONTACT),
                link(Link.LEAD),
                link(Link.DEAL));
    }
}
