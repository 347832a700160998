package org.openreturns.system;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The authenticated caller of the HTTP API: who they are and their groups. */
public record Actor(String userId, Set<String> groups) {

    public static Actor of(Authentication authentication) {
        return new Actor(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet()));
    }

    public boolean isIn(String group) {
        return groups.contains(group) || groups.contains("admin");
    }
}
