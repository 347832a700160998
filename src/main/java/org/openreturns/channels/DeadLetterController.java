package org.openreturns.channels;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.openreturns.system.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The channel messages that could not be taken: read them, replay them after a fix, or discard them saying why. */
@RestController
@RequestMapping("/api/dead-letters")
class DeadLetterController {

    private final DeadLetters deadLetters;
    private final ChannelInbox inbox;

    DeadLetterController(DeadLetters deadLetters, ChannelInbox inbox) {
        this.deadLetters = deadLetters;
        this.inbox = inbox;
    }

    /** The open ones unless {@code status} says otherwise; at most 500, the most recently failed first. */
    @GetMapping
    List<DeadLetter> list(@RequestParam(required = false) String channel,
                          @RequestParam(defaultValue = "OPEN") DeadLetterStatus status) {
        return deadLetters.list(channel, status);
    }

    @GetMapping("/{id}")
    DeadLetter deadLetter(@PathVariable long id) {
        return deadLetters.find(id)
                .orElseThrow(() -> new NotFoundException("id", "No dead letter " + id + " is known"));
    }

    /**
     * 200 with the letter after the attempt: REPLAYED when the message was taken now, still OPEN with the new reason
     * and one more attempt when it is refused again. 409 when the letter was replayed or discarded before.
     */
    @PostMapping("/{id}/replay")
    DeadLetter replay(@PathVariable long id, Authentication caller) {
        inbox.replay(id, caller.getName());
        return deadLetters.find(id).orElseThrow();
    }

    @PostMapping("/{id}/discard")
    DeadLetter discard(@PathVariable long id, @Valid @RequestBody Discard discard, Authentication caller) {
        return inbox.discard(id, caller.getName(), discard.note());
    }

    /** @param note why the message is not to be taken, kept with the letter */
    record Discard(@NotBlank @Size(max = 2000) String note) {
    }
}
