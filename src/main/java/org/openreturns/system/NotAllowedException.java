package org.openreturns.system;

/** The caller is known but their groups do not allow this request; answered with 403. */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String message) {
        super(message);
    }
}
