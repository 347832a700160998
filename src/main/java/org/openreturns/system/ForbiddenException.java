package org.openreturns.system;

/** The caller may not do this, whatever the request says (answered with 403); nothing was changed. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
