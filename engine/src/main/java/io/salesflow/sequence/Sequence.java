package io.salesflow.sequence;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A follow-up sequence as the API shows and takes it back: its steps in order, each with its variants.
 *
 * @param senderId whose working hours sends wait for; gets the rep tasks of records without an owner
 * @param mailboxId the replies mailbox its emails are answered into, null for the workspace's sender
 * @param allowConcurrent whether a record may be in this sequence while in another active one of the same mailbox
 */
@Schema(name = "Sequence")
public record Sequence(
        UUID id,
        String name,
        UUID senderId,
        UUID mailboxId,
        boolean allowConcurrent,
        StopRules stopRules,
        List<Step> steps,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** Which answers end an enrolment; an answer that does not stop it lets the steps go on. */
    @Schema(name = "SequenceStopRules")
    public record StopRules(boolean reply, boolean bounce, boolean unsubscribe, boolean meeting) {

        boolean stopsOn(String reason) {
            return switch (reason) {
                case Enrolments.REPLIED -> reply;
                case Enrolments.BOUNCED -> bounce;
                case Enrolments.UNSUBSCRIBED -> unsubscribe;
                case Enrolments.MEETING -> meeting;
                default -> false;
            };
        }
    }

    /**
     * One step: {@code email}, {@code sms} and {@code whatsapp} send one of their variants, {@code task} gives the
     * rep a task named {@code taskName}, {@code wait} only waits; after it the process waits {@code waitFor} (ISO 8601
     * business time: {@code P2D} two working days, {@code PT4H} four working hours) for an answer.
     */
    @Schema(name = "SequenceStep")
    public record Step(int position, String kind, String waitFor, String taskName, List<Variant> variants) {

        boolean sends() {
            return SENDING.contains(kind);
        }
    }

    /** One A/B variant of a sending step: exactly one of the template, the SMS text or the WhatsApp content. */
    @Schema(name = "SequenceVariant")
    public record Variant(String label, int weight, UUID emailTemplateId, String smsBody, String whatsappContentSid) {}

    static final List<String> KINDS = List.of("email", "sms", "whatsapp", "task", "wait");
    static final List<String> SENDING = List.of("email", "sms", "whatsapp");

    Step step(int position) {
        return steps.stream().filter(s -> s.position() == position).findFirst().orElse(null);
    }
}
