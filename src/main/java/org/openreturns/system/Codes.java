package org.openreturns.system;

import java.util.Arrays;
import java.util.Optional;

/**
 * Codes of closed sets (enum names) that arrive as text a person wrote, e.g. a form's choice or a query
 * parameter. A code that names nothing is a problem to report to that person, not a crash.
 */
public final class Codes {

    private Codes() {
    }

    /** The constant of the type with this name; empty for null or a name the type does not have. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(code)).findFirst();
    }
}
