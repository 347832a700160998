package org.openreturns.system;

/** The thing a request names does not exist; answered with 404 and the field that named it. */
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
