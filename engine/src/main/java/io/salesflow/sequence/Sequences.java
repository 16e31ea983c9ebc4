package io.salesflow.sequence;

import io.salesflow.calendar.BusinessDuration;
import io.salesflow.email.EmailTemplates;
import io.salesflow.identity.Users;
import io.salesflow.mailbox.Mailboxes;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.problem.Problem.FieldError;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.platform.web.ETags;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's sequences: saved whole after every field is checked (a step naming a template the workspace does not
 * have is a 422 naming that step's field), changed under If-Match, archived rather than deleted.
 */
@Service
public class Sequences {

    static final int MAX_STEPS = 30;
    static final int MAX_VARIANTS = 5;
    private static final Pattern CONTENT_SID = Pattern.compile("^HX[0-9a-f]{32}$");

    private final SequenceStore store;
    private final EmailTemplates templates;
    private final Users users;
    private final Mailboxes mailboxes;

    Sequences(SequenceStore store, EmailTemplates templates, Users users, Mailboxes mailboxes) {
        this.store = store;
        this.templates = templates;
        this.users = users;
        this.mailboxes = mailboxes;
    }

    @Transactional(readOnly = true)
    public Sequence get(UUID id) {
        return store.find(id, false).orElseThrow(() -> Problem.notFound("Sequence", id));
    }

    /** Whether the id names a sequence of the workspace that is not archived. */
    @Transactional(readOnly = true)
    public boolean exists(UUID id) {
        return store.find(id, false).isPresent();
    }

    @Transactional(readOnly = true)
    public CursorPage<Sequence> list(String cursor, int limit) {
        String afterName = null;
        UUID afterId = null;
        if (cursor != null) {
            String key = CursorPage.decode(cursor);
            int bar = key == null ? -1 : key.lastIndexOf('|');
            if (bar < 0) {
                throw Problem.invalid("cursor", "is not a cursor this list gave");
            }
            afterName = key.substring(0, bar);
            try {
                afterId = UUID.fromString(key.substring(bar + 1));
            } catch (IllegalArgumentException e) {
                throw Problem.invalid("cursor", "is not a cursor this list gave");
            }
        }
        return CursorPage.of(store.page(afterName, afterId, limit), limit, s -> s.name() + "|" + s.id());
    }

    @Transactional
    public Sequence create(SequenceInput input) {
        check(input, null);
        UUID id = UUID.randomUUID();
        store.insert(id, input);
        return get(id);
    }

    @Transactional
    public Sequence update(UUID id, SequenceInput input, String ifMatch) {
        Sequence current = store.find(id, true).orElseThrow(() -> Problem.notFound("Sequence", id));
        if (ETags.isConditional(ifMatch)) {
            ETags.check(ifMatch, current.version());
        }
        check(input, id);
        store.update(id, input);
        return get(id);
    }

    @Transactional
    public void archive(UUID id) {
        if (!store.archive(id)) {
            throw Problem.notFound("Sequence", id);
        }
    }

