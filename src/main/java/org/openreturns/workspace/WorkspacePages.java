package org.openreturns.workspace;

import java.security.Principal;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.openreturns.system.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/** The workspace's login and refusal pages, and what every page knows about the person looking at it. */
@Controller
class WorkspacePages {

    @GetMapping(WorkspaceSecurityConfiguration.LOGIN_PAGE)
    String login() {
        return "workspace/login";
    }

    /** Where the security filter sends a person whose groups may not open the page they asked for. */
    @RequestMapping("/app/denied")
    String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "workspace/denied";
    }

    /** Applies to the workspace's pages only; the HTTP API answers its refusals as problem details. */
    @ControllerAdvice(basePackageClasses = WorkspacePages.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Everywhere {

        /** The viewer's name, and which groups of pages ({@link PageAccess}) they may open, for the navigation. */
        @ModelAttribute
        void viewer(Principal principal, Model model) {
            if (principal instanceof Authentication viewer) {
                model.addAttribute("viewer", viewer.getName());
                Set<String> may = Arrays.stream(PageAccess.values())
                        .filter(access -> access.allows(viewer.getAuthorities()))
                        .map(Enum::name).collect(Collectors.toUnmodifiableSet());
                model.addAttribute("may", may);
            } else {
                model.addAttribute("may", Set.of());
            }
        }

        @ExceptionHandler(NotFoundException.class)
        String notFound(NotFoundException problem, HttpServletResponse response, Model model) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("problem", problem.getMessage());
            return "workspace/not-found";
        }
    }
}
