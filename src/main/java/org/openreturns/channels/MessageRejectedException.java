package org.openreturns.channels;

/** A channel message that cannot be taken as it is; the message says why, for the person who reads the dead letter. */
public class MessageRejectedException extends RuntimeException {

    public MessageRejectedException(String reason) {
        super(reason);
    }
}