    private void check(SequenceInput input, UUID id) {
        List<FieldError> errors = new ArrayList<>();
        if (input.name() == null
                || input.name().isBlank()
                || input.name().strip().length() > 120) {
            errors.add(new FieldError("name", "is required: 1 to 120 characters"));
        }
        if (input.senderId() == null) {
            errors.add(new FieldError("senderId", "is required"));
        } else if (!users.isActive(input.senderId())) {
            errors.add(new FieldError("senderId", "is no active user of this workspace"));
        }
        if (input.stopRules() == null) {
            errors.add(new FieldError("stopRules", "is required"));
        }
        if (input.steps() == null || input.steps().isEmpty()) {
            errors.add(new FieldError("steps", "needs at least one step"));
        } else if (input.steps().size() > MAX_STEPS) {
            errors.add(new FieldError("steps", "has at most " + MAX_STEPS + " steps"));
        } else {
            for (int i = 0; i < input.steps().size(); i++) {
                checkStep("steps[" + i + "]", input.steps().get(i), errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new Problem(
                    400,
                    "validation",
                    "Invalid request",
                    errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
        List<FieldError> missing = new ArrayList<>();
        if (input.mailboxId() != null && !mailboxExists(input.mailboxId())) {
            missing.add(new FieldError("mailboxId", "names no mailbox of this workspace"));
        }
        for (int i = 0; i < input.steps().size(); i++) {
            SequenceInput.StepInput step = input.steps().get(i);
            if ("email".equals(step.kind())) {
                for (int v = 0; v < step.variants().size(); v++) {
                    UUID template = step.variants().get(v).emailTemplateId();
                    if (!templates.usable(template)) {
                        missing.add(new FieldError(
                                "steps[" + i + "].variants[" + v + "].emailTemplateId",
                                "names no email template of this workspace (" + template + ")"));
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new Problem(
                    422,
                    "unknown-reference",
                    "The sequence names something that does not exist",
                    missing.get(0).field() + ": " + missing.get(0).message(),
                    missing);
        }
        if (store.nameTaken(input.name().strip(), id == null ? new UUID(0, 0) : id)) {
            throw new Problem(
                            409,
                            "name-taken",
                            "Another sequence has this name",
                            "A sequence named '" + input.name().strip() + "' exists already",
                            List.of(new FieldError("name", "is taken by another sequence")))
                    .with("name", input.name().strip());
        }
    }

    private boolean mailboxExists(UUID id) {
        try {
            mailboxes.get(id);
            return true;
        } catch (Problem e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static void checkStep(String at, SequenceInput.StepInput step, List<FieldError> errors) {
        if (step == null) {
            errors.add(new FieldError(at, "is required"));
            return;
        }
        if (step.kind() == null || !Sequence.KINDS.contains(step.kind())) {
            errors.add(new FieldError(at + ".kind", "must be one of " + Sequence.KINDS));
            return;
        }
        if (step.waitFor() == null) {
            errors.add(new FieldError(at + ".waitFor", "is required: business time such as P2D or PT4H"));
        } else {
            try {
                BusinessDuration wait = BusinessDuration.parse(step.waitFor());
                if (wait.workingDays() == 0 && wait.workingTime().isZero() && !"task".equals(step.kind())) {
                    errors.add(new FieldError(at + ".waitFor", "must be more than no time"));
                }
            } catch (RuntimeException e) {
                errors.add(new FieldError(at + ".waitFor", "is no business time such as P2D or PT4H"));
            }
        }
        if ("task".equals(step.kind())) {
            if (step.taskName() == null
                    || step.taskName().isBlank()
                    || step.taskName().length() > 200) {
                errors.add(new FieldError(at + ".taskName", "is required for a task step: 1 to 200 characters"));
            }
        } else if (step.taskName() != null) {
            errors.add(new FieldError(at + ".taskName", "is only for task steps"));
        }
        List<SequenceInput.VariantInput> variants = step.variants() == null ? List.of() : step.variants();
        if (!Sequence.SENDING.contains(step.kind())) {
            if (!variants.isEmpty()) {
                errors.add(new FieldError(at + ".variants", "are only for email, SMS and WhatsApp steps"));
            }
            return;
        }
        if (variants.isEmpty() || variants.size() > MAX_VARIANTS) {
            errors.add(new FieldError(at + ".variants", "needs 1 to " + MAX_VARIANTS + " variants"));
            return;
        }
        for (int v = 0; v < variants.size(); v++) {
            String vat = at + ".variants[" + v + "]";
            SequenceInput.VariantInput variant = variants.get(v);
            if (variant == null) {
                errors.add(new FieldError(vat, "is required"));
                continue;
            }
            if (variant.weight() != null && (variant.weight() < 1 || variant.weight() > 100)) {
                errors.add(new FieldError(vat + ".weight", "must be 1 to 100"));
            }
            switch (step.kind()) {
                case "email" -> {
                    if (variant.emailTemplateId() == null) {
                        errors.add(new FieldError(vat + ".emailTemplateId", "is required for an email step"));
                    }
                    if (variant.smsBody() != null || variant.whatsappContentSid() != null) {
                        errors.add(new FieldError(vat, "an email variant has only an emailTemplateId"));
                    }
                }
                case "sms" -> {
                    if (variant.smsBody() == null
                            || variant.smsBody().isBlank()
                            || variant.smsBody().length() > 1600) {
                        errors.add(
                                new FieldError(vat + ".smsBody", "is required for an SMS step: 1 to 1600 characters"));
                    }
                    if (variant.emailTemplateId() != null || variant.whatsappContentSid() != null) {
                        errors.add(new FieldError(vat, "an SMS variant has only an smsBody"));
                    }
                }
                default -> {
                    if (variant.whatsappContentSid() == null
                            || !CONTENT_SID
                                    .matcher(variant.whatsappContentSid())
                                    .matches()) {
                        errors.add(new FieldError(
                                vat + ".whatsappContentSid", "is required for a WhatsApp step: HX and 32 hex digits"));
                    }
                    if (variant.emailTemplateId() != null || variant.smsBody() != null) {
                        errors.add(new FieldError(vat, "a WhatsApp variant has only a whatsappContentSid"));
                    }
                }
            }
        }
    }
}
