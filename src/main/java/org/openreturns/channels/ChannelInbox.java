package org.openreturns.channels;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openreturns.system.ConflictException;
import org.openreturns.system.InvalidParameterException;
import org.openreturns.system.NotFoundException;
import org.openreturns.system.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where every message of a sales channel enters: it hands the message to the handler of its type in a transaction of
 * its own, and keeps a message the handler refuses as a dead letter with the reason, so one bad order in a report or
 * a webhook for an unknown SKU neither stops the others nor gets lost. Replaying a dead letter gives it to the same
 * handler again, after someone fixed the cause.
 */
@Service
public class ChannelInbox {

    private static final Logger log = LoggerFactory.getLogger(ChannelInbox.class);

    private final Map<String, ChannelMessageHandler> handlers = new HashMap<>();
    private final DeadLetters deadLetters;
    private final TransactionTemplate transaction;

    ChannelInbox(List<ChannelMessageHandler> handlers, DeadLetters deadLetters,
                 PlatformTransactionManager transactionManager) {
        for (ChannelMessageHandler handler : handlers) {
            for (String type : handler.messageTypes()) {
                ChannelMessageHandler before = this.handlers.put(type, handler);
                if (before != null) {
                    throw new IllegalStateException("Two handlers take the channel messages of type " + type + ": "
                            + before.getClass().getName() + " and " + handler.getClass().getName());
                }
            }
        }
        this.deadLetters = deadLetters;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** What became of a message: taken, or kept as the dead letter with this id for this reason. */
    public record Outcome(boolean taken, Long deadLetterId, String reason) {

        static Outcome wasTaken() {
            return new Outcome(true, null, null);
        }

        static Outcome deadLetter(long id, String reason) {
            return new Outcome(false, id, reason);
        }
    }

    /**
     * Takes the message, or keeps it as a dead letter when its content is refused. An outage (any other exception)
     * propagates and keeps nothing: the channel's retry brings the message again.
     */
    public Outcome take(ChannelMessage message) {
        ChannelMessageHandler handler = handlerOf(message.messageType());
        try {
            transaction.executeWithoutResult(status -> handler.take(message));
            return Outcome.wasTaken();
        } catch (RuntimeException failure) {
            String reason = rejectionReason(failure).orElseThrow(() -> failure);
            long id = transaction.execute(status -> deadLetters.record(message, reason));
            log.warn("Channel {} message {} {} kept as dead letter {}: {}", message.channel(), message.messageType(),
                    message.messageId(), id, reason);
            return Outcome.deadLetter(id, reason);
        }
    }

    /**
     * Gives an open dead letter to its handler again. Taken: the letter is REPLAYED (by whom, when) in the same
     * transaction as what the handler did. Refused again: the letter stays open with the new reason and one more
     * attempt, and the outcome says why.
     */
    public Outcome replay(long id, String user) {
        try {
            transaction.executeWithoutResult(status -> {
                DeadLetter letter = openLetter(id);
                try {
                    handlerOf(letter.messageType()).take(letter.message());
                } catch (RuntimeException failure) {
                    throw new HandlerFailed(failure);
                }
                deadLetters.resolve(id, DeadLetterStatus.REPLAYED, user, null);
            });
            log.info("Dead letter {} replayed by {}", id, user);
            return Outcome.wasTaken();
        } catch (HandlerFailed failed) {
            String reason = rejectionReason(failed.getCause()).orElseThrow(failed::getCause);
            transaction.executeWithoutResult(status -> deadLetters.record(openLetter(id).message(), reason));
            return Outcome.deadLetter(id, reason);
        }
    }

    /** Settles an open dead letter without taking it (a test order, a message of a channel's own mistake). */
    public DeadLetter discard(long id, String user, String note) {
        return transaction.execute(status -> {
            openLetter(id);
            deadLetters.resolve(id, DeadLetterStatus.DISCARDED, user, note);
            return deadLetters.find(id).orElseThrow();
        });
    }

    private DeadLetter openLetter(long id) {
        DeadLetter letter = deadLetters.lock(id)
                .orElseThrow(() -> new NotFoundException("id", "No dead letter " + id + " is known"));
        if (letter.status() != DeadLetterStatus.OPEN) {
            throw new ConflictException("Dead letter " + id + " is " + letter.status() + " since "
                    + letter.resolvedAt() + " (" + letter.resolvedBy() + "); only an open one can be replayed or "
                    + "discarded");
        }
        return letter;
    }

    private ChannelMessageHandler handlerOf(String messageType) {
        ChannelMessageHandler handler = handlers.get(messageType);
        if (handler == null) {
            throw new IllegalStateException("No handler takes channel messages of type " + messageType);
        }
        return handler;
    }

    /** The refusals of the services are about the message's content; anything else is an outage. */
    private static Optional<String> rejectionReason(Throwable failure) {
        if (failure instanceof MessageRejectedException || failure instanceof RuleViolationException
                || failure instanceof ConflictException || failure instanceof NotFoundException
                || failure instanceof InvalidParameterException) {
            return Optional.of(failure.getMessage());
        }
        return Optional.empty();
    }

    /** The handler's own failure, told apart from the letter being unknown or settled already. */
    private static final class HandlerFailed extends RuntimeException {

        HandlerFailed(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }
}
