package io.salesflow.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A verified {@link Caller} as Spring Security sees it: its permission codes are its authorities, and every
 * caller acting in a workspace also holds {@link #WORKSPACE_MEMBER}, which the product API requires.
 */
class CallerAuthentication extends AbstractAuthenticationToken {

    static final String WORKSPACE_MEMBER = "workspace:member";

    private final Caller caller;

    CallerAuthentication(Caller caller) {
        super(authorities(caller));
        this.caller = caller;
        setAuthenticated(true);
    }

    private static Collection<? extends GrantedAuthority> authorities(Caller caller) {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        caller.permissions().keySet().forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        caller.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
        if (!caller.isPlatformOperator()) {
            authorities.add(new SimpleGrantedAuthority(WORKSPACE_MEMBER));
        }
        return authorities;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    /** The principal name the process engine knows this caller by. */
    @Override
    public String getName() {
        return caller.principalId().toString();
    }
}
