package org.openreturns.workspace;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;

/**
 * Which groups open which pages of the workspace (docs/authorization.md, "Pages"). The security filter enforces
 * it; the pages use it to show a person only the links they may follow.
 */
enum PageAccess {

    EVERY_STAFF_GROUP("support", "warehouse", "quality", "finance", "manager", "inventory-control"),
    RECEIVING("warehouse", "manager"),
    DASHBOARDS("manager", "finance"),
    FINANCE_PAGES("finance", "manager"),
    ;

    private final List<String> groups;

    PageAccess(String... groups) {
        this.groups = List.of(groups);
    }

    String[] groups() {
        return groups.toArray(String[]::new);
    }

    boolean allows(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).anyMatch(groups::contains);
    }
}
