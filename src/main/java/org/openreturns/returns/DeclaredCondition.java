package org.openreturns.returns;

public enum DeclaredCondition {
    UNOPENED, OPENED, USED, DAMAGED
}
