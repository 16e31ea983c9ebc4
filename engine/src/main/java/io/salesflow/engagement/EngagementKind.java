package io.salesflow.engagement;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of engagement scoring rules can count; {@link #code()} is how the API and the database name them. */
public enum EngagementKind {
    EMAIL_OPENED,
    EMAIL_CLICKED,
    EMAIL_REPLIED,
    EMAIL_BOUNCED,
    UNSUBSCRIBED,
    FORM_SUBMITTED,
    MEETING_BOOKED,
    ACTIVITY_COMPLETED,
    WEBINAR_ATTENDED,
    PAGE_VISITED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EngagementKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }
}
