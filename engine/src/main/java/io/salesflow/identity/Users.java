package io.salesflow.identity;

import io.salesflow.audit.AuditLog;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.ETags;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User administration within the caller's tenant: invite, change, deactivate; every change audited. */
@Service
public class Users {

    private final UserRepository users;
    private final RoleRepository roles;
    private final TeamRepository teams;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Sessions sessions;
    private final LoginThrottle loginThrottle;
    private final Tenants tenants;

    Users(
            UserRepository users,
            RoleRepository roles,
            TeamRepository teams,
            PasswordEncoder passwordEncoder,
            AuditLog audit,
            ApplicationEventPublisher events,
            Sessions sessions,
            LoginThrottle loginThrottle,
            Tenants tenants) {
        this.sessions = sessions;
        this.loginThrottle = loginThrottle;
        this.tenants = tenants;
        this.users = users;
        this.roles = roles;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.events = events;
    }

    public record NewUser(String email, String displayName, String password, List<String> roles) {}

    public record UserChange(String displayName, List<String> roles, String status, String password) {}

    @Transactional(readOnly = true)
    public List<UserView> list(String afterEmail, int limit) {
        List<User> page = users.page(afterEmail, PageRequest.of(0, limit));
        return views(page);
    }

    /** Every user of the current tenant, active or not: the directory the process engine mirrors. */
    @Transactional(readOnly = true)
    public List<UserView> all() {
        return views(users.findAll());
    }

    /** Whether an active user with this id exists in the current tenant. */
    @Transactional(readOnly = true)
    public boolean isActive(UUID id) {
        return users.findById(id)
                .filter(u -> u.getStatus() == UserStatus.ACTIVE)
                .isPresent();
    }

    @Transactional(readOnly = true)
    public UserView get(UUID id) {
        return view(find(id));
    }

    @Transactional(readOnly = true)
    public Optional<UserView> byEmail(String email) {
        return users.findByEmail(User.normalise(email)).map(this::view);
    }

    @Transactional
    public UserView create(NewUser command) {
        String email = User.normalise(command.email());
        if (users.findByEmail(email).isPresent()) {
            throw new Problem(409, "duplicate", "Conflict", "A user with email " + email + " already exists")
                    .with("field", "email");
        }
        PasswordPolicy.check("password", command.password(), email);
        User user = new User(
                TenantContext.require(), email, command.displayName(), passwordEncoder.encode(command.password()));
        user.assignRoles(roleIds("roles", command.roles()));
        users.saveAndFlush(user);
        audit.record("user.created", "user", user.getId(), null, user.snapshot());
        events.publishEvent(new IdentityChanged(user.getTenantId()));
        return view(user);
    }

    @Transactional
    public UserView change(UUID id, UserChange change, String ifMatch) {
        User user = find(id);
        ETags.check(ifMatch, user.getVersion());
        Caller.current()
                .ifPresent(caller -> Delegation.requireCovered(
                        caller,
                        Delegation.permissionsOf(roles.findAllById(user.getRoleIds())),
                        "id",
                        "change a user who holds more than you"));
        Map<String, Object> before = user.snapshot();
        if (change.displayName() != null) {
            user.rename(change.displayName());
        }
        if (change.roles() != null) {
            user.assignRoles(roleIds("roles", change.roles()));
        }
        if (change.status() != null) {
            switch (change.status()) {
                case "ACTIVE" -> {
                    user.activate();
                    // Also the way an administrator lets the owner in at once while someone guesses at the account.
                    loginThrottle.clear(tenantSlug(), user.getEmail());
                }
                case "DEACTIVATED" -> user.deactivate();
                default -> throw Problem.invalid("status", "must be ACTIVE or DEACTIVATED");
            }
        }
        boolean passwordChanged = change.password() != null;
        if (passwordChanged) {
            PasswordPolicy.check("password", change.password(), user.getEmail());
            user.changePasswordHash(passwordEncoder.encode(change.password()));
        }
        users.saveAndFlush(user);
        audit.record("user.changed", "user", id, before, user.snapshot());
        if (passwordChanged || user.getStatus() == UserStatus.DEACTIVATED) {
            // A new password or a deactivation ends every session, so an old refresh token cannot outlive it.
            sessions.revokeAllOf(id, passwordChanged ? "password changed" : "deactivated");
            if (passwordChanged) {
                audit.record("user.password_reset", "user", id, null, Map.of("userId", id.toString()));
            }
        }
        events.publishEvent(new IdentityChanged(user.getTenantId()));
        return view(user);
    }

    /** Sets a demo or bootstrap user's password and roles; used by provisioning, not by the API. */
    @Transactional
    public UserView ensure(String email, String displayName, String password, List<String> roleCodes) {
        return users.findByEmail(User.normalise(email))
                .map(this::view)
                .orElseGet(() -> create(new NewUser(email, displayName, password, roleCodes)));
    }

    private User find(UUID id) {
        return users.findById(id).orElseThrow(() -> Problem.notFound("User", id));
    }

    private Set<UUID> roleIds(String field, List<String> codes) {
        if (codes == null) {
            return Set.of();
        }
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            Role role = roles.findByCode(code).orElseThrow(() -> Problem.invalid(field, "unknown role '" + code + "'"));
            Caller.current()
                    .ifPresent(caller -> Delegation.requireCovered(
                            caller, Delegation.permissionsOf(List.of(role)), field, "grant the role '" + code + "'"));
            ids.add(role.getId());
        }
        return ids;
    }

    private String tenantSlug() {
        return tenants.findById(TenantContext.require()).orElseThrow().getSlug();
    }

    private UserView view(User user) {
        return views(List.of(user)).get(0);
    }

    private List<UserView> views(List<User> page) {
        Map<String, Instant> waits = loginThrottle.accountWaits(
                tenantSlug(), page.stream().map(User::getEmail).toList());
        Map<UUID, String> roleCodes = roles.findAll().stream().collect(Collectors.toMap(Role::getId, Role::getCode));
        List<Team> allTeams = teams.findAll();
        return page.stream()
                .map(u -> new UserView(
                        u.getId(),
                        u.getEmail(),
                        u.getDisplayName(),
                        u.getStatus().name(),
                        u.getRoleIds().stream().map(roleCodes::get).sorted().toList(),
                        allTeams.stream()
                                .filter(t -> t.getMemberIds().contains(u.getId())
                                        || u.getId().equals(t.getManagerId()))
                                .sorted(Comparator.comparing(Team::getName))
                                .map(t -> new UserView.TeamRef(t.getId(), t.getName()))
                                .toList(),
                        waits.get(u.getEmail()),
                        u.getCreatedAt(),
                        u.getVersion()))
                .toList();
    }
}
