package io.salesflow.identity;

/** How far a record permission reaches: the caller's own records, the team's, or all of the tenant's. */
public enum Scope {
    OWN,
    TEAM,
    ALL;

    public Scope widest(Scope other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
