package io.salesflow.demo;

import io.salesflow.identity.RoleView;
import io.salesflow.identity.Roles;
import io.salesflow.identity.Scope;
import io.salesflow.identity.Teams;
import io.salesflow.identity.UserView;
import io.salesflow.identity.Users;
import io.salesflow.tenancy.Tenant;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The demo tenants {@code acme} and {@code globex} with a user per role. Loading twice changes nothing:
 * every step looks for what it would create first.
 */
@Component
class DemoData {

    /** email, display name, roles: the logins the run command prints. */
    static final List<DemoUser> ACME = List.of(
            new DemoUser("admin@acme.test", "Ada Admin", List.of("org_admin"), "org admin"),
            new DemoUser("manager@acme.test", "Max Manager", List.of("manager"), "manager of team East"),
            new DemoUser("rep@acme.test", "Rita Rep", List.of("sales_rep"), "sales rep, East"),
            new DemoUser("rep2@acme.test", "Ron Rep", List.of("sales_rep"), "sales rep, East"),
            new DemoUser("ops@acme.test", "Olga Ops", List.of("process_operator"), "process designer/operator"),
            new DemoUser("marketing@acme.test", "Mia Marketing", List.of("marketing"), "marketing"),
            new DemoUser("support@acme.test", "Sam Support", List.of("support_agent"), "support agent"),
            new DemoUser("finance@acme.test", "Fay Finance", List.of("finance"), "finance"),
            new DemoUser("auditor@acme.test", "Otto Auditor", List.of("auditor"), "read-only auditor"));

    static final List<DemoUser> GLOBEX = List.of(
            new DemoUser("admin@globex.test", "Gus Admin", List.of("org_admin"), "org admin"),
            new DemoUser("rep@globex.test", "Gia Rep", List.of("sales_rep"), "sales rep"));

    record DemoUser(String email, String displayName, List<String> roles, String description) {}

    private final Tenants tenants;
    private final Users users;
    private final Roles roles;
    private final Teams teams;
    private final DemoRecords records;
    private final DemoCustomFields customFields;
    private final DemoRouting routing;
    private final DemoDuplicates duplicates;
    private final DemoProcesses processes;
    private final DemoMessages messages;
    private final DemoContracts contracts;
    private final DemoSequences sequences;
    private final DemoPayments payments;

    DemoData(
            Tenants tenants,
            Users users,
            Roles roles,
            Teams teams,
            DemoRecords records,
            DemoCustomFields customFields,
            DemoRouting routing,
            DemoDuplicates duplicates,
            DemoProcesses processes,
            DemoMessages messages,
            DemoContracts contracts,
            DemoSequences sequences,
            DemoPayments payments) {
        this.processes = processes;
        this.messages = messages;
        this.contracts = contracts;
        this.sequences = sequences;
        this.payments = payments;
        this.routing = routing;
        this.duplicates = duplicates;
        this.records = records;
        this.customFields = customFields;
        this.tenants = tenants;
        this.users = users;
        this.roles = roles;
        this.teams = teams;
    }

    void load(String password) {
        Tenant acme = tenants.provision("acme", "Acme Corporation");
        Tenant globex = tenants.provision("globex", "Globex Inc.");
        TenantContext.runAs(acme.getId(), () -> {
            Map<String, UserView> users = loadAcme(password);
            UUID east = teams.list().stream()
                    .filter(t -> t.name().equals("East"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            records.load(
                    acme.getId(),
                    "acme",
                    Stream.of("rep@acme.test", "rep2@acme.test", "manager@acme.test", "admin@acme.test")
                            .map(e -> users.get(e).id())
                            .toList(),
                    east,
                    new DemoRecords.Sizes(100, 5, 200, 100));
            customFields.load(acme.getId(), "acme", 100, 200);
            duplicates.load("acme", 0, 7, 19);
            routing.load(
                    east,
                    users.get("rep@acme.test").id(),
                    users.get("rep2@acme.test").id(),
                    users.get("manager@acme.test").id());
            processes.load(
                    acme.getId(),
                    users.get("rep@acme.test").id(),
                    users.get("ops@acme.test").id());
            messages.load("acme", users.get("rep@acme.test").id());
            contracts.load(
                    users.get("admin@acme.test").id(),
                    users.get("rep@acme.test").id());
            sequences.load(users.get("rep@acme.test").id());
            payments.load(
                    acme.getId(),
                    users.get("rep@acme.test").id(),
                    users.get("finance@acme.test").id());
        });
        TenantContext.runAs(globex.getId(), () -> {
            Map<String, UserView> users = loadUsers(GLOBEX, password);
            records.load(
                    globex.getId(),
                    "globex",
                    List.of(
                            users.get("rep@globex.test").id(),
                            users.get("admin@globex.test").id()),
                    null,
                    new DemoRecords.Sizes(12, 3, 25, 10));
            duplicates.load("globex", 1);
        });
    }

    Map<String, UserView> loadAcme(String password) {
        ensureProcessOperatorRole();
        Map<String, UserView> byEmail = loadUsers(ACME, password);
        if (teams.list().stream().noneMatch(t -> t.name().equals("East"))) {
            teams.create(new Teams.TeamDefinition(
                    "East",
                    byEmail.get("manager@acme.test").id(),
                    Stream.of("rep@acme.test", "rep2@acme.test")
                            .map(e -> byEmail.get(e).id())
                            .toList()));
        }
        return byEmail;
    }

    /**
     * A custom role, the way a tenant would make one: process design and operation, reading records, and the deal
     * desk's approvals (acme's approval table asks ops to check the terms of deeply discounted deals).
     */
    private void ensureProcessOperatorRole() {
        if (roles.list().stream().anyMatch(r -> r.code().equals("process_operator"))) {
            return;
        }
        List<RoleView.Grant> grants = Stream.of(
                        "process:design",
                        "process:operate",
                        "tasks:work",
                        "leads:read",
                        "contacts:read",
                        "accounts:read",
                        "deals:read",
                        "deals:approve",
                        "activities:read",
                        "reports:read",
                        "users:read")
                .map(p -> new RoleView.Grant(p, Scope.ALL))
                .toList();
        roles.create(new Roles.RoleDefinition(
                "process_operator", "Process operator", "Designs, deploys and operates sales processes", grants));
    }

    private Map<String, UserView> loadUsers(List<DemoUser> demoUsers, String password) {
        return demoUsers.stream()
                .collect(java.util.stream.Collectors.toMap(
                        DemoUser::email, u -> users.ensure(u.email(), u.displayName(), password, u.roles())));
    }
}
