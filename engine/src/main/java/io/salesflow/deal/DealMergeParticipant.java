package io.salesflow.deal;

import io.salesflow.records.FieldHistory;
import io.salesflow.records.MergeParticipant;
import io.salesflow.records.MergedLinks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Merged accounts hand their deals to the survivor; merged contacts hand over their places in deals. A deal that
 * had several of the merged contacts keeps one place for the survivor: the survivor's role if it was in the deal
 * already, else the role of the primary among them, else of the first merged; primary if any of them was.
 */
@Component
class DealMergeParticipant implements MergeParticipant {

    private final MergedLinks links;
    private final JdbcTemplate jdbc;
    private final FieldHistory history;

    DealMergeParticipant(MergedLinks links, JdbcTemplate jdbc, FieldHistory history) {
        this.links = links;
        this.jdbc = jdbc;
        this.history = history;
    }

    private record Place(UUID dealId, UUID contactId, String role, boolean primary) {}

    @Override
    public Map<String, Integer> merge(Merge merge) {
        return switch (merge.recordType()) {
            case "account" -> Map.of("deals", links.move(DealRecord.DEAL, "accountId", merge));
            case "contact" -> Map.of("dealContacts", mergeContacts(merge));
            default -> Map.of();
        };
    }

    private int mergeContacts(Merge merge) {
        UUID[] merged = merge.mergedIds().toArray(UUID[]::new);
        Map<UUID, List<Place>> byDeal = jdbc
                .query(
                        """
                        SELECT deal_id, contact_id, role, is_primary FROM deal_contacts
                        WHERE deal_id IN (SELECT deal_id FROM deal_contacts WHERE contact_id = ANY (?))
                        ORDER BY deal_id, is_primary DESC, contact_id
                        """,
                        (rs, n) -> new Place(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getBoolean(4)),
                        (Object) merged)
                .stream()
                .collect(Collectors.groupingBy(Place::dealId, LinkedHashMap::new, Collectors.toList()));
        Set<UUID> same = new HashSet<>(merge.mergedIds());
        same.add(merge.survivorId());
        byDeal.forEach((deal, places) -> {
            List<Place> theirs =
                    places.stream().filter(p -> same.contains(p.contactId())).toList();
            Place kept = new Place(
                    deal,
                    merge.survivorId(),
                    role(theirs, merge),
                    theirs.stream().anyMatch(Place::primary));
            List<Place> after = new ArrayList<>(
                    places.stream().filter(p -> !same.contains(p.contactId())).toList());
            after.add(kept);
            jdbc.update(
                    "DELETE FROM deal_contacts WHERE deal_id = ? AND contact_id = ANY (?)",
                    deal,
                    same.toArray(UUID[]::new));
            jdbc.update(
                    "INSERT INTO deal_contacts (deal_id, contact_id, role, is_primary) VALUES (?, ?, ?, ?)",
                    deal,
                    kept.contactId(),
                    kept.role(),
                    kept.primary());
            jdbc.update("UPDATE deals SET version = version + 1, updated_at = now() WHERE id = ?", deal);
            history.record(
                    DealRecord.TYPE, deal, Map.of("contacts", summary(places)), Map.of("contacts", summary(after)));
        });
        return byDeal.size();
    }

    private static String role(List<Place> theirs, Merge merge) {
        return theirs.stream()
                .filter(p -> p.contactId().equals(merge.survivorId()))
                .findFirst()
                .or(() -> theirs.stream().filter(Place::primary).findFirst())
                .or(() -> theirs.stream()
                        .min(Comparator.comparingInt(p -> merge.mergedIds().indexOf(p.contactId()))))
                .orElseThrow()
                .role();
    }

    /** As the deal's history shows its contacts: primary first. */
    private static List<Map<String, Object>> summary(List<Place> places) {
        return places.stream()
                .sorted(Comparator.comparing(Place::primary).reversed().thenComparing(p -> p.contactId()
                        .toString()))
                .map(p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("contactId", p.contactId().toString());
                    m.put("role", p.role());
                    m.put("primary", p.primary());
                    return m;
                })
                .toList();
    }
}
