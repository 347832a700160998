package org.openreturns.refurbishment;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.openreturns.system.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The refurbishment queue of the warehouses. */
@RestController
@RequestMapping("/api/refurbishments")
class RefurbishmentController {

    private final RefurbishmentQueue queue;

    RefurbishmentController(RefurbishmentQueue queue) {
        this.queue = queue;
    }

    record Completion(@NotNull RefurbishmentOutcome outcome, @Size(max = 2000) String notes) {
    }

    @GetMapping
    List<RefurbishmentJobView> jobs(@RequestParam(required = false) String status,
                                    @RequestParam(required = false) String warehouse) {
        return queue.jobs(status, warehouse);
    }

    /** The warehouse or quality, whoever did the work, says how it ended. */
    @PostMapping("/{jobId}/complete")
    RefurbishmentJobView complete(@PathVariable long jobId, @Valid @RequestBody Completion completion,
                                  Authentication caller) {
        Actor actor = Actor.of(caller);
        return queue.complete(jobId, completion.outcome(), completion.notes(), actor.userId());
    }
}
