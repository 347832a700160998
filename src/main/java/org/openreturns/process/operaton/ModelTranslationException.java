package org.openreturns.process.operaton;

/**
 * A model file uses something the embedded runtime cannot run as Camunda 8 would. The message names the file, the
 * element id and the construct, so that whoever edits the model in Camunda Modeler knows what to change.
 */
final class ModelTranslationException extends RuntimeException {

    ModelTranslationException(String message) {
        super(message);
    }

    ModelTranslationException(String message, Throwable cause) {
        super(message, cause);
    }
}
