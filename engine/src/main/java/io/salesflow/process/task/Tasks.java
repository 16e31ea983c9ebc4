package io.salesflow.process.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.audit.AuditLog;
import io.salesflow.identity.Caller;
import io.salesflow.identity.Scope;
import io.salesflow.identity.TeamView;
import io.salesflow.identity.Teams;
import io.salesflow.identity.Users;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.process.EngineGroups;
import io.salesflow.process.RecordProcesses;
import io.salesflow.process.form.FormSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Process tasks for the people who work them ({@code /api/v1/tasks}): what a caller may see and do, checked here
 * rather than by the engine's authorisation (which is off), with the engine's tenant check on for every call as a
 * second fence. Completing a task checks the submitted values against the task's form before the engine sees
 * them; whatever runs next in the process runs in the same transaction, so a failure there changes nothing.
 */
@Service
public class Tasks {

    /** Deeper than this, narrow the list with filters: the engine pages by offset. */
    static final int MAX_OFFSET = 100_000;

    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;
    private final TaskViews views;
    private final Teams teams;
    private final Users users;
    private final AuditLog audit;
    private final ObjectMapper json;

    Tasks(
            TaskService tasks,
            FormService forms,
            IdentityService identity,
            TaskViews views,
            Teams teams,
            Users users,
            AuditLog audit,
            ObjectMapper json) {
        this.tasks = tasks;
        this.forms = forms;
        this.identity = identity;
        this.views = views;
        this.teams = teams;
        this.users = users;
        this.audit = audit;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public CursorPage<TaskView> list(TaskFilter filter, String cursor, int limit) {
        Caller caller = Caller.require();
        int offset = offset(cursor);
        return asCaller(caller, () -> {
            TaskQuery query;
            switch (filter.view() == null ? "mine" : filter.view()) {
                case "mine" -> query = visibleTo(caller);
                case "team" -> {
                    Set<String> members = teamMembers(caller);
                    if (members.isEmpty()) {
                        return new CursorPage<>(List.of(), null);
                    }
                    query = tasks.createTaskQuery()
                            .tenantIdIn(caller.tenantSlug())
                            .taskAssigneeIn(members.toArray(String[]::new));
                }
                case "all" -> {
                    if (scope(caller) != Scope.ALL) {
                        throw Problem.forbidden("Only a workspace-wide task permission shows all tasks");
                    }
                    query = tasks.createTaskQuery().tenantIdIn(caller.tenantSlug());
                }
                default -> throw Problem.invalid("view", "must be one of mine, team, all");
            }
            if (filter.recordId() != null) {
                if (filter.recordType() == null) {
                    throw Problem.invalid("recordType", "goes with recordId: lead, contact, account or deal");
                }
                query.processInstanceBusinessKey(RecordProcesses.businessKey(filter.recordType(), filter.recordId()));
            } else if (filter.recordType() != null) {
                query.processVariableValueEquals(RecordProcesses.RECORD_TYPE, filter.recordType());
            }
            if (filter.processKey() != null) {
                query.processDefinitionKey(filter.processKey());
            }
            if (filter.dueBefore() != null) {
                query.dueBefore(java.util.Date.from(filter.dueBefore()));
            }
            if (filter.dueAfter() != null) {
                query.dueAfter(java.util.Date.from(filter.dueAfter()));
            }
            if (filter.followUpBefore() != null) {
                query.followUpBefore(java.util.Date.from(filter.followUpBefore()));
            }
            if (filter.followUpAfter() != null) {
                query.followUpAfter(java.util.Date.from(filter.followUpAfter()));
            }
            List<Task> page = query.initializeFormKeys()
                    .orderByTaskPriority()
                    .desc()
                    .orderByDueDate()
                    .asc()
                    .orderByTaskCreateTime()
                    .asc()
                    .listPage(offset, limit + 1);
            List<TaskView> items = views.of(page.subList(0, Math.min(limit, page.size())));
            String next = page.size() > limit ? CursorPage.encode(Integer.toString(offset + limit)) : null;
            return new CursorPage<>(items, next);
        });
    }

    @Transactional(readOnly = true)
    public TaskView get(String id) {
        Caller caller = Caller.require();
        return asCaller(caller, () -> {
            Task task = visible(caller, id);
            return views.of(List.of(task)).get(0).withForm(form(task).json());
        });
    }

    @Transactional
    public TaskView claim(String id) {
        Caller caller = Caller.require();
        return asCaller(caller, () -> {
            Task task = visible(caller, id);
            if (task.getAssignee() != null
                    && !task.getAssignee().equals(caller.userId().toString())) {
                throw Problem.conflict("The task is already assigned to someone else; ask them or their manager");
            }
            tasks.claim(id, caller.userId().toString());
            audit.record("task.claimed", "task", id, null, Map.of("assignee", caller.userId()));
            return view(id);
        });
    }

    @Transactional
    public TaskView unclaim(String id) {
        Caller caller = Caller.require();
        return asCaller(caller, () -> {
            Task task = visible(caller, id);
            requireAssigneeOrManager(caller, task);
            tasks.setAssignee(id, null);
            audit.record("task.unclaimed", "task", id, Map.of("assignee", task.getAssignee()), null);
            return view(id);
        });
    }

    /** Hands the task to another user of the workspace; it comes back to the caller once they resolve it. */
    @Transactional
    public TaskView delegate(String id, UUID to) {
        Caller caller = Caller.require();
        return asCaller(caller, () -> {
            Task task = visible(caller, id);
            requireAssigneeOrManager(caller, task);
            if (to == null || !users.isActive(to)) {
                throw Problem.invalid("userId", "must be an active user of this workspace");
            }
            if (task.getDelegationState() == DelegationState.PENDING) {
                throw Problem.conflict("The task is delegated already; its delegate resolves it first");
            }
            tasks.delegateTask(id, to.toString());
            audit.record(
                    "task.delegated",
                    "task",
                    id,
                    Map.of("assignee", String.valueOf(task.getAssignee())),
                    Map.of("delegate", to));
            return view(id);
        });
    }

    /**
     * Completes the task with the values of its form, as the caller: an open task of one of their groups is claimed
     * on the way; a delegated task is resolved by its delegate and completed with the delegate's values.
     */
    @Transactional
    public void complete(String id, JsonNode variables) {
        Caller caller = Caller.require();
        asCaller(caller, () -> {
            Task task = visible(caller, id);
            String me = caller.userId().toString();
            if (task.getAssignee() == null) {
                tasks.claim(id, me);
            } else if (!task.getAssignee().equals(me)) {
                throw Problem.conflict("The task is assigned to someone else; claim it first or ask its assignee");
            }
            Map<String, Object> values = form(task).check(variables);
            if (task.getDelegationState() == DelegationState.PENDING) {
                tasks.resolveTask(id, values);
            }
            tasks.complete(id, values);
            audit.record("task.completed", "task", id, null, values);
            return null;
        });
    }

    @Transactional
    public CommentView comment(String id, String message) {
        Caller caller = Caller.require();
        if (message == null || message.isBlank()) {
            throw Problem.invalid("message", "must not be empty");
        }
        if (message.length() > 2000) {
            throw Problem.invalid("message", "must be at most 2000 characters");
        }
        return asCaller(caller, () -> {
            Task task = visible(caller, id);
            return CommentView.of(tasks.createComment(id, task.getProcessInstanceId(), message.strip()));
        });
    }

    @Transactional(readOnly = true)
    public List<CommentView> comments(String id) {
        Caller caller = Caller.require();
        return asCaller(caller, () -> {
            visible(caller, id);
            return tasks.getTaskComments(id).stream().map(CommentView::of).toList();
        });
    }

    /** A comment on a task: who wrote it, when, what. */
    public record CommentView(String id, UUID userId, java.time.Instant at, String message) {
        static CommentView of(Comment c) {
            return new CommentView(
                    c.getId(),
                    c.getUserId() == null ? null : UUID.fromString(c.getUserId()),
                    c.getTime().toInstant(),
                    c.getFullMessage());
        }
    }

    private TaskView view(String id) {
        return views.of(List.of(
                        tasks.createTaskQuery().taskId(id).initializeFormKeys().singleResult()))
                .get(0);
    }

    /** Where a page of tasks starts: task lists page by position, the engine's way. */
    static int offset(String cursor) {
        Long offset = CursorPage.decodeLong(cursor);
        if (offset == null) {
            return 0;
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw Problem.invalid("cursor", "is not a cursor this API returned");
        }
        return offset.intValue();
    }

    /** The caller's own tasks: assigned to them, delegated by them, or open to one of their groups. */
    TaskQuery visibleTo(Caller caller) {
        String me = caller.userId().toString();
        return tasks.createTaskQuery()
                .tenantIdIn(caller.tenantSlug())
                .or()
                .taskAssignee(me)
                .taskOwner(me)
                .taskCandidateGroupIn(groupsOf(caller))
                .endOr();
    }

    /** The task, if the caller may see it; a task they may not see is reported as missing. */
    Task visible(Caller caller, String id) {
        Task task = tasks.createTaskQuery()
                .taskId(id)
                .tenantIdIn(caller.tenantSlug())
                .initializeFormKeys()
                .singleResult();
        if (task == null || !maySee(caller, task)) {
            throw Problem.notFound("Task", id);
        }
        return task;
    }

    private boolean maySee(Caller caller, Task task) {
        String me = caller.userId().toString();
        if (me.equals(task.getAssignee()) || me.equals(task.getOwner()) || scope(caller) == Scope.ALL) {
            return true;
        }
        if (task.getAssignee() != null && teamMembers(caller).contains(task.getAssignee())) {
            return scope(caller) == Scope.TEAM;
        }
        Set<String> groups = new HashSet<>(groupsOf(caller));
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (link.getGroupId() != null && groups.contains(link.getGroupId()) && task.getAssignee() == null) {
                return true;
            }
        }
        return false;
    }

