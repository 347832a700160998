package org.openreturns.workspace;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The exception queues that are the viewer's work (a manager's: all), each with count, oldest age and value. */
@Controller
class QueuePages {

    private final ExceptionQueues queues;

    QueuePages(ExceptionQueues queues) {
        this.queues = queues;
    }

    @GetMapping("/app/queues")
    String queues(Authentication viewer, Model model) {
        Set<String> groups = viewer.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toUnmodifiableSet());
        model.addAttribute("queues", queues.of(groups));
        return "workspace/queues";
    }
}
