package org.openreturns.system;

import org.springframework.core.env.Environment;

/**
 * Whether a demo feature (demo users, demo catalogue and stock) is on: the property decides when set; otherwise it
 * is on exactly for the embedded default, never on a configured database.
 */
public final class DemoSetting {

    private DemoSetting() {
    }

    public static boolean isOn(Environment environment, String property) {
        String configured = environment.getProperty(property, "");
        if (!configured.isBlank()) {
            return Boolean.parseBoolean(configured);
        }
        return environment.getProperty("spring.datasource.url", "").isBlank();
    }
}
