package org.openreturns.idempotency;

import static org.openreturns.db.Tables.IDEMPOTENCY_KEY;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The stored first responses of requests with an {@code Idempotency-Key}; see V14__idempotency_keys.sql. */
@Repository
class IdempotencyKeys {

    private final DSLContext db;

    IdempotencyKeys(DSLContext db) {
        this.db = db;
    }

    /** Whose key for which request: the same key sent by another user or to another endpoint is another key. */
    record Scope(String username, String method, String path, String key) {
    }

    /** The first response given to a request, with the hash of that request's body to compare a repeat with. */
    record StoredResponse(String requestHash, int status, String contentType, String location, byte[] body) {
    }

    /**
     * Claims the key for this request in the current transaction, or answers the response stored for it. A key
     * another transaction has claimed but not committed yet holds this call until that transaction ends (then its
     * response is answered, or, when it rolled back, the key is claimed here), for at most {@code wait}.
     *
     * @return empty when the key is now claimed by this transaction and the request is to run
     */
    Optional<StoredResponse> claimOrFind(Scope scope, String requestHash, OffsetDateTime now, OffsetDateTime keptSince,
                                         Duration wait) {
        // A key past its time that the purge has not reached yet counts as never used.
        db.deleteFrom(IDEMPOTENCY_KEY).where(matches(scope)).and(IDEMPOTENCY_KEY.CREATED_AT.lt(keptSince)).execute();
        db.execute("set local lock_timeout = " + Math.max(1, wait.toMillis()));
        int claimed = db.insertInto(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.USERNAME, scope.username())
                .set(IDEMPOTENCY_KEY.METHOD, scope.method())
                .set(IDEMPOTENCY_KEY.PATH, scope.path())
                .set(IDEMPOTENCY_KEY.KEY, scope.key())
                .set(IDEMPOTENCY_KEY.REQUEST_HASH, requestHash)
                .set(IDEMPOTENCY_KEY.CREATED_AT, now)
                .onConflictDoNothing()
                .execute();
        // The work of the request must not be limited by this wait.
        db.execute("set local lock_timeout to default");
        if (claimed == 1) {
            return Optional.empty();
        }
        return db.selectFrom(IDEMPOTENCY_KEY).where(matches(scope)).fetchOptional(row -> new StoredResponse(
                row.getRequestHash(), row.getStatus(), row.getContentType(), row.getLocation(), row.getBody()));
    }

    /** Stores the response of the request that claimed the key, in the same transaction as its work. */
    void recordResponse(Scope scope, int status, String contentType, String location, byte[] body) {
        db.update(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.STATUS, status)
                .set(IDEMPOTENCY_KEY.CONTENT_TYPE, contentType)
                .set(IDEMPOTENCY_KEY.LOCATION, location)
                .set(IDEMPOTENCY_KEY.BODY, body)
                .where(matches(scope))
                .execute();
    }

    /** Deletes the keys created before the moment given, and answers how many. */
    int deleteCreatedBefore(OffsetDateTime keptSince) {
        return db.deleteFrom(IDEMPOTENCY_KEY).where(IDEMPOTENCY_KEY.CREATED_AT.lt(keptSince)).execute();
    }

    private static org.jooq.Condition matches(Scope scope) {
        return IDEMPOTENCY_KEY.USERNAME.eq(scope.username())
                .and(IDEMPOTENCY_KEY.METHOD.eq(scope.method()))
                .and(IDEMPOTENCY_KEY.PATH.eq(scope.path()))
                .and(IDEMPOTENCY_KEY.KEY.eq(scope.key()));
    }
}
