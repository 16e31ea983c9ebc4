package io.salesflow.process;

import io.salesflow.identity.IdentityChanged;
import io.salesflow.identity.PlatformOperators;
import io.salesflow.identity.RoleView;
import io.salesflow.identity.Roles;
import io.salesflow.identity.TeamView;
import io.salesflow.identity.Teams;
import io.salesflow.identity.UserView;
import io.salesflow.identity.Users;
import io.salesflow.platform.database.ProvisioningLock;
import io.salesflow.tenancy.Tenant;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the engine's identity tables a copy of ours: each tenant a Camunda tenant, each active user a
 * Camunda user (by id, without password: nobody signs in to Camunda itself), each role and team a group.
 * Runs for every tenant at start and for one tenant after each committed identity change. We chose
 * synchronisation over a read-only identity provider plug-in because Cockpit, Tasklist and task candidate
 * groups then work unchanged, and our tables stay under row-level security (a plug-in would query them
 * from engine threads with no tenant).
 */
@Component
class EngineIdentitySync {

    private static final Logger log = LoggerFactory.getLogger(EngineIdentitySync.class);
    static final String SYSTEM_USER = "salesflow-system";

    private final IdentityService identityService;
    private final Tenants tenants;
    private final Users users;
    private final Roles roles;
    private final Teams teams;
    private final ProvisioningLock provisioning;
    private final TransactionTemplate transactions;
    private final PlatformOperators operators;

    EngineIdentitySync(
            IdentityService identityService,
            Tenants tenants,
            Users users,
            Roles roles,
            Teams teams,
            PlatformOperators operators,
            ProvisioningLock provisioning,
            PlatformTransactionManager transactionManager) {
        this.operators = operators;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.identityService = identityService;
        this.tenants = tenants;
        this.users = users;
        this.roles = roles;
        this.teams = teams;
        this.provisioning = provisioning;
    }

    @EventListener(ApplicationReadyEvent.class)
    void syncAll() {
        provisioning.run(() -> {
            ensurePlatformAdmin();
            tenants.all().forEach(this::sync);
        });
    }

    @TransactionalEventListener
    void on(IdentityChanged event) {
        provisioning.run(() -> tenants.findById(event.tenantId()).ifPresent(this::sync));
    }

    /**
     * {@code camunda-admin} bypasses the engine's tenant check, so no tenant's user is ever in it: only the platform
     * operator (Cockpit looks up the signed-in user's groups here) and a system user that cannot sign in, which
     * keeps Camunda's webapps from sending everyone to their first-run setup page when no operator is configured.
     * Anyone else found in the group (an operator renamed since) is removed.
     */
    private void ensurePlatformAdmin() {
        transactions.executeWithoutResult(s -> {
            if (identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
                Group group = identityService.newGroup(Groups.CAMUNDA_ADMIN);
                group.setName("Platform administrators");
                group.setType(Groups.GROUP_TYPE_SYSTEM);
                identityService.saveGroup(group);
            }
            if (identityService.createUserQuery().userId(SYSTEM_USER).count() == 0) {
                User user = identityService.newUser(SYSTEM_USER);
                user.setFirstName("Salesflow");
                user.setLastName("System");
                identityService.saveUser(user);
                identityService.createMembership(SYSTEM_USER, Groups.CAMUNDA_ADMIN);
            }
            Set<String> admins = new HashSet<>(Set.of(SYSTEM_USER));
            operators.configured().ifPresent(operator -> {
                String id = operator.id().toString();
                admins.add(id);
                if (identityService.createUserQuery().userId(id).count() == 0) {
                    User user = identityService.newUser(id);
                    user.setFirstName(operator.username());
                    user.setLastName("(platform operator)");
                    identityService.saveUser(user);
                    identityService.createMembership(id, Groups.CAMUNDA_ADMIN);
                }
            });
            for (User member : identityService
                    .createUserQuery()
                    .memberOfGroup(Groups.CAMUNDA_ADMIN)
                    .list()) {
                if (!admins.contains(member.getId())) {
                    identityService.deleteMembership(member.getId(), Groups.CAMUNDA_ADMIN);
                }
            }
        });
    }

    /**
     * Runs in a transaction of its own, begun after the tenant is set: the listener is called after the
     * change's commit, when that transaction's tenant setting is already gone.
     */
    synchronized void sync(Tenant tenant) {
        TenantContext.runAs(tenant.getId(), () -> transactions.executeWithoutResult(s -> syncTenant(tenant)));
        log.debug("Synchronised engine identity of tenant {}", tenant.getSlug());
    }

    private void syncTenant(Tenant tenant) {
        String slug = tenant.getSlug();
        ensureTenant(slug, tenant.getName());
        Set<String> groupIds = new HashSet<>();
        for (RoleView role : roles.list()) {
            groupIds.add(ensureGroup(EngineGroups.role(slug, role.code()), role.name(), "ROLE"));
        }
        for (TeamView team : teams.list()) {
            groupIds.add(ensureGroup(EngineGroups.team(slug, team.id()), team.name(), "TEAM"));
        }
        Set<String> activeUsers = new HashSet<>();
        for (UserView user : users.all()) {
            if ("ACTIVE".equals(user.status())) {
                activeUsers.add(user.id().toString());
                syncUser(slug, user);
            }
        }
        removeStale(slug, groupIds, activeUsers);
    }

    private void ensureTenant(String slug, String name) {
        if (identityService.createTenantQuery().tenantId(slug).count() == 0) {
            org.camunda.bpm.engine.identity.Tenant t = identityService.newTenant(slug);
            t.setName(name);
            identityService.saveTenant(t);
        }
    }

    private String ensureGroup(String id, String name, String type) {
        Group group = identityService.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identityService.newGroup(id);
        }
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
        String tenant = id.substring(0, id.indexOf(':'));
        if (identityService
                        .createGroupQuery()
                        .groupId(id)
                        .memberOfTenant(tenant)
                        .count()
                == 0) {
            identityService.createTenantGroupMembership(tenant, id);
        }
        return id;
    }

    private void syncUser(String slug, UserView view) {
        String id = view.id().toString();
        User user = identityService.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identityService.newUser(id);
        }
        user.setFirstName(view.displayName());
        user.setLastName("");
        user.setEmail(view.email());
        identityService.saveUser(user);
        if (identityService.createUserQuery().userId(id).memberOfTenant(slug).count() == 0) {
            identityService.createTenantUserMembership(slug, id);
        }
        Set<String> wanted = new HashSet<>(EngineGroups.of(
                slug,
                view.roles(),
                view.teams().stream().map(UserView.TeamRef::id).toList()));
        Set<String> current = identityService.createGroupQuery().groupMember(id).list().stream()
                .map(Group::getId)
                .collect(Collectors.toSet());
        for (String g : wanted) {
            if (!current.contains(g)) {
                identityService.createMembership(id, g);
            }
        }
        for (String g : current) {
            if (!wanted.contains(g)) {
                identityService.deleteMembership(id, g);
            }
        }
    }

    private void removeStale(String slug, Set<String> groupIds, Set<String> activeUsers) {
        List<User> engineUsers =
                identityService.createUserQuery().memberOfTenant(slug).list();
        for (User u : engineUsers) {
            if (!activeUsers.contains(u.getId())) {
                identityService.deleteUser(u.getId());
            }
        }
        for (Group g : identityService.createGroupQuery().memberOfTenant(slug).list()) {
            if (!groupIds.contains(g.getId())) {
                identityService.deleteGroup(g.getId());
            }
        }
    }
}
