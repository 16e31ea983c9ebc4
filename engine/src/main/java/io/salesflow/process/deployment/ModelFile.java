package io.salesflow.process.deployment;

/** A BPMN, DMN or form file as it arrived, before anything of it reaches the engine. */
public record ModelFile(String name, byte[] content) {}