    private void requireAssigneeOrManager(Caller caller, Task task) {
        String me = caller.userId().toString();
        boolean managing = task.getAssignee() != null
                && scope(caller) != Scope.OWN
                && (scope(caller) == Scope.ALL || teamMembers(caller).contains(task.getAssignee()));
        if (!me.equals(task.getAssignee()) && !managing) {
            throw Problem.conflict("Only the task's assignee or their manager can do that");
        }
    }

    private Scope scope(Caller caller) {
        return caller.scopeOf("tasks:work").orElse(Scope.OWN);
    }

    private List<String> groupsOf(Caller caller) {
        return EngineGroups.of(caller.tenantSlug(), caller.roles(), caller.teamIds());
    }

    /** Members of the teams the caller is in or manages, without the caller; empty for an own-scope caller. */
    private Set<String> teamMembers(Caller caller) {
        if (scope(caller) == Scope.OWN) {
            return Set.of();
        }
        Set<String> members = new HashSet<>();
        for (TeamView team : teams.list()) {
            if (scope(caller) == Scope.ALL
                    || caller.userId().equals(team.managerId())
                    || caller.teamIds().contains(team.id())) {
                team.memberIds().forEach(m -> members.add(m.toString()));
            }
        }
        members.remove(caller.userId().toString());
        return members;
    }

    FormSchema form(Task task) {
        if (task.getCamundaFormRef() == null && task.getFormKey() == null) {
            return FormSchema.none();
        }
        try (InputStream in = forms.getDeployedTaskForm(task.getId())) {
            return FormSchema.of(json.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("The form of task " + task.getId() + " cannot be read", e);
        }
    }

    /** Runs engine calls as the caller, so the engine's tenant check limits them to the caller's workspace. */
    <T> T asCaller(Caller caller, Supplier<T> work) {
        identity.setAuthentication(caller.userId().toString(), groupsOf(caller), List.of(caller.tenantSlug()));
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
