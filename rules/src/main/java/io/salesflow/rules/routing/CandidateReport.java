package io.salesflow.rules.routing;

/** One rep considered for a lead: the verdict, the reason in words, and the round-robin credit before and after. */
public record CandidateReport(String repId, Verdict verdict, String reason, long creditBefore, long creditAfter) {}
