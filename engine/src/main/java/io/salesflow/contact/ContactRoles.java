package io.salesflow.contact;

import java.util.Set;

/** The parts a contact plays at an account or in a deal. */
public final class ContactRoles {

    public static final Set<String> ALL = Set.of(
            "decision_maker",
            "economic_buyer",
            "champion",
            "influencer",
            "technical_evaluator",
            "end_user",
            "blocker",
            "other");

    private ContactRoles() {}
}
