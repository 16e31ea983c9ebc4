package io.salesflow.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One cell of the permission matrix: a role holds a permission with a scope. */
@Embeddable
record RolePermission(
        @Column(name = "permission_code", nullable = false) String permission,
        @Enumerated(EnumType.STRING) @Column(nullable = false) Scope scope) {}
