package io.salesflow.contact;

import java.util.List;

/** The parts a contact plays at an account or in a deal. */
public final class ContactRoles {

    public static final List<String> ALL = List.of(
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
