package org.openreturns.system;

/** The request is valid but clashes with the current state (answered with 409); nothing was changed. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
