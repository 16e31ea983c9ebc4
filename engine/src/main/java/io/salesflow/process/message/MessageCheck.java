package io.salesflow.process.message;

/**
 * A check a message must pass before it reaches a process, for the message names it knows: the domain refuses what
 * it cannot take (an unknown or settled record, a bad value) with a problem that names it, before the engine moves
 * anything. Runs in the transaction of the delivery, for {@code POST /api/v1/messages} and inbound webhooks alike.
 */
public interface MessageCheck {

    boolean checks(String messageName);

    /** Throws a {@link io.salesflow.platform.problem.Problem} for a message the process must not get. */
    void check(MessageRequest request);
}
