package io.salesflow.rules.facts;

/** What a lead did, or what happened to a message sent to it. */
public enum EngagementType {
    EMAIL_OPENED,
    EMAIL_CLICKED,
    EMAIL_REPLIED,
    EMAIL_BOUNCED,
    UNSUBSCRIBED,
    FORM_SUBMITTED,
    MEETING_BOOKED,
    ACTIVITY_COMPLETED,
    WEBINAR_ATTENDED,
    PAGE_VISITED
}
