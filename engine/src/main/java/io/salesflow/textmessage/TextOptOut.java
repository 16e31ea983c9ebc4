package io.salesflow.textmessage;

import java.time.Instant;

/** A number on the workspace's opt-out list, the keyword it sent and when. */
public record TextOptOut(String phone, String keyword, Instant optedOutAt) {}
