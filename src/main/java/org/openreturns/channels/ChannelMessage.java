package org.openreturns.channels;

/**
 * One message from a sales channel as it arrived: a webhook delivery, or one record of an order, return or settlement
 * report.
 *
 * @param channel     the sales channel's code
 * @param messageType what kind of message it is; names the {@link ChannelMessageHandler} that takes it
 * @param messageId   the channel's id of the message (webhook id, report file and line), unique per channel and type
 * @param payload     the message as received (JSON of a webhook, the record of a report as JSON)
 */
public record ChannelMessage(String channel, String messageType, String messageId, String payload) {
}
