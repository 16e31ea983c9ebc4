package io.salesflow.rules.duplicates;

/** A lead, contact or account as duplicate detection sees it; any field may be null (accounts have no person name). */
public record DuplicateCandidate(
        String id, String firstName, String lastName, String company, String email, String phone, String website) {

    String personName() {
        String n = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return n.isEmpty() ? null : n;
    }
}
