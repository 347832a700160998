package org.openreturns.process;

import java.util.List;
import java.util.Map;

/**
 * The groups of the returns domain (docs/specification/vocabulary.md) that tasks are assigned to, and the demo users
 * of each runtime.
 */
public final class WorkGroups {

    /** Operations: run the application and the engine, change master data; may do everything. */
    public static final String ADMIN = "admin";

    public static final List<String> DOMAIN_GROUPS =
            List.of("support", "warehouse", "quality", "finance", "manager", "inventory-control", "admin");

    /** Demo user to the groups they are in; documented in the README. */
    public static final Map<String, List<String>> DEMO_USERS = Map.of(
            "support1", List.of("support"),
            "warehouse1", List.of("warehouse"),
            "quality1", List.of("quality"),
            "quality2", List.of("quality"),
            "finance1", List.of("finance"),
            "manager1", List.of("manager"),
            "inventory1", List.of("inventory-control"));

    private WorkGroups() {
    }
}
