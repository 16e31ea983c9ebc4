package io.salesflow.deal;

/** Whether a reason explains why deals are won or why they are lost. */
public enum ReasonKind {
    WON,
    LOST
}
