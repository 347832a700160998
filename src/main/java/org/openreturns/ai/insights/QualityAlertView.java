package org.openreturns.ai.insights;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A raised product-quality alert and, once a manager investigated it, what they concluded. */
public record QualityAlertView(long id, String scope, String scopeKey, String kind, String reasonCode,
                               LocalDate weekStart, String evidence, double zScore, OffsetDateTime raisedAt,
                               String conclusion, String investigatedBy, OffsetDateTime investigatedAt) {
}
