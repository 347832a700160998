package org.openreturns.channels;

import java.util.Set;

/**
 * Takes the channel messages of some types into the product (an order, a shipment, a return, a settlement line), the
 * same way when the message arrives and when it is replayed from the dead letters. It must be idempotent on the
 * message's id: a channel sends again what it was not sure arrived, and a replay may repeat a message that was taken.
 *
 * <p>A message that cannot be taken is refused with {@link MessageRejectedException} or one of the business refusals
 * the services throw (rule violation, conflict, not found); {@link ChannelInbox} then keeps it as a dead letter with the
 * reason. Any other exception is an outage: nothing is kept, and the channel's retry (or the report's next import)
 * brings the message again.
 */
public interface ChannelMessageHandler {

    /** The message types this handler takes; each type has exactly one handler. */
    Set<String> messageTypes();

    void take(ChannelMessage message);
}
