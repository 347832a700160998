package org.openreturns.ai.forecast;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.openreturns.system.DemoSetting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads two years of weekly demo history ({@link DemoReturnHistory}) on the first start of the embedded default, so
 * the forecast works out of the box; the same rule as the demo catalogue ({@code returns.demo-data}), and only while
 * the history is empty, so it never doubles.
 */
@Component
class DemoReturnHistoryLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoReturnHistoryLoader.class);

    private final ReturnVolumeRepository volumes;
    private final Environment environment;
    private final Clock clock;

    DemoReturnHistoryLoader(ReturnVolumeRepository volumes, Environment environment, Clock clock) {
        this.volumes = volumes;
        this.environment = environment;
        this.clock = clock;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Transactional
    public void loadOnFirstStart() {
        if (!DemoSetting.isOn(environment, "returns.demo-data") || volumes.hasHistory()) {
            return;
        }
        List<DemoReturnHistory.Week> weeks = DemoReturnHistory.generate(LocalDate.now(clock));
        volumes.insertHistory(weeks);
        log.info("Loaded the demo return history: {} weeks of {} warehouse categories", DemoReturnHistory.WEEKS,
                weeks.size() / DemoReturnHistory.WEEKS);
    }
}
