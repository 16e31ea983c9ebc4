package io.salesflow.process.admin;

import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Camunda Forms deployed in the caller's workspace, for the modeler: the latest version of each key, every
 * version of one, and a version's JSON. Another workspace's form is as missing as one that never was.
 */
@Service
public class DeployedForms {

    /** A deployed version of a form (its key is the form's {@code id}). */
    public record FormDefinitionView(
            String id, String key, int version, String resourceName, String deploymentId, Instant deployedAt) {}

    /** A form version's file as deployed. */
    public record FormDefinitionJson(
            String id, String key, int version, String resourceName, String deploymentId, String json) {}

    private final FormDefinitionStore store;
    private final RepositoryService repository;
    private final AdminCalls calls;

    DeployedForms(FormDefinitionStore store, RepositoryService repository, AdminCalls calls) {
        this.store = store;
        this.repository = repository;
        this.calls = calls;
    }

    @Transactional(readOnly = true)
    public CursorPage<FormDefinitionView> latest(String cursor, int limit) {
        int offset = AdminCalls.offset(cursor);
        return AdminCalls.page(store.latest(AdminCalls.tenant(), offset, limit + 1), offset, limit);
    }

    /** Every version of one form, newest first; a key the workspace does not have is a 404. */
    @Transactional(readOnly = true)
    public CursorPage<FormDefinitionView> versions(String key, String cursor, int limit) {
        int offset = AdminCalls.offset(cursor);
        var page = store.versions(AdminCalls.tenant(), key, offset, limit + 1);
        if (page.isEmpty() && offset == 0) {
            throw Problem.notFound("Form", key);
        }
        return AdminCalls.page(page, offset, limit);
    }

    /** The form's file, read through the engine as the caller (its tenant check is a second fence). */
    @Transactional(readOnly = true)
    public FormDefinitionJson json(String id) {
        FormDefinitionView form =
                store.find(AdminCalls.tenant(), id).orElseThrow(() -> Problem.notFound("Form definition", id));
        return calls.asCaller(() -> new FormDefinitionJson(
                form.id(),
                form.key(),
                form.version(),
                form.resourceName(),
                form.deploymentId(),
                read(repository.getResourceAsStream(form.deploymentId(), form.resourceName()))));
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
