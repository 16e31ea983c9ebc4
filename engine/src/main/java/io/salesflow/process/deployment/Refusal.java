package io.salesflow.process.deployment;

/**
 * Why a model file may not be deployed: the file, the element the problem is in (its {@code id}, or the nearest
 * ancestor's; null for the file as a whole) and the reason in words an ops user can act on.
 */
public record Refusal(String file, String elementId, String reason) {}
