package org.openreturns.system;

/**
 * A request that does not prove who sent it, refused with 401: a channel's webhook without a valid signature or with
 * a triggered-at time outside the tolerance. Nothing of it is stored.
 */
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException(String message) {
        super(message);
    }
}
