package org.openreturns.returns;

import java.util.UUID;

public record ReturnSummary(UUID returnId, String rmaNumber, ReturnStatus status) {
}
