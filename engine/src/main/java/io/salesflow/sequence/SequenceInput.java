package io.salesflow.sequence;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** A sequence as it is saved: the whole of it, steps in order (positions follow from the order). */
public record SequenceInput(
        @Schema(maxLength = 120, example = "Demo follow-up", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The user the sends go out for")
                UUID senderId,
        @Schema(description = "A replies mailbox; none for the workspace's sender") UUID mailboxId,
        @Schema(description = "Whether a record may also be in another active sequence of the same mailbox")
                boolean allowConcurrent,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) StopRulesInput stopRules,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 30) List<StepInput> steps) {

    /** Which answers stop an enrolment. */
    @Schema(name = "SequenceStopRulesInput")
    public record StopRulesInput(boolean reply, boolean bounce, boolean unsubscribe, boolean meeting) {}

    /** One step; sending steps have one to five variants, the others none. */
    @Schema(name = "SequenceStepInput")
    public record StepInput(
            @Schema(
                            allowableValues = {"email", "sms", "whatsapp", "task", "wait"},
                            requiredMode = Schema.RequiredMode.REQUIRED)
                    String kind,
            @Schema(
                            example = "P2D",
                            description = "Business time to wait for an answer after the step (P2D: two working days)",
                            requiredMode = Schema.RequiredMode.REQUIRED)
                    String waitFor,
            @Schema(maxLength = 200, description = "The rep task's name (task steps)") String taskName,
            List<VariantInput> variants) {}

    /** One A/B variant: labelled A, B, … in order; the weight says how often it is chosen. */
    @Schema(name = "SequenceVariantInput")
    public record VariantInput(
            @Schema(minimum = "1", maximum = "100", defaultValue = "1") Integer weight,
            @Schema(description = "Email steps: the template") UUID emailTemplateId,
            @Schema(maxLength = 1600, description = "SMS steps: the text") String smsBody,
            @Schema(pattern = "^HX[0-9a-f]{32}$", description = "WhatsApp steps: the approved template's content SID")
                    String whatsappContentSid) {}
}
