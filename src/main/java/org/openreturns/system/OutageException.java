package org.openreturns.system;

/**
 * A system the application depends on (the payment provider, a carrier) could not be reached or did not answer: an
 * outage, not a decision about the request. Nothing was changed. The API answers 503; a process step fails, is
 * retried and ends in an incident with this message when the outage lasts.
 */
public class OutageException extends RuntimeException {

    public OutageException(String message, Throwable cause) {
        super(message, cause);
    }
}
