package io.salesflow.identity;

public enum UserStatus {
    ACTIVE,
    DEACTIVATED
}
