package io.salesflow.duplicate;

import java.util.List;
import java.util.UUID;

/**
 * A lead, contact or account as duplicate detection reads it. Accounts have no person name ({@code company} is
 * their name); contacts have several emails and phones; {@code region} reads national phone numbers.
 */
record Profile(
        UUID id,
        String title,
        String firstName,
        String lastName,
        String company,
        List<String> emails,
        List<String> phones,
        String website,
        String region) {

    Profile {
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
    }
}
